package dev.quiver.registry;

import dev.quiver.model.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE} of a registered version: who it is (name, version, family, kind, variant), how
 * it was trained (params, seed, training-data SHA-256), what it takes (input schema and the
 * feature recipe that computes it), how good it is (test metrics, grade with its numbers), what
 * it depends on ({@code name@version} of upstream models), tags, a description, why it got its
 * version ({@code change}, see {@link VersionRules}), the Quiver version that wrote it and when.
 * Immutable once registered: its SHA-256 is in {@code checksums.sha256}. Metrics may hold NaN.
 */
public record ModelCard(int format, String name, String version, String family, String kind, String variant,
    Map<String, String> params, long seed, String dataSha256, Schema schema, FeatureRecipe recipe,
    Map<String, Double> metrics, Grade grade, List<String> dependencies, List<String> tags, String description,
    String change, String codeVersion, Instant created) {

  public static final String FILE = "model.json";
  public static final int FORMAT = 1;

  public ModelCard {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
    grade = grade == null ? Grade.ungraded() : grade;
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    tags = tags == null ? List.of() : List.copyOf(tags);
    description = description == null ? "" : description;
  }

  public SemVer semVer() {
    return SemVer.parse(version);
  }

  /** The metric the folder name shows: accuracy, else directional_accuracy, else NaN. */
  public double headlineAccuracy() {
    Double a = metrics.get("accuracy");
    if (a == null) a = metrics.get("directional_accuracy");
    return a == null ? Double.NaN : a;
  }
}
