package dev.quiver.registry;

import java.util.List;

/**
 * A fitted preprocessor as the registry holds it: once, as {@code preprocessors/{id}.json}
 * ({@code file}, relative to the registry root) with the SHA-256 of that file, shared by every
 * version whose artifact carries the same pipeline ({@code usedBy}, oldest registration first).
 * {@code steps} are the spec's steps in order, e.g. {@code impute=median}.
 */
public record RegisteredPreprocessor(String id, String spec, List<String> steps, String file, String sha256, List<ModelVersion> usedBy) {

  public RegisteredPreprocessor {
    steps = List.copyOf(steps);
    usedBy = List.copyOf(usedBy);
  }
}
