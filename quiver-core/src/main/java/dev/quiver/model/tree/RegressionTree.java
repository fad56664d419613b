package dev.quiver.model.tree;

import dev.quiver.model.Matrix;

/**
 * A binary regression tree as parallel arrays (node 0 is the root). An inner node n tests feature
 * {@code feature[n]}: a missing input (NaN or ±infinity) or a value {@code <= threshold[n]} goes to
 * {@code left[n]}, others to {@code right[n]}. A leaf has {@code feature[n] == -1} and predicts
 * {@code value[n]}. {@code gain[n]} is the split's reduction of the regularized squared error (0 at
 * leaves). Treat as immutable; saved as JSON (floats and doubles round-trip exactly).
 */
public record RegressionTree(int[] feature, float[] threshold, int[] left, int[] right, double[] value, double[] gain) {

  public RegressionTree {
    int n = feature.length;
    if (threshold.length != n || left.length != n || right.length != n || value.length != n || gain.length != n || n == 0) {
      throw new IllegalArgumentException("tree arrays differ in length or are empty");
    }
  }

  /** The leaf value for row r of x. */
  public double predict(Matrix x, int r) {
    float[] data = x.data();
    int base = (x.offset() + r) * x.cols();
    int node = 0;
    while (feature[node] >= 0) {
      float v = data[base + feature[node]];
      node = !Float.isFinite(v) || v <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }

  /** Adds each inner node's gain to {@code out[feature]}. */
  public void addGains(double[] out) {
    for (int n = 0; n < feature.length; n++) if (feature[n] >= 0) out[feature[n]] += gain[n];
  }

  public int nodes() {
    return feature.length;
  }
}
