package dev.quiver.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model to fit: a display name, the family and variant, user overrides (as text, parsed and
 * validated by the family) and the seed.
 */
public record TrainJob(String name, String family, String variant, Map<String, String> overrides, long seed) {

  public TrainJob {
    overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }
}
