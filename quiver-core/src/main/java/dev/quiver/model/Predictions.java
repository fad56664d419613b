package dev.quiver.model;

/** One value per input row: P(class 1) for {@link Task#BINARY}, the forecast for {@link Task#REGRESSION}. */
public record Predictions(Task task, double[] values) {

  public int size() {
    return values.length;
  }
}
