package dev.quiver.select;

import java.util.List;

/**
 * One feature count tried: the mean cross-validated {@code score} (over the folds' test rows) of
 * the model on {@code nFeatures} features, and the features {@code removed} after it was scored
 * (the least important at that count; empty for the last step).
 */
public record SelectionStep(int nFeatures, double score, List<String> removed) {

  public SelectionStep {
    removed = List.copyOf(removed);
  }
}
