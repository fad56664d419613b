package dev.quiver.registry;

import dev.quiver.model.FittedModel;

/**
 * A loaded, verified registered model: its index entry, its card and the fitted model. Close it
 * once when done: models that own native memory (LightGBM) free it then.
 */
public record RegisteredModel(ModelVersion version, ModelCard card, FittedModel model) implements AutoCloseable {

  @Override
  public void close() {
    if (model instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new dev.quiver.error.InternalException("cannot close model " + version.id() + ": " + e.getMessage(), e);
      }
    }
  }
}
