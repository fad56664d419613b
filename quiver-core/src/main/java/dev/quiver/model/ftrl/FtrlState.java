package dev.quiver.model.ftrl;

import dev.quiver.model.Matrix;
import dev.quiver.model.logistic.Standardizer;

/**
 * The per-coordinate FTRL-proximal state: {@code z} (accumulated adjusted gradients) and {@code n}
 * (accumulated squared gradients), one entry per standardized feature plus a last one for the
 * intercept. Weights are derived from them on demand. Mutable and not thread-safe: a trainer or a
 * {@link FtrlModel#partialFit} owns one copy.
 */
final class FtrlState {

  final double alpha;
  final double beta;
  final double l1;
  final double l2;
  final double[] mean;
  final double[] std;
  final double[] z;
  final double[] n;
  long rowsSeen;
  private final double[] input;
  private final double[] w;

  FtrlState(double alpha, double beta, double l1, double l2, double[] mean, double[] std, double[] z, double[] n, long rowsSeen) {
    this.alpha = alpha;
    this.beta = beta;
    this.l1 = l1;
    this.l2 = l2;
    this.mean = mean.clone();
    this.std = std.clone();
    this.z = z.clone();
    this.n = n.clone();
    this.rowsSeen = rowsSeen;
    this.input = new double[mean.length];
    this.w = new double[z.length];
  }

  FtrlState copy() {
    return new FtrlState(alpha, beta, l1, l2, mean, std, z, n, rowsSeen);
  }

  /** The closed-form FTRL-proximal weights of the current z and n into {@code out} (length features + 1). */
  void weights(double[] out) {
    for (int i = 0; i < z.length; i++) {
      double zi = z[i];
      out[i] = Math.abs(zi) <= l1 ? 0.0 : -(zi - Math.signum(zi) * l1) / ((beta + Math.sqrt(n[i])) / alpha + l2);
    }
  }

  /** One online step on row r of x with label y (0 or 1). */
  void learn(Matrix x, int r, float y) {
    Standardizer.row(x, r, mean, std, input);
    weights(w);
    int p = input.length;
    double s = w[p];
    for (int j = 0; j < p; j++) s += w[j] * input[j];
    double g = sigmoid(s) - y;
    for (int j = 0; j < p; j++) step(j, g * input[j]);
    step(p, g);
    rowsSeen++;
  }

  private void step(int i, double g) {
    double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / alpha;
    z[i] += g - sigma * w[i];
    n[i] += g * g;
  }

  /** P(class 1) for every row of x under the weights {@code weights} into {@code out}. */
  static void predict(Matrix x, double[] mean, double[] std, double[] weights, double[] out) {
    int p = mean.length;
    double[] in = new double[p];
    for (int r = 0; r < x.rows(); r++) {
      Standardizer.row(x, r, mean, std, in);
      double s = weights[p];
      for (int j = 0; j < p; j++) s += weights[j] * in[j];
      out[r] = sigmoid(s);
    }
  }

  static double sigmoid(double s) {
    return s >= 0 ? 1.0 / (1.0 + Math.exp(-s)) : Math.exp(s) / (1.0 + Math.exp(s));
  }

  /** Mean binary log-loss of probabilities p against labels y, with p clipped to [1e-15, 1 - 1e-15]. */
  static double logLoss(float[] y, double[] p) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
      sum -= y[i] == 1f ? Math.log(q) : Math.log(1 - q);
    }
    return sum / y.length;
  }
}
