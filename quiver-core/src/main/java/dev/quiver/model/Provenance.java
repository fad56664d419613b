package dev.quiver.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a fitted model came from: family, variant, parameter values, seed, a SHA-256 of the
 * training data, feature names, the fold it was fitted on, the Quiver version and the runtime
 * (java, os, arch, native library versions). Math vs StrictMath and native builds can change
 * results across platforms, so the runtime is part of the record.
 */
public record Provenance(String family, String variant, Map<String, String> params, long seed,
    String dataSha256, List<String> features, String fold, String codeVersion,
    Map<String, String> runtime, Instant trainedAt) {

  public Provenance {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    features = List.copyOf(features);
    runtime = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runtime));
  }

  /** The runtime facts every model records, plus the given native library versions. */
  public static Map<String, String> runtimeWith(Map<String, String> natives) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("java", System.getProperty("java.version"));
    r.put("os", System.getProperty("os.name"));
    r.put("arch", System.getProperty("os.arch"));
    r.putAll(natives);
    return r;
  }

  /** Quiver's version, from the jar manifest when packaged. */
  public static String currentCodeVersion() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
