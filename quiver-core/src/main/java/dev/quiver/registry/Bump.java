package dev.quiver.registry;

/** Which part of a {@link SemVer} a new registration raises; {@link VersionRules} decides. */
public enum Bump {
  /** The input schema (features, their order, timeframe, task) or the label changed: old callers break. */
  MAJOR,
  /** Retrained: new data, params, variant, seed, family or model files, same inputs and label. */
  MINOR,
  /** Metadata only (metrics, grade, tags, description, dependencies): the model's files are identical. */
  PATCH
}
