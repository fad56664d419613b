package dev.quiver.model;

/**
 * Rows to learn from: features {@code x} and targets {@code y} (0/1 for {@link Task#BINARY}),
 * one per row of {@code x}; {@code y} is a view starting at {@code x.offset()}'s row 0.
 */
public record TrainSet(Matrix x, float[] y) {

  public TrainSet {
    if (y.length != x.rows()) throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
  }

  public int rows() {
    return x.rows();
  }
}
