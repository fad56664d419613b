package dev.quiver.model;

import java.util.Objects;

/**
 * Rows to learn from: features {@code x}, targets {@code y} (one per row of {@code x}; {@code
 * y[0]} belongs to {@code x}'s row 0) and the {@link Task} they pose. Trainers take the task
 * from here (a LightGBM objective follows it), so the data, not a parameter, decides what is
 * learned. {@link Task#BINARY} targets must be exactly 0 or 1: the constructor checks every row.
 */
public record TrainSet(Matrix x, float[] y, Task task) {

  public TrainSet {
    Objects.requireNonNull(task, "task");
    if (y.length != x.rows()) throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
    if (task == Task.BINARY) {
      for (int i = 0; i < y.length; i++) {
        if (y[i] != 0f && y[i] != 1f) throw new IllegalArgumentException("binary targets must be 0 or 1; row " + i + " has " + y[i]);
      }
    }
  }

  /** Binary targets (0/1); the same as {@code new TrainSet(x, y, Task.BINARY)}. */
  public TrainSet(Matrix x, float[] y) {
    this(x, y, Task.BINARY);
  }

  public int rows() {
    return x.rows();
  }
}
