package dev.quiver.model;

import java.util.Objects;

/**
 * Rows to learn from: features {@code x}, targets {@code y} (one per row of {@code x}; {@code
 * y[0]} belongs to {@code x}'s row 0) and the {@link Task} they pose. Trainers take the task
 * from here (a LightGBM objective follows it), so the data, not a parameter, decides what is
 * learned. {@link Task#BINARY} targets must be exactly 0 or 1: the constructor checks every row.
 *
 * <p>{@code forwardReturn} (may be null: not known) is each row's label return, the simple return
 * over the label's horizon ({@link dev.quiver.labels.Targets#forwardReturn()}), for trainers that
 * weigh rows by what trading them would have earned (reward_based); it is never a feature.
 */
public record TrainSet(Matrix x, float[] y, Task task, double[] forwardReturn) {

  public TrainSet {
    Objects.requireNonNull(task, "task");
    if (y.length != x.rows()) throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
    if (forwardReturn != null && forwardReturn.length != y.length) {
      throw new IllegalArgumentException(forwardReturn.length + " forward returns for " + y.length + " rows");
    }
    if (task == Task.BINARY) {
      for (int i = 0; i < y.length; i++) {
        if (y[i] != 0f && y[i] != 1f) throw new IllegalArgumentException("binary targets must be 0 or 1; row " + i + " has " + y[i]);
      }
    }
  }

  /** Rows without forward returns. */
  public TrainSet(Matrix x, float[] y, Task task) {
    this(x, y, task, null);
  }

  /** Binary targets (0/1); the same as {@code new TrainSet(x, y, Task.BINARY)}. */
  public TrainSet(Matrix x, float[] y) {
    this(x, y, Task.BINARY);
  }

  public int rows() {
    return x.rows();
  }
}
