package dev.quiver.select;

import java.util.List;

/**
 * The outcome of a feature selection: the {@code selected} features (in the dataset's column
 * order), every step tried in order, the importance measure that ranked them ({@code gain},
 * {@code abs_coefficient}, ... where the family has one, else {@code permutation_auc} or
 * {@code permutation_r2}) and the metric that scored them.
 */
public record SelectionResult(String method, String metric, String importance, List<String> selected, List<SelectionStep> steps) {

  public SelectionResult {
    selected = List.copyOf(selected);
    steps = List.copyOf(steps);
  }
}
