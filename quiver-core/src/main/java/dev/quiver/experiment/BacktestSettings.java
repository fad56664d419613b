package dev.quiver.experiment;

import dev.quiver.eval.Costs;
import dev.quiver.eval.GradeRubric;
import dev.quiver.eval.PositionRule;
import dev.quiver.model.Task;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.split.Splitter;
import java.util.Objects;

/**
 * How a {@link Backtest} judges models: the splitter that makes the folds, how a prediction
 * becomes a position ({@code binaryRule} for probabilities of up, {@code regressionRule} for
 * return forecasts, {@code multiclassRule} for the multiclass score P(up) - P(down) in [-1, 1]), the
 * trading costs, the periods per year that annualise the Sharpe ratio ({@code NaN}: estimated from
 * the dataset's bar times with {@link dev.quiver.eval.PeriodsPerYear}), the grade rubric, the number
 * of configurations tried in the research that led here ({@code 0}: the number of models
 * backtested), which deflates the Sharpe ratio, and the preprocessing put in front of every model
 * ({@code null}: none), fitted per fold on that fold's training rows only.
 */
public record BacktestSettings(Splitter splitter, PositionRule binaryRule, PositionRule regressionRule, Costs costs,
    double periodsPerYear, GradeRubric rubric, long configurationsTried, PositionRule multiclassRule, PreprocessSpec preprocess) {

  /** Long at P(up) >= 0.52, short at <= 0.48, flat between. */
  public static final PositionRule DEFAULT_BINARY_RULE = PositionRule.Thresholds.symmetric(0.02);

  /** Long at a multiclass score above 0.05, short below -0.05, flat between. */
  public static final PositionRule DEFAULT_MULTICLASS_RULE = new PositionRule.ScoreBand(PositionRule.ScoreBand.DEFAULT_BAND);

  /** 1 bp fee per unit of turnover, no slippage. */
  public static final Costs DEFAULT_COSTS = new Costs(1.0, 0.0);

  public BacktestSettings {
    Objects.requireNonNull(splitter, "splitter");
    Objects.requireNonNull(binaryRule, "binaryRule");
    Objects.requireNonNull(regressionRule, "regressionRule");
    Objects.requireNonNull(multiclassRule, "multiclassRule");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(rubric, "rubric");
    if (!Double.isNaN(periodsPerYear) && !(periodsPerYear > 0 && Double.isFinite(periodsPerYear))) {
      throw new IllegalArgumentException("periods per year must be positive and finite (or NaN to estimate), got " + periodsPerYear);
    }
    if (configurationsTried < 0) throw new IllegalArgumentException("configurations tried must be >= 0, got " + configurationsTried);
  }

  /** Settings with the default multiclass rule and no preprocessing. */
  public BacktestSettings(Splitter splitter, PositionRule binaryRule, PositionRule regressionRule, Costs costs, double periodsPerYear,
      GradeRubric rubric, long configurationsTried) {
    this(splitter, binaryRule, regressionRule, costs, periodsPerYear, rubric, configurationsTried, DEFAULT_MULTICLASS_RULE, null);
  }

  /** The defaults around {@code splitter}: thresholds 0.48/0.52, forecast sign, 1 bp, estimated periods, the default rubric. */
  public static BacktestSettings of(Splitter splitter) {
    return new BacktestSettings(splitter, DEFAULT_BINARY_RULE, new PositionRule.ForecastSign(), DEFAULT_COSTS, Double.NaN, GradeRubric.DEFAULT, 0);
  }

  public BacktestSettings withCosts(Costs c) {
    return new BacktestSettings(splitter, binaryRule, regressionRule, c, periodsPerYear, rubric, configurationsTried, multiclassRule, preprocess);
  }

  public BacktestSettings withPeriodsPerYear(double ppy) {
    return new BacktestSettings(splitter, binaryRule, regressionRule, costs, ppy, rubric, configurationsTried, multiclassRule, preprocess);
  }

  public BacktestSettings withConfigurationsTried(long n) {
    return new BacktestSettings(splitter, binaryRule, regressionRule, costs, periodsPerYear, rubric, n, multiclassRule, preprocess);
  }

  public BacktestSettings withBinaryRule(PositionRule rule) {
    return new BacktestSettings(splitter, rule, regressionRule, costs, periodsPerYear, rubric, configurationsTried, multiclassRule, preprocess);
  }

  public BacktestSettings withMulticlassRule(PositionRule rule) {
    return new BacktestSettings(splitter, binaryRule, regressionRule, costs, periodsPerYear, rubric, configurationsTried, rule, preprocess);
  }

  /** The preprocessing fitted on each fold's training rows in front of every model ({@code null}: none). */
  public BacktestSettings withPreprocess(PreprocessSpec spec) {
    return new BacktestSettings(splitter, binaryRule, regressionRule, costs, periodsPerYear, rubric, configurationsTried, multiclassRule, spec);
  }

  /** The rule for predictions of {@code task}. */
  public PositionRule rule(Task task) {
    return switch (task) {
      case BINARY -> binaryRule;
      case MULTICLASS -> multiclassRule;
      case REGRESSION -> regressionRule;
    };
  }
}
