package dev.quiver.preprocess;

import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;

/**
 * A trainer behind a preprocessing pipeline: fits {@code spec} on the training rows only, trains
 * {@code inner} on the transformed training rows (its validation rows, for early stopping, go
 * through the same fitted pipeline), and returns a {@link PreprocessedModel}.
 */
public final class PreprocessingTrainer implements Trainer {

  private final PreprocessSpec spec;
  private final Trainer inner;

  public PreprocessingTrainer(PreprocessSpec spec, Trainer inner) {
    this.spec = spec;
    this.inner = inner;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Preprocessor p = PreprocessorFitter.fit(spec, train.x(), train.y());
    TrainSet t = train.withX(p.apply(train.x()));
    TrainSet v = validation == null ? null : validation.withX(p.apply(validation.x()));
    return new PreprocessedModel(p, inner.fit(t, v, ctx, info));
  }
}
