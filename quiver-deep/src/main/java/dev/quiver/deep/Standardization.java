package dev.quiver.deep;

import dev.quiver.model.Matrix;

/**
 * Per-column mean and population std (ddof 0) of the training rows only, over finite cells; a
 * column with no spread (or no finite value) gets std 1. Applied as {@code (x - mean) / std} in
 * float32, and a NaN or infinite result becomes 0, the training mean. Saved with the model, so
 * prediction standardizes exactly as training did. Immutable.
 */
record Standardization(float[] mean, float[] std) {

  Standardization {
    if (mean.length != std.length) throw new IllegalArgumentException(mean.length + " means for " + std.length + " stds");
    mean = mean.clone();
    std = std.clone();
  }

  static Standardization fit(Matrix x) {
    int cols = x.cols();
    double[] sum = new double[cols];
    double[] sq = new double[cols];
    long[] count = new long[cols];
    float[] data = x.data();
    int from = x.offset() * cols;
    int to = (x.offset() + x.rows()) * cols;
    for (int k = from; k < to; k += cols) {
      for (int j = 0; j < cols; j++) {
        float v = data[k + j];
        if (Float.isFinite(v)) {
          sum[j] += v;
          count[j]++;
        }
      }
    }
    float[] mean = new float[cols];
    for (int j = 0; j < cols; j++) mean[j] = count[j] == 0 ? 0f : (float) (sum[j] / count[j]);
    for (int k = from; k < to; k += cols) {
      for (int j = 0; j < cols; j++) {
        float v = data[k + j];
        if (Float.isFinite(v)) {
          double d = v - (double) mean[j];
          sq[j] += d * d;
        }
      }
    }
    float[] std = new float[cols];
    for (int j = 0; j < cols; j++) {
      double s = count[j] == 0 ? 0 : Math.sqrt(sq[j] / count[j]);
      std[j] = s > 0 && Double.isFinite(s) && (float) s > 0f ? (float) s : 1f;
    }
    return new Standardization(mean, std);
  }

  int cols() {
    return mean.length;
  }

  float apply(float v, int col) {
    float z = (v - mean[col]) / std[col];
    return Float.isFinite(z) ? z : 0f;
  }
}
