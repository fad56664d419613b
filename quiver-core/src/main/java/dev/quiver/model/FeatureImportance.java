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

  /** The "abs_coefficient" importance of a linear model: |coefficients[j]| for each of {@code features}, in order. */
  public static FeatureImportance absCoefficients(List<String> features, double[] coefficients) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < features.size(); j++) values.put(features.get(j), Math.abs(coefficients[j]));
    return new FeatureImportance("abs_coefficient", values);
  }

  /** Feature names, most important first. */
  public List<String> ranked() {
    List<String> names = new ArrayList<>(values.keySet());
    names.sort(Comparator.comparingDouble((String n) -> values.get(n)).reversed());
    return names;
  }
}
