package dev.quiver.select;

import java.util.List;

/**
 * One feature count tried: the model on the {@code features} named (in the dataset's column order,
 * {@code nFeatures} of them) scored on each fold's test rows; {@code score} is the mean over the
 * folds whose score is defined and {@code scoreStd} their sample standard deviation (ddof 1; NaN
 * with fewer than two scored folds). {@code removed} are the features dropped after this step
 * (the least important at this count; empty for the last step).
 */
public record SelectionStep(int nFeatures, List<String> features, double score, double scoreStd, List<String> removed) {

  public SelectionStep {
    features = List.copyOf(features);
    removed = List.copyOf(removed);
    if (features.size() != nFeatures) {
      throw new IllegalArgumentException("step of " + nFeatures + " features names " + features.size());
    }
  }
}
