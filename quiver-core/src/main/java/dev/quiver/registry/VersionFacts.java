package dev.quiver.registry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts of a registered version that decide the next version number (see {@link
 * VersionRules}): its inputs (feature names in order, timeframe, task), its label, and what it
 * was trained from and into (family, variant, params, seed, data fingerprint, and {@code
 * filesSha256}, one SHA-256 over the model files' own checksums).
 */
public record VersionFacts(List<String> features, String timeframe, String task, String label, String family, String variant,
    Map<String, String> params, long seed, String dataSha256, String filesSha256) {

  public VersionFacts {
    features = List.copyOf(features);
    timeframe = timeframe == null ? "" : timeframe;
    label = label == null ? "" : label;
    variant = variant == null ? "" : variant;
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    dataSha256 = dataSha256 == null ? "" : dataSha256;
  }
}
