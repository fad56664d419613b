package dev.quiver.model;

/** What a model predicts. */
public enum Task {
  /** Two classes 0/1; predictions are P(class 1). */
  BINARY,
  /** A real value; predictions are the value. */
  REGRESSION
}
