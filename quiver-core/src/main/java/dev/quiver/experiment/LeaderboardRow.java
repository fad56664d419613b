package dev.quiver.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's line of the leaderboard. {@code metrics} are computed on the TEST segment only
 * (names: auc, accuracy, precision, recall, f1, log_loss and, when the runner scores it, brier
 * for classification; rmse, mae, r2,
 * directional_accuracy for regression); empty when the job failed.
 */
public record LeaderboardRow(String model, String family, String variant, String status,
    Map<String, Double> metrics, double fitSeconds, long testRows, String error) {

  public LeaderboardRow {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public double metric(String name) {
    Double v = metrics.get(name);
    return v == null ? Double.NaN : v;
  }
}
