package dev.quiver.model.linear;

import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;

/** Fits {@link ElasticNetFamily}'s model by coordinate descent in the shared {@link EarlyStopping} loop; stateless, so one instance may fit concurrently. */
final class ElasticNetTrainer implements Trainer {

  private final Params params;

  ElasticNetTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    LinearProblem problem = LinearProblem.of(ElasticNetFamily.NAME, train, validation);
    int maxIter = params.getInt("max_iter");
    ctx.progress().start(ElasticNetFamily.NAME, maxIter);
    Sweeps sweeps = new Sweeps(problem, params.getDouble("alpha"), params.getDouble("l1_ratio"), params.getDouble("tol"));
    LearningCurve curve = EarlyStopping.run("l2", false, maxIter, params.getInt("early_stopping_rounds"), problem.validation != null, ctx, sweeps);
    double[] w = curve.bestIteration() == curve.iterations() || sweeps.best == null ? sweeps.w : sweeps.best;
    return problem.model(ElasticNetFamily.NAME, w, curve, params, ctx, info);
  }

  /**
   * Cyclic coordinate descent on {@code (1/2) w'Gw - c.w + l1 |w|_1 + (l2/2) |w|^2} with G and c the
   * centered moments; q = G w is kept up to date so that one coordinate costs O(p).
   */
  private static final class Sweeps implements EarlyStopping.Rounds<RuntimeException> {
    private final LinearProblem problem;
    private final double[] g;
    private final double[] c;
    private final double l1;
    private final double l2;
    private final double tol;
    private final int p;
    final double[] w;
    private final double[] q;
    double[] best;
    private boolean converged;

    Sweeps(LinearProblem problem, double alpha, double l1Ratio, double tol) {
      this.problem = problem;
      this.g = problem.train.centeredG();
      this.c = problem.train.centeredC();
      this.l1 = alpha * l1Ratio;
      this.l2 = alpha * (1 - l1Ratio);
      this.tol = tol;
      this.p = problem.features();
      this.w = new double[p];
      this.q = new double[p];
    }

    @Override
    public boolean add() {
      if (converged) return false;
      double moved = 0;
      for (int j = 0; j < p; j++) {
        double gjj = g[j * p + j];
        double denominator = gjj + l2;
        double old = w[j];
        double r = c[j] - q[j] + gjj * old;
        double next = denominator > 0 ? Math.signum(r) * Math.max(Math.abs(r) - l1, 0) / denominator : 0;
        double delta = next - old;
        if (delta != 0) {
          w[j] = next;
          for (int k = 0; k < p; k++) q[k] += delta * g[k * p + j];
          moved = Math.max(moved, Math.abs(delta));
        }
      }
      converged = moved <= tol;
      return true;
    }

    @Override
    public double trainScore() {
      return problem.trainMse(w);
    }

    @Override
    public double validationScore() {
      return problem.validationMse(w);
    }

    @Override
    public void improved() {
      best = w.clone();
    }
  }
}
