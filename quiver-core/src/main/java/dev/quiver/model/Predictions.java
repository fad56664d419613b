package dev.quiver.model;

/**
 * One value per input row: P(class 1) for {@link Task#BINARY}, the forecast for {@link
 * Task#REGRESSION}, and for {@link Task#MULTICLASS} the trading score {@code P(class K-1) -
 * P(class 0)} in [-1, 1] (for the ordered direction labels down/flat/up: P(up) - P(down); for the
 * multiclass triple barrier: P(profit) - P(stop)).
 *
 * <p>{@code probabilities} holds the class probabilities of a {@link Task#MULTICLASS} prediction,
 * row-major, {@code rows x classes} (row r's class k at {@code r * classes + k}); it is null and
 * {@code classes} 0 for the other tasks. The arrays are shared, not copied.
 */
public record Predictions(Task task, double[] values, double[] probabilities, int classes) {

  public Predictions {
    if (probabilities == null) {
      if (classes != 0) throw new IllegalArgumentException("classes must be 0 without probabilities, got " + classes);
    } else if (classes < 2 || probabilities.length != (long) values.length * classes) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for " + values.length + " rows of " + classes + " classes");
    }
  }

  /** Predictions without class probabilities (binary or regression). */
  public Predictions(Task task, double[] values) {
    this(task, values, null, 0);
  }

  /**
   * Multiclass predictions from row-major class probabilities ({@code rows x classes}); the values
   * are the scores {@code p[K-1] - p[0]} of each row.
   */
  public static Predictions multiclass(double[] probabilities, int classes) {
    if (classes < 2 || probabilities.length % classes != 0) {
      throw new IllegalArgumentException(probabilities.length + " probabilities are not a whole number of rows of " + classes + " classes");
    }
    int rows = probabilities.length / classes;
    double[] score = new double[rows];
    for (int r = 0; r < rows; r++) score[r] = probabilities[r * classes + classes - 1] - probabilities[r * classes];
    return new Predictions(Task.MULTICLASS, score, probabilities, classes);
  }

  public int size() {
    return values.length;
  }

  /** P(class k) of row r; only for multiclass predictions. */
  public double probability(int row, int k) {
    return probabilities[row * classes + k];
  }
}
