package dev.quiver.model;

/**
 * A fitted model that keeps learning from new rows without retraining from scratch. {@link
 * #partialFit} returns a new model; this one is left unchanged, so a model in use for predictions
 * is never mutated under its readers. Continuing a reloaded model gives bit-identical results to
 * continuing the model that was saved.
 */
public interface OnlineModel extends FittedModel {

  /**
   * A new model that has learned from {@code rows} once each, in their order. The rows' columns
   * must be {@link #inputSchema()}'s features and their task the model's.
   */
  OnlineModel partialFit(TrainSet rows);
}
