package dev.quiver.model;

import java.util.List;

/**
 * Per-row additive explanations (SHAP values, as the tree libraries compute them exactly for
 * their trees): row r's values are {@code values[r * (features + 1) + j]} for feature j and, in the
 * last column, the bias (the expected raw score). Each row sums to the model's raw score for that
 * row: the log-odds for {@link Task#BINARY} models, the forecast for {@link Task#REGRESSION} ones.
 */
public record Contributions(List<String> features, int rows, double[] values) {

  public Contributions {
    features = List.copyOf(features);
    if ((long) rows * (features.size() + 1) != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + rows + " rows of " + features.size() + " features + bias");
    }
  }

  /** Feature j's contribution to row r; j == features().size() is the bias. */
  public double get(int row, int feature) {
    return values[row * (features.size() + 1) + feature];
  }

  /** The raw score of row r: the sum of its contributions and the bias. */
  public double rawScore(int row) {
    int width = features.size() + 1;
    double s = 0;
    for (int j = 0; j < width; j++) s += values[row * width + j];
    return s;
  }
}
