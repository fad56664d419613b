package dev.quiver.model.ngboost;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.tree.HistogramBins;
import dev.quiver.model.tree.RegressionTree;
import dev.quiver.model.tree.TreeLearner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Fits {@link NgBoostFamily}'s model; stateless, so one instance may fit concurrently. */
final class NgBoostTrainer implements Trainer {

  private static final int LINE_SEARCH_HALVINGS = 12;

  private final Params params;

  NgBoostTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Matrix x = train.x();
    float[] y = train.y();
    int n = train.rows();
    if (n < 2) throw new BadInputException(Where.none(), "ngboost needs at least 2 training rows, got " + n, "use more data");
    double sum = 0;
    for (float v : y) sum += v;
    double mean0 = sum / n;
    double ss = 0;
    for (float v : y) ss += (v - mean0) * (v - mean0);
    double std0 = Math.sqrt(ss / n);
    if (!(std0 > 0) || !Double.isFinite(std0)) {
      throw new BadInputException(Where.none(), "ngboost needs a target that varies; every training target is " + y[0], "use another label or more data");
    }
    double logStd0 = Math.log(std0);

    HistogramBins bins = HistogramBins.of(x, params.getInt("max_bins"));
    TreeLearner learner = new TreeLearner(bins, params.getInt("max_depth"), params.getInt("min_samples_leaf"), params.getDouble("lambda"));
    double rate = params.getDouble("learning_rate");
    int take = Math.max(1, (int) Math.round(params.getDouble("subsample") * n));
    SplittableRandom rnd = new SplittableRandom(ctx.seed());

    double[] mu = new double[n];
    double[] s = new double[n];
    Arrays.fill(mu, mean0);
    Arrays.fill(s, logStd0);
    double[] gMu = new double[n];
    double[] gS = new double[n];
    double[] fMu = new double[n];
    double[] fS = new double[n];
    int[] rows = new int[n];
    int[] subset = new int[n];
    boolean validate = validation != null && validation.rows() > 0;
    int nv = validate ? validation.rows() : 0;
    double[] vMu = new double[nv];
    double[] vS = new double[nv];
    Arrays.fill(vMu, mean0);
    Arrays.fill(vS, logStd0);
    List<RegressionTree> meanTrees = new ArrayList<>();
    List<RegressionTree> logStdTrees = new ArrayList<>();
    double[][] steps = {new double[64]};
    int maxIter = params.getInt("n_estimators");
    ctx.progress().start(NgBoostFamily.NAME, maxIter);
    LearningCurve curve = EarlyStopping.run("nll", false, maxIter, params.getInt("patience"), validate, ctx, new EarlyStopping.Rounds<RuntimeException>() {
      @Override
      public boolean add() {
        for (int i = 0; i < n; i++) {
          double inv = Math.exp(-2 * s[i]);
          double d = y[i] - mu[i];
          gMu[i] = -d;
          gS[i] = 0.5 * (1 - d * d * inv);
        }
        for (int i = 0; i < n; i++) rows[i] = i;
        if (take < n) {
          for (int i = 0; i < take; i++) {
            int k = i + rnd.nextInt(n - i);
            int t = rows[i];
            rows[i] = rows[k];
            rows[k] = t;
          }
          Arrays.sort(rows, 0, take);
        }
        System.arraycopy(rows, 0, subset, 0, take);
        RegressionTree tMu = learner.fit(gMu, rows, take);
        RegressionTree tS = learner.fit(gS, subset, take);
        for (int i = 0; i < n; i++) {
          fMu[i] = tMu.predict(x, i);
          fS[i] = tS.predict(x, i);
        }
        double before = loss(y, mu, s, null, null, 0);
        double scale = 1.0;
        int halvings = 0;
        double after = loss(y, mu, s, fMu, fS, scale);
        while (!(after <= before) && halvings < LINE_SEARCH_HALVINGS) {
          scale *= 0.5;
          halvings++;
          after = loss(y, mu, s, fMu, fS, scale);
        }
        if (!(after <= before)) return false;
        double step = rate * scale;
        for (int i = 0; i < n; i++) {
          mu[i] -= step * fMu[i];
          s[i] -= step * fS[i];
        }
        for (int i = 0; i < nv; i++) {
          vMu[i] -= step * tMu.predict(validation.x(), i);
          vS[i] -= step * tS.predict(validation.x(), i);
        }
        int k = meanTrees.size();
        if (k == steps[0].length) steps[0] = Arrays.copyOf(steps[0], k * 2);
        steps[0][k] = step;
        meanTrees.add(tMu);
        logStdTrees.add(tS);
        return true;
      }

      @Override
      public double trainScore() {
        return loss(y, mu, s, null, null, 0);
      }

      @Override
      public double validationScore() {
        return loss(validation.y(), vMu, vS, null, null, 0);
      }
    });
    int keep = curve.bestIteration();
    Provenance provenance = new Provenance(NgBoostFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        x.names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new NgBoostModel(x.names(), train.task(), mean0, logStd0, Arrays.copyOf(steps[0], keep), meanTrees.subList(0, keep),
        logStdTrees.subList(0, keep), curve, provenance);
  }

  /** Mean NLL of y under (mu - scale * fMu, s - scale * fS); with null directions, under (mu, s). */
  private static double loss(float[] y, double[] mu, double[] s, double[] fMu, double[] fS, double scale) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double m = fMu == null ? mu[i] : mu[i] - scale * fMu[i];
      double ls = fS == null ? s[i] : s[i] - scale * fS[i];
      sum += NormalForecast.nll(y[i], m, ls);
    }
    return sum / y.length;
  }
}
