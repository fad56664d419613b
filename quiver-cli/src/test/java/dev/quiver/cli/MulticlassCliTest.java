package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import org.junit.jupiter.api.Test;

class MulticlassCliTest {

  static final String DATA = TestData.file(TestData.FUTURES_1M).toString();

  @Test
  void train_with_a_direction3_label_ranks_lightgbm_and_xgboost_on_multiclass_metrics() throws Exception {
    Cli r = Cli.run("train", "--data", DATA, "--symbols", "IFL8.cfe", "--label", "direction3:1:0.0005", "--models", "lightgbm,xgboost",
        "--set", "lightgbm.num_iterations=30", "--set", "xgboost.num_rounds=30", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.size()).isEqualTo(2);
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).isEqualTo("ok");
      for (String k : new String[] {"accuracy", "macro_f1", "log_loss", "auc", "ic"}) assertThat(row.get(k).isNumber()).as(k).isTrue();
      // Real next-minute moves in three classes: better than a uniform guess in log-loss, a little better than chance in AUC.
      assertThat(row.get("log_loss").asDouble()).isLessThan(Math.log(3));
      assertThat(row.get("auc").asDouble()).isBetween(0.45, 0.75);
      assertThat(row.get("accuracy").asDouble()).isBetween(0.2, 1.0);
    }
  }

  @Test
  void a_family_without_multiclass_is_refused_with_exit_2_naming_the_families_that_have_it() {
    Cli r = Cli.run("train", "--data", DATA, "--symbols", "IFL8.cfe", "--label", "direction3:1:0.0005", "--models", "lightgbm,logistic",
        "--threads", "2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("family 'logistic' does not support multiclass labels")
        .contains("gradient_boosting, lightgbm, random_forest, xgboost");
  }

  @Test
  void an_ensemble_of_multiclass_models_is_refused() {
    Cli r = Cli.run("train", "--data", DATA, "--symbols", "IFL8.cfe", "--label", "direction3:1:0.0005", "--models", "lightgbm,xgboost",
        "--ensemble", "voting", "--threads", "2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--ensemble does not combine multiclass models");
  }

  @Test
  void backtest_of_a_multiclass_label_trades_the_score_and_grades_each_model() throws Exception {
    Cli r = Cli.run("backtest", "--data", DATA, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--label", "direction3:1:0.0005",
        "--models", "lightgbm", "--set", "lightgbm.num_iterations=20", "--folds", "2", "--score-band", "0.1", "--threads", "2",
        "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertThat(root.get("task").asText()).isEqualTo("multiclass");
    assertThat(root.get("positions").asText()).contains("score P(up) - P(down) > 0.1");
    JsonNode m = root.get("models").get(0);
    assertThat(m.get("grade").asText()).isNotBlank();
    for (String k : new String[] {"auc", "accuracy", "macro_f1", "log_loss", "rank_ic", "sharpe", "max_drawdown", "hit_rate"}) {
      assertThat(m.get("metrics").get(k).isNumber()).as(k).isTrue();
    }
    assertThat(m.get("metrics").get("log_loss").asDouble()).isLessThan(Math.log(3) + 0.05);
    assertThat(m.get("auc").asDouble()).isBetween(0.4, 0.7);
    assertThat(m.get("folds").size()).isEqualTo(2);
  }

  @Test
  void backtest_refuses_a_family_without_multiclass() {
    Cli r = Cli.run("backtest", "--data", DATA, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--label", "direction3:1:0.0005",
        "--models", "logistic", "--folds", "2", "--threads", "2", "--no-leakage-check");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("family 'logistic' does not support multiclass labels");
  }
}
