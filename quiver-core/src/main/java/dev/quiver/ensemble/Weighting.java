package dev.quiver.ensemble;

import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.Task;

/**
 * How voting weights come from held-out predictions (validation or out-of-fold rows, never rows
 * a member was fitted on). Weights are non-negative and sum to 1.
 * <ul>
 *   <li>{@link #EQUAL}: 1 / members.</li>
 *   <li>{@link #METRIC}: proportional to the member's edge over chance on the held-out rows:
 *       {@code max(0, AUC - 0.5)} for binary, {@code max(0, Pearson correlation of forecast and
 *       target)} for regression. When no member has an edge the weights are equal.</li>
 *   <li>{@link #INVERSE_ERROR}: proportional to {@code 1 / mean squared error} (the Brier score
 *       for binary).</li>
 * </ul>
 * Held-out targets must be labels (0/1 for binary), as a fitted member's rows are.
 */
public enum Weighting {
  EQUAL,
  METRIC,
  INVERSE_ERROR;

  /** Weights for members whose held-out predictions are {@code heldOut[member][row]}, targets {@code y[row]}. */
  public double[] weights(double[][] heldOut, float[] y, Task task) {
    int k = heldOut.length;
    double[] w = new double[k];
    for (int m = 0; m < k; m++) {
      if (heldOut[m].length != y.length) throw new IllegalArgumentException("member " + m + " has " + heldOut[m].length + " predictions for " + y.length + " targets");
      w[m] = switch (this) {
        case EQUAL -> 1.0;
        case METRIC -> Math.max(0.0, task == Task.BINARY ? ClassificationMetrics.of(y, heldOut[m]).auc() - 0.5 : correlation(heldOut[m], y));
        case INVERSE_ERROR -> 1.0 / Math.max(meanSquaredError(heldOut[m], y), 1e-12);
      };
      if (!Double.isFinite(w[m])) w[m] = 0.0;
    }
    return normalised(w);
  }

  /** {@code w} scaled to sum 1; equal weights when it sums to 0. */
  static double[] normalised(double[] w) {
    double sum = 0;
    for (double v : w) sum += v;
    double[] out = new double[w.length];
    for (int m = 0; m < w.length; m++) out[m] = sum > 0 ? w[m] / sum : 1.0 / w.length;
    return out;
  }

  static double meanSquaredError(double[] p, float[] y) {
    double s = 0;
    long n = 0;
    for (int r = 0; r < y.length; r++) {
      if (!Float.isFinite(y[r])) continue;
      double d = p[r] - y[r];
      s += d * d;
      n++;
    }
    return n == 0 ? Double.NaN : s / n;
  }

  static double correlation(double[] p, float[] y) {
    double sp = 0;
    double sy = 0;
    long n = 0;
    for (int r = 0; r < y.length; r++) {
      if (!Float.isFinite(y[r])) continue;
      sp += p[r];
      sy += y[r];
      n++;
    }
    if (n < 2) return 0;
    double mp = sp / n;
    double my = sy / n;
    double cov = 0;
    double vp = 0;
    double vy = 0;
    for (int r = 0; r < y.length; r++) {
      if (!Float.isFinite(y[r])) continue;
      double a = p[r] - mp;
      double b = y[r] - my;
      cov += a * b;
      vp += a * a;
      vy += b * b;
    }
    return vp > 0 && vy > 0 ? cov / Math.sqrt(vp * vy) : 0;
  }
}
