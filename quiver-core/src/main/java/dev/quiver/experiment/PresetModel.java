package dev.quiver.experiment;

import dev.quiver.model.FittedModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model of the analyst/tactician preset: its name ({@code analyst_1h} ... {@code
 * tactician_1m}), family, timeframe, status ("ok" or "failed"), test-segment metrics (auc,
 * accuracy, precision, recall, f1 at threshold 0.5), the accuracy of each time-series CV fold
 * within the training segment, feature importance (the model's own kind, e.g. gain), the
 * training and test row counts, the fitted model (null when failed) and the error.
 */
public record PresetModel(String name, String family, String timeframe, String status, Map<String, Double> metrics,
    List<Double> cvScores, Map<String, Double> importance, int trainRows, int testRows, FittedModel model, String error) {

  public PresetModel {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    cvScores = List.copyOf(cvScores);
    importance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(importance));
  }

  /** The mean of the CV fold scores, NaN without folds. */
  public double cvMean() {
    double s = 0;
    for (double v : cvScores) s += v;
    return cvScores.isEmpty() ? Double.NaN : s / cvScores.size();
  }
}
