package dev.quiver.model.logistic;

import dev.quiver.model.Matrix;

/**
 * Column mean and population std (ddof 0) over finite cells; z = (x - mean) / std, and a NaN or
 * infinite cell -> 0 (the training mean). Shared by the linear families (logistic, ridge,
 * elastic_net), which standardize inside the model. Stateless and thread-safe.
 */
public final class Standardizer {

  private Standardizer() {}

  /** Fills mean and std from x's rows; a column with no spread (or no values) gets std 1 (and mean 0 when empty). */
  public static void fit(Matrix x, double[] mean, double[] std) {
    int rows = x.rows();
    int cols = x.cols();
    long[] count = new long[cols];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        float v = x.get(r, j);
        if (Float.isFinite(v)) {
          mean[j] += v;
          count[j]++;
        }
      }
    }
    for (int j = 0; j < cols; j++) mean[j] = count[j] == 0 ? 0 : mean[j] / count[j];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        float v = x.get(r, j);
        if (Float.isFinite(v)) {
          double d = v - mean[j];
          std[j] += d * d;
        }
      }
    }
    for (int j = 0; j < cols; j++) {
      double s = count[j] == 0 ? 0 : Math.sqrt(std[j] / count[j]);
      std[j] = s > 0 && Double.isFinite(s) ? s : 1.0;
    }
  }

  /** Standardized row r of x into z. */
  public static void row(Matrix x, int r, double[] mean, double[] std, double[] z) {
    for (int j = 0; j < z.length; j++) {
      double v = (x.get(r, j) - mean[j]) / std[j];
      z[j] = Double.isFinite(v) ? v : 0.0;
    }
  }
}
