package dev.quiver.model.linear;

import dev.quiver.model.Matrix;
import dev.quiver.model.logistic.Standardizer;

/**
 * First and second moments of rows after standardizing: with z a row's standardized features
 * and t its standardized target, {@code zbar = mean(z)}, {@code tbar = mean(t)}, {@code tt =
 * mean(t^2)}, {@code g = mean(z z')} (uncentered, p x p row-major) and {@code c = mean(z t)}. They
 * give the mean squared error of any linear model {@code b + z.w} in O(p^2), without the rows, so
 * a solver can score every sweep on the training and validation rows cheaply. Immutable.
 */
final class Moments {

  final int p;
  final double[] zbar;
  final double tbar;
  final double tt;
  final double[] g;
  final double[] c;

  private Moments(int p, double[] zbar, double tbar, double tt, double[] g, double[] c) {
    this.p = p;
    this.zbar = zbar;
    this.tbar = tbar;
    this.tt = tt;
    this.g = g;
    this.c = c;
  }

  /** The moments of x's rows standardized with (mean, std) and of y standardized with (yMean, ySd). One pass over the rows. */
  static Moments of(Matrix x, float[] y, double[] mean, double[] std, double yMean, double ySd) {
    int n = x.rows();
    int p = x.cols();
    double[] z = new double[p];
    double[] zsum = new double[p];
    double[] g = new double[p * p];
    double[] c = new double[p];
    double tsum = 0;
    double ttsum = 0;
    for (int r = 0; r < n; r++) {
      Standardizer.row(x, r, mean, std, z);
      double t = (y[r] - yMean) / ySd;
      tsum += t;
      ttsum += t * t;
      for (int j = 0; j < p; j++) {
        double zj = z[j];
        zsum[j] += zj;
        c[j] += zj * t;
        int row = j * p;
        for (int k = j; k < p; k++) g[row + k] += zj * z[k];
      }
    }
    double inv = n == 0 ? 0 : 1.0 / n;
    for (int j = 0; j < p; j++) {
      zsum[j] *= inv;
      c[j] *= inv;
      for (int k = j; k < p; k++) {
        g[j * p + k] *= inv;
        g[k * p + j] = g[j * p + k];
      }
    }
    return new Moments(p, zsum, tsum * inv, ttsum * inv, g, c);
  }

  /** Mean of (t - b - z.w)^2 over the rows. */
  double mse(double b, double[] w) {
    double wc = 0;
    double wz = 0;
    double wgw = 0;
    for (int j = 0; j < p; j++) {
      wc += w[j] * c[j];
      wz += w[j] * zbar[j];
      double gw = 0;
      for (int k = 0; k < p; k++) gw += g[j * p + k] * w[k];
      wgw += w[j] * gw;
    }
    return Math.max(0, tt - 2 * b * tbar - 2 * wc + b * b + 2 * b * wz + wgw);
  }

  /** The covariance of z, {@code g - zbar zbar'} (p x p row-major). */
  double[] centeredG() {
    double[] out = new double[p * p];
    for (int j = 0; j < p; j++) for (int k = 0; k < p; k++) out[j * p + k] = g[j * p + k] - zbar[j] * zbar[k];
    return out;
  }

  /** The covariance of z with t, {@code c - zbar tbar}. */
  double[] centeredC() {
    double[] out = new double[p];
    for (int j = 0; j < p; j++) out[j] = c[j] - zbar[j] * tbar;
    return out;
  }
}
