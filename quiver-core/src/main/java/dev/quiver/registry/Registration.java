package dev.quiver.registry;

import dev.quiver.model.FittedModel;
import java.util.List;
import java.util.Map;

/**
 * A request to register a fitted model under {@code name}. Only the name and model are
 * required; the family, variant, params, seed and data fingerprint come from the model's
 * provenance. {@code recipe} records how its inputs are computed (needed to predict from bars),
 * {@code metrics} are its test figures, {@code dependencies} the upstream models it needs (an
 * ensemble's members, say; aliases are resolved to versions when registering), and {@code
 * version}, when not null, forces the version instead of {@link VersionRules}. Build it with
 * {@link #of} and the {@code with} methods.
 */
public record Registration(String name, FittedModel model, FeatureRecipe recipe, Map<String, Double> metrics, Grade grade,
    List<ModelRef> dependencies, List<String> tags, String description, SemVer version) {

  public Registration {
    ModelNames.check(name);
    if (model == null) throw new IllegalArgumentException("no model to register");
    metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    grade = grade == null ? Grade.ungraded() : grade;
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    tags = tags == null ? List.of() : List.copyOf(tags);
    for (String t : tags) ModelNames.checkTag(t);
    description = description == null ? "" : description;
  }

  public static Registration of(String name, FittedModel model) {
    return new Registration(name, model, null, null, null, null, null, null, null);
  }

  public Registration withRecipe(FeatureRecipe r) {
    return new Registration(name, model, r, metrics, grade, dependencies, tags, description, version);
  }

  public Registration withMetrics(Map<String, Double> m) {
    return new Registration(name, model, recipe, m, grade, dependencies, tags, description, version);
  }

  public Registration withGrade(Grade g) {
    return new Registration(name, model, recipe, metrics, g, dependencies, tags, description, version);
  }

  public Registration withDependencies(List<ModelRef> d) {
    return new Registration(name, model, recipe, metrics, grade, d, tags, description, version);
  }

  public Registration withTags(List<String> t) {
    return new Registration(name, model, recipe, metrics, grade, dependencies, t, description, version);
  }

  public Registration withDescription(String d) {
    return new Registration(name, model, recipe, metrics, grade, dependencies, tags, d, version);
  }

  public Registration withVersion(SemVer v) {
    return new Registration(name, model, recipe, metrics, grade, dependencies, tags, description, v);
  }
}
