package dev.quiver.model.reward;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.linear.Cholesky;
import dev.quiver.model.logistic.Standardizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/** Fits {@link RewardBasedFamily}'s model by Newton's method on the weighted log-loss; stateless, so one instance may fit concurrently. */
final class RewardTrainer implements Trainer {

  private final Params params;

  RewardTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "reward_based fits binary labels only, got a " + train.task() + " target",
          "use a binary label (direction, triple_barrier)");
    }
    if (train.forwardReturn() == null) {
      throw new BadInputException(Where.none(), "reward_based weighs rows by their forward return, but the training rows carry none",
          "build the training rows with Dataset.trainSet (the experiment runner and quiver train do)");
    }
    Matrix x = train.x();
    int p = x.cols();
    int k = p + 1;
    double[] mean = new double[p];
    double[] std = new double[p];
    Standardizer.fit(x, mean, std);
    double power = params.getDouble("power");
    double minW = params.getDouble("min_weight");
    double maxW = params.getDouble("max_weight");
    double[] w = RewardWeights.of(train.forwardReturn(), power, minW, maxW);
    boolean validate = validation != null && validation.rows() > 0;
    double[] vw = !validate ? null
        : validation.forwardReturn() == null ? ones(validation.rows()) : RewardWeights.of(validation.forwardReturn(), power, minW, maxW);
    double l2 = params.getDouble("l2");
    double tol = params.getDouble("tol");
    double[] beta = new double[k];
    double[] grad = new double[k];
    double[] hess = new double[k * k];
    double[] z = new double[p];
    double[] probs = new double[train.rows()];
    float[] y = train.y();
    int rows = train.rows();
    int maxIter = params.getInt("max_iter");
    boolean[] converged = {false};
    ctx.progress().start(RewardBasedFamily.NAME, maxIter);
    LearningCurve curve = EarlyStopping.run("weighted_logloss", false, maxIter, 0, validate, ctx, new EarlyStopping.Rounds<RuntimeException>() {
      @Override
      public boolean add() {
        if (converged[0]) return false;
        Arrays.fill(grad, 0);
        Arrays.fill(hess, 0);
        for (int r = 0; r < rows; r++) {
          Standardizer.row(x, r, mean, std, z);
          double s = beta[p];
          for (int j = 0; j < p; j++) s += beta[j] * z[j];
          double q = sigmoid(s);
          double g = w[r] * (q - y[r]);
          double h = w[r] * q * (1 - q);
          for (int a = 0; a < p; a++) {
            grad[a] += g * z[a];
            double hz = h * z[a];
            for (int b = 0; b <= a; b++) hess[a * k + b] += hz * z[b];
            hess[p * k + a] += hz;
          }
          grad[p] += g;
          hess[p * k + p] += h;
        }
        for (int a = 0; a < k; a++) for (int b = a + 1; b < k; b++) hess[a * k + b] = hess[b * k + a];
        for (int j = 0; j < p; j++) {
          grad[j] += l2 * beta[j];
          hess[j * k + j] += l2;
        }
        hess[p * k + p] += 1e-12;
        if (!Cholesky.solveInPlace(hess, grad, k)) {
          throw new BadInputException(Where.none(), "reward_based cannot take a Newton step: the weighted features are collinear or the rows carry"
              + " no weight", "raise l2 (e.g. the balanced variant's 1.0), raise min_weight, or drop redundant features");
        }
        double moved = 0;
        for (int j = 0; j < k; j++) {
          beta[j] -= grad[j];
          moved = Math.max(moved, Math.abs(grad[j]));
        }
        if (!Double.isFinite(moved)) throw new InternalException("reward_based diverged: a Newton step was " + moved);
        converged[0] = moved <= tol;
        return true;
      }

      @Override
      public double trainScore() {
        probabilities(x, mean, std, Arrays.copyOf(beta, p), beta[p], probs);
        return weightedLogLoss(y, probs, w);
      }

      @Override
      public double validationScore() {
        double[] vp = new double[validation.rows()];
        probabilities(validation.x(), mean, std, Arrays.copyOf(beta, p), beta[p], vp);
        return weightedLogLoss(validation.y(), vp, vw);
      }
    });
    Provenance provenance = new Provenance(RewardBasedFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        x.names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new RewardModel(x.names(), Arrays.copyOf(beta, p), beta[p], mean, std, curve, provenance);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }

  static double sigmoid(double s) {
    return s >= 0 ? 1.0 / (1.0 + Math.exp(-s)) : Math.exp(s) / (1.0 + Math.exp(s));
  }

  static void probabilities(Matrix x, double[] mean, double[] std, double[] coef, double intercept, double[] out) {
    double[] z = new double[coef.length];
    for (int r = 0; r < x.rows(); r++) {
      Standardizer.row(x, r, mean, std, z);
      double s = intercept;
      for (int j = 0; j < coef.length; j++) s += coef[j] * z[j];
      out[r] = sigmoid(s);
    }
  }

  /** Sum of w_i * logloss_i over sum of w_i, with p clipped to [1e-15, 1 - 1e-15]. */
  static double weightedLogLoss(float[] y, double[] p, double[] w) {
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
      sum -= w[i] * (y[i] == 1f ? Math.log(q) : Math.log(1 - q));
      weight += w[i];
    }
    return weight > 0 ? sum / weight : Double.NaN;
  }
}
