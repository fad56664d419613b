package dev.quiver.ensemble;

import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.logistic.Standardizer;
import java.time.Instant;
import java.util.Map;

/** Fits {@link NonNegativeLinearFamily}'s model; stateless. */
final class NonNegativeLinearTrainer implements Trainer {

  private final Params params;

  NonNegativeLinearTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Matrix x = train.x();
    int n = x.rows();
    int k = x.cols();
    if (n == 0) throw new IllegalArgumentException("no training rows");
    double[] mean = new double[k];
    double[] std = new double[k];
    Standardizer.fit(x, mean, std);
    // column-major standardized copy: each coordinate step reads one column
    double[][] z = new double[k][n];
    double[] row = new double[k];
    for (int r = 0; r < n; r++) {
      Standardizer.row(x, r, mean, std, row);
      for (int j = 0; j < k; j++) z[j][r] = row[j];
    }
    boolean[] nonNegative = new boolean[k];
    for (int j = 0; j < k; j++) nonNegative[j] = x.names().get(j).startsWith(StackingEnsemble.MEMBER_PREFIX);
    boolean binary = train.task() == Task.BINARY;
    float[] y = train.y();
    double l2 = params.getDouble("l2");
    double[] w = new double[k];
    double meanY = 0;
    for (int r = 0; r < n; r++) meanY += y[r];
    meanY /= n;
    double b = binary ? Math.log(Math.max(meanY, 1e-6) / Math.max(1 - meanY, 1e-6)) : meanY;
    double[] s = new double[n];
    java.util.Arrays.fill(s, b);
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    int maxIter = params.getInt("max_iter");
    double tol = params.getDouble("tol");
    for (int sweep = 0; sweep < maxIter && !ctx.cancel().requested(); sweep++) {
      double db = step(ones, s, y, binary, 0.0, b, false);
      b += db;
      double moved = Math.abs(db);
      for (int j = 0; j < k; j++) {
        double d = step(z[j], s, y, binary, l2, w[j], nonNegative[j]);
        w[j] += d;
        moved = Math.max(moved, Math.abs(d));
      }
      if (moved <= tol) break;
    }
    Provenance p = new Provenance(NonNegativeLinearFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        x.names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new NonNegativeLinearModel(x.names(), train.task(), w, b, mean, std, p);
  }

  /**
   * One projected Newton step on the coefficient {@code c} of column {@code col} (the intercept when
   * {@code col} is all ones), halved until the objective does not rise; updates the scores {@code
   * s} and returns the change.
   */
  private static double step(double[] col, double[] s, float[] y, boolean binary, double l2, double c, boolean nonNegative) {
    int n = s.length;
    double g = 0;
    double h = 0;
    for (int r = 0; r < n; r++) {
      double v = col[r];
      double resid;
      double curv;
      if (binary) {
        double p = sigmoid(s[r]);
        resid = p - y[r];
        curv = p * (1 - p);
      } else {
        resid = s[r] - y[r];
        curv = 1;
      }
      g += resid * v;
      h += curv * v * v;
    }
    g = g / n + l2 * c;
    h = h / n + l2 + 1e-12;
    double target = c - g / h;
    if (nonNegative && target < 0) target = 0;
    double delta = target - c;
    if (delta == 0) return 0;
    double before = objective(col, s, y, binary, l2, c, 0, n);
    int halving = 0;
    while (objective(col, s, y, binary, l2, c, delta, n) > before) {
      if (++halving > 30) return 0;
      delta *= 0.5;
    }
    for (int r = 0; r < n; r++) s[r] += delta * col[r];
    return delta;
  }

  /** Mean loss plus the penalty on this coefficient, with the coefficient moved by {@code delta}. */
  private static double objective(double[] col, double[] s, float[] y, boolean binary, double l2, double c, double delta, int n) {
    double loss = 0;
    for (int r = 0; r < n; r++) {
      double v = s[r] + delta * col[r];
      if (binary) loss += (v > 0 ? Math.log1p(Math.exp(-v)) + v : Math.log1p(Math.exp(v))) - y[r] * v;
      else loss += 0.5 * (v - y[r]) * (v - y[r]);
    }
    double cc = c + delta;
    return loss / n + 0.5 * l2 * cc * cc;
  }

  static double sigmoid(double v) {
    return v >= 0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v));
  }
}
