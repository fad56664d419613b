package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastRankingTest {

  // Worked by hand:
  //   row  forecast  realised  up (realised > 0; zero is not up)
  //   0     0.03      0.02     1
  //   1     0.01      0.00     0   <- the tie rule decides this row
  //   2    -0.02     -0.01     0
  //   3     0.02     -0.03     0
  //   4     0.00      0.01     1
  //   5    -0.01     -0.02     0
  // AUC: up forecasts {0.03, 0.00} against not-up {0.01, -0.02, 0.02, -0.01}: 0.03 beats 4, 0.00 beats 2
  //   -> 6 / 8 = 0.75. (Were zero counted up, it would be 7 / 9.)
  // IC: forecast ranks 6 4 1 5 3 2, realised ranks 6 4 3 1 5 2, d = 0 0 -2 4 -2 0, sum d^2 = 24,
  //   rho = 1 - 6 * 24 / (6 * 35) = 11 / 35.
  static final double[] FORECAST = {0.03, 0.01, -0.02, 0.02, 0.0, -0.01};
  static final double[] REALISED = {0.02, 0.0, -0.01, -0.03, 0.01, -0.02};

  @Test
  void auc_and_ic_match_the_hand_worked_table_with_zero_returns_counted_not_up() {
    ForecastRanking r = ForecastRanking.of(FORECAST, REALISED);
    assertThat(r.n()).isEqualTo(6);
    assertThat(r.auc()).isEqualTo(0.75);
    assertThat(r.ic()).isCloseTo(11.0 / 35, within(1e-12));
  }

  @Test
  void tied_forecasts_count_one_half_and_a_constant_forecast_has_no_ic() {
    double[] flat = new double[6];
    ForecastRanking r = ForecastRanking.of(flat, REALISED);
    assertThat(r.auc()).isEqualTo(0.5);
    assertThat(r.ic()).isNaN();
  }

  @Test
  void only_the_order_of_the_forecast_matters() {
    double[] squashed = new double[FORECAST.length];
    for (int i = 0; i < squashed.length; i++) squashed[i] = 1 / (1 + Math.exp(-50 * FORECAST[i]));
    ForecastRanking a = ForecastRanking.of(FORECAST, REALISED);
    ForecastRanking b = ForecastRanking.of(squashed, REALISED);
    assertThat(b.auc()).isEqualTo(a.auc());
    assertThat(b.ic()).isCloseTo(a.ic(), within(1e-12));
  }

  @Test
  void no_up_return_leaves_auc_undefined() {
    ForecastRanking r = ForecastRanking.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.0, -0.1, -0.2});
    assertThat(r.auc()).isNaN();
    assertThat(r.ic()).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void regression_leaderboard_metrics_add_auc_and_ic_after_the_regression_scores() {
    float[] y = new float[REALISED.length];
    for (int i = 0; i < y.length; i++) y[i] = (float) REALISED[i];
    Map<String, Double> m = ExperimentRunner.metrics(Task.REGRESSION, y, FORECAST, REALISED);
    assertThat(m.keySet()).containsExactly("rmse", "mae", "r2", "directional_accuracy", "auc", "ic");
    assertThat(m.get("auc")).isEqualTo(0.75);
    assertThat(m.get("ic")).isCloseTo(11.0 / 35, within(1e-12));
    // Without realised returns the targets are read as the returns: the same scores here.
    Map<String, Double> fromTargets = ExperimentRunner.metrics(Task.REGRESSION, y, FORECAST);
    assertThat(fromTargets.get("auc")).isEqualTo(0.75);
    assertThat(fromTargets.get("ic")).isCloseTo(11.0 / 35, within(1e-12));
  }

  @Test
  void the_realised_return_not_the_target_decides_the_classes() {
    // A target that is not a return (say a drawdown, never positive) still gets an auc from the returns.
    float[] drawdown = {-0.01f, -0.02f, -0.03f, -0.01f, -0.02f, -0.03f};
    Map<String, Double> m = ExperimentRunner.metrics(Task.REGRESSION, drawdown, FORECAST, REALISED);
    assertThat(m.get("auc")).isEqualTo(0.75);
  }
}
