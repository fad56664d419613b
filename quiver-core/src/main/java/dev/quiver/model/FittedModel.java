package dev.quiver.model;

import java.util.Optional;

/**
 * A trained model: immutable, thread-safe for {@link #predict}. Models that own native memory
 * also implement {@link AutoCloseable}; their owner closes them once.
 */
public interface FittedModel {

  Schema inputSchema();

  /** One prediction per row of {@code x}, whose columns must be {@link #inputSchema()}'s features. */
  Predictions predict(Matrix x);

  Optional<FeatureImportance> importance();

  /** The metric per iteration on the training and validation rows, for models fitted iteratively; empty otherwise. */
  default Optional<LearningCurve> learningCurve() {
    return Optional.empty();
  }

  /** Writes the model's files (native format + JSON) into {@code out}. */
  void save(ArtifactWriter out);

  Provenance provenance();
}
