package dev.quiver.gbdt;

/**
 * Predicts one row at a time with the least overhead, for serving: the same value as the model's
 * batch {@code predict} for that row (P(class 1) for binary models, the forecast for regression
 * ones). {@code row} holds the model's features in schema order, NaN for a missing value; it is
 * read, never kept. Whether one instance may be used from several threads is said by each
 * implementation; close it once when done (a second close does nothing).
 */
public interface RowPredictor extends AutoCloseable {

  double predict(float[] row);

  @Override
  void close();
}
