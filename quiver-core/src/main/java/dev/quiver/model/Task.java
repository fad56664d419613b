package dev.quiver.model;

/** What a model predicts. */
public enum Task {
  /** Two classes 0/1; predictions are P(class 1). */
  BINARY,
  /** A real value; predictions are the value. */
  REGRESSION,
  /**
   * K ordered classes with ids 0..K-1 (K >= 2, carried by {@link TrainSet#classes()}); predictions
   * are the K class probabilities per row ({@link Predictions#probabilities()}) and a trading score
   * in [-1, 1], P(class K-1) - P(class 0) ({@link Predictions#values()}).
   */
  MULTICLASS
}
