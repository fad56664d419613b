package dev.quiver.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's figures on one fold's test rows. {@code testFrom}/{@code testTo} are the bar times
 * (epoch ms) of the first and last test row; {@code fitSeconds} is the wall time of the
 * trainer's fit alone (no gathering, no prediction). {@code metrics} (NaN when undefined):
 * for classification {@code auc, accuracy, brier, log_loss}; for regression
 * {@code rmse, ic, rank_ic, auc} (the AUC of the forecast against the sign of the target); then
 * the fold's own trading simulation: {@code sharpe} (annualised), {@code max_drawdown},
 * {@code hit_rate}, {@code total_return}, {@code trades}, {@code turnover}, {@code exposure}.
 * Empty when the fold's fit failed.
 */
public record FoldResult(String fold, int trainRows, int testRows, long testFrom, long testTo, double fitSeconds,
    Map<String, Double> metrics) {

  public FoldResult {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public double metric(String name) {
    Double v = metrics.get(name);
    return v == null ? Double.NaN : v;
  }
}
