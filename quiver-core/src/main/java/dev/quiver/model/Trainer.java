package dev.quiver.model;

/**
 * Fits one model. Stateless: the seed and thread count come in the {@link TrainContext}, and
 * a fit returns a new {@link FittedModel}. {@code validation} (may be null) is only for early
 * stopping and never for the reported scores.
 */
public interface Trainer {

  FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info);
}
