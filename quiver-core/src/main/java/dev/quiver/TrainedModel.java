package dev.quiver;

import dev.quiver.model.FittedModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One model of {@link Quiver#trainAll}: its name, family and variant, status ("ok", "failed" or
 * "cancelled"), the fitted model when ok, its metrics on the test segment (names as in the
 * leaderboard: auc, accuracy, precision, recall, f1, log_loss; or rmse, mae, r2,
 * directional_accuracy), the fit's wall-clock seconds and the error when it failed.
 */
public record TrainedModel(String name, String family, String variant, String status, FittedModel model,
    Map<String, Double> metrics, double fitSeconds, String error) {

  public TrainedModel {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public Optional<FittedModel> fitted() {
    return Optional.ofNullable(model);
  }

  public double metric(String key) {
    Double v = metrics.get(key);
    return v == null ? Double.NaN : v;
  }
}
