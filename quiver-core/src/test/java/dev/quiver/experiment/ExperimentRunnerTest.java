package dev.quiver.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {

  private static ExperimentConfig config(String timeframe, List<String> higher, String label, List<ExperimentConfig.ModelSpec> models) {
    return ExperimentConfigs.withDefaults(new ExperimentConfig("t", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")),
        timeframe, higher, "seed12,rsi_14", null, label, null, models, null));
  }

  private static ExperimentRunner runner() {
    return new ExperimentRunner(ModelFamilies.discover(), new ThreadBudget(1), Cancellation.none());
  }

  @Test
  void segments_are_chronological_and_the_score_is_on_the_test_rows() {
    ExperimentResult r = runner().run(config("5m", List.of("1h"), "direction",
        List.of(new ExperimentConfig.ModelSpec("logistic", null, null, Map.of()))), RunObserver.NONE);
    DatasetSummary d = r.dataset();
    assertThat(d.train().to()).isBefore(d.validation().from());
    assertThat(d.validation().to()).isBefore(d.test().from());
    assertThat(d.train().rows() + d.validation().rows() + d.test().rows()).isLessThanOrEqualTo(d.rows());
    assertThat(d.features()).contains("rsi_14", "rsi_14@1h", "ma_20@1h");
    LeaderboardRow row = r.leaderboard().get(0);
    assertThat(row.status()).isEqualTo("ok");
    assertThat(row.testRows()).isEqualTo(d.test().rows());
    assertThat(row.metric("auc")).isBetween(0.4, 0.65);
  }

  @Test
  void regression_labels_get_regression_metrics() {
    ExperimentResult r = runner().run(config("15m", List.of(), "return:4",
        List.of(new ExperimentConfig.ModelSpec("logistic", null, null, Map.of()))), RunObserver.NONE);
    assertThat(r.dataset().task()).isEqualTo("regression");
    // logistic regression cannot fit a regression label: the job fails alone, with a message
    assertThat(r.leaderboard().get(0).status()).isEqualTo("failed");
    assertThat(r.leaderboard().get(0).error()).isNotBlank();
  }

  @Test
  void every_setting_problem_is_reported_at_once_before_reading_data() {
    BadInputException e = catchThrowableOfType(BadInputException.class, () -> runner().run(config("7m", List.of("1m"), "directon",
        List.of(new ExperimentConfig.ModelSpec("logistik", null, null, Map.of()),
            new ExperimentConfig.ModelSpec("logistic", null, null, Map.of("cc", 1)))), RunObserver.NONE));
    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(e.getMessage()).contains("7m", "directon", "logistik", "cc");
  }
}
