package dev.quiver.experiment;

import java.util.List;

/**
 * A finished backtest: what was split ({@code rows}, {@code task} "binary" or "regression"),
 * the splitter's description and fold count, the configurations tried (the deflated Sharpe's
 * N), the periods per year used, one {@link ModelBacktest} per model in the order given, the
 * wall time of the whole backtest, the summed wall time of the trainers' fits alone, and the wall
 * time during which at least one fit was running ({@code fitWallSeconds}; with jobs side by side it
 * is less than the sum). {@code 1 - fitWallSeconds / seconds} is the share of the backtest's time
 * spent outside model fitting: gathering rows, predicting, simulating and scoring.
 */
public record BacktestResult(int rows, String task, List<String> features, String splitter, int folds, long configurationsTried,
    double periodsPerYear, String rule, String costs, List<ModelBacktest> models, double seconds, double fitSeconds,
    double fitWallSeconds) {

  public BacktestResult {
    features = List.copyOf(features);
    models = List.copyOf(models);
  }

  /** The share of the wall time when no fit was running, in [0, 1]. */
  public double shareOutsideFitting() {
    return seconds > 0 ? Math.max(0, 1 - fitWallSeconds / seconds) : Double.NaN;
  }
}
