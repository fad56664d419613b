package dev.quiver.experiment;

import java.util.List;

/**
 * A finished backtest: what was split ({@code rows}, {@code task} "binary" or "regression"),
 * the splitter's description and fold count, the configurations tried (the deflated Sharpe's
 * N), the periods per year used, one {@link ModelBacktest} per model in the order given, the
 * wall time of the whole backtest and the summed wall time of the trainers' fits alone.
 */
public record BacktestResult(int rows, String task, List<String> features, String splitter, int folds, long configurationsTried,
    double periodsPerYear, String rule, String costs, List<ModelBacktest> models, double seconds, double fitSeconds) {

  public BacktestResult {
    features = List.copyOf(features);
    models = List.copyOf(models);
  }
}
