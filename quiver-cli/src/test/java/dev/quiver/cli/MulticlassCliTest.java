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
}
