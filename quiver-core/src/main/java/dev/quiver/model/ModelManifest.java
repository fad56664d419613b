package dev.quiver.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code manifest.json} of a saved model: which family loads it, its input schema, its
 * provenance, and the SHA-256 of every file in the artifact.
 */
public record ModelManifest(int formatVersion, String family, Schema schema, Provenance provenance,
    Map<String, String> files) {

  public static final int FORMAT_VERSION = 1;

  public ModelManifest {
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }
}
