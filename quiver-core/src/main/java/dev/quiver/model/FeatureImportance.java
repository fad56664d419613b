package dev.quiver.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Importance per feature, in the model's own measure ({@code kind}: "gain", "split", "abs_coefficient"). */
public record FeatureImportance(String kind, Map<String, Double> values) {

  public FeatureImportance {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Feature names, most important first. */
  public List<String> ranked() {
    List<String> names = new ArrayList<>(values.keySet());
    names.sort(Comparator.comparingDouble((String n) -> values.get(n)).reversed());
    return names;
  }
}
