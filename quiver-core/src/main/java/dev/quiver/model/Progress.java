package dev.quiver.model;

/** Reports work done in units the caller defined with {@link #start}. Implementations are thread-safe. */
public interface Progress {

  Progress NONE = new Progress() {
    @Override public void start(String task, long units) {}
    @Override public void advance(long units) {}
  };

  void start(String task, long units);

  void advance(long units);

  /**
   * An iterative fit scored its 1-based {@code iteration} on the validation rows ({@code metric},
   * better when {@code higherIsBetter}); called by {@link EarlyStopping} after each validated
   * iteration so that a tuner can stop a poor fit early through the context's cancellation.
   * Ignored by default.
   */
  default void scored(String metric, boolean higherIsBetter, int iteration, double validationScore) {}
}
