package dev.quiver.cli;

import dev.quiver.registry.ModelRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --registry DIR}, shared by every command that reads or writes the model registry. */
final class RegistryOption {

  @Option(names = "--registry", paramLabel = "DIR",
      description = "Model registry folder (default: $QUIVER_REGISTRY, else ./models).")
  Path registry;

  /** The folder: the flag, else $QUIVER_REGISTRY, else ./models. */
  Path location() {
    return ModelRegistry.location(registry, System.getenv());
  }

  /** The existing registry; a folder without one is bad input. */
  ModelRegistry open() {
    return ModelRegistry.open(location());
  }

  /** The registry, created when missing. */
  ModelRegistry create() {
    return ModelRegistry.create(location());
  }
}
