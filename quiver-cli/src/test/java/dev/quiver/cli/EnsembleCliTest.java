package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsembleCliTest {

  private static String data() {
    return TestData.file(TestData.FUTURES_1M).toString();
  }

  @Test
  void train_adds_one_row_per_combiner_scored_on_the_members_test_rows() throws Exception {
    Cli r = Cli.run("train", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic:conservative,logistic:aggressive",
        "--ensemble", "voting,voting:equal,stacking,caruana:20,dynamic,cascade", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    Map<String, String> family = new HashMap<>();
    List<Long> testRows = new ArrayList<>();
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      family.put(row.get("model").asText(), row.get("family").asText());
      testRows.add(row.get("test_rows").asLong());
      assertThat(row.get("auc").asDouble()).as(row.get("model").asText()).isBetween(0.4, 0.65);
    }
    assertThat(family).containsOnly(Map.entry("logistic:conservative", "logistic"), Map.entry("logistic:aggressive", "logistic"),
        Map.entry("voting", "voting"), Map.entry("voting:equal", "voting"), Map.entry("stacking", "stacking"),
        Map.entry("caruana:20", "caruana"), Map.entry("dynamic", "dynamic"), Map.entry("cascade", "cascade"));
    assertThat(testRows).as("every row is scored on the same test segment").containsOnly(testRows.get(0));
    for (JsonNode row : rows) {
      if (row.get("family").asText().equals("cascade")) {
        assertThat(row.get("expensive_share").asDouble()).as("share of test rows the expensive model scored").isBetween(0.0, 1.0);
      } else {
        assertThat(row.get("expensive_share").isNull()).isTrue();
      }
    }
    assertThat(testRows.get(0)).isPositive();
  }

  @Test
  void set_overrides_reach_the_members_a_combiner_refits() throws Exception {
    // margin 0 sends every row to the expensive (last) member, so the cascade scores exactly as that member's own row
    Cli r = Cli.run("train", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic:conservative,logistic",
        "--ensemble", "cascade:0", "--set", "logistic.c=0.0005", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, JsonNode> byModel = new HashMap<>();
    for (JsonNode row : Json.MAPPER.readTree(r.out())) byModel.put(row.get("model").asText(), row);
    assertThat(byModel.get("cascade:0").get("expensive_share").asDouble()).isEqualTo(1.0);
    assertThat(byModel.get("cascade:0").get("auc").asDouble()).isEqualTo(byModel.get("logistic").get("auc").asDouble());
    assertThat(byModel.get("cascade:0").get("log_loss").asDouble()).isEqualTo(byModel.get("logistic").get("log_loss").asDouble());
  }

  @Test
  void train_table_lists_the_combiner_rows_next_to_the_members() {
    Cli r = Cli.run("train", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic:conservative,logistic",
        "--ensemble", "voting:hard", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("logistic:conservative", "voting:hard");
  }

  @Test
  void change_point_family_trains_from_the_command_line_as_a_member() throws Exception {
    Cli r = Cli.run("train", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "change_point,logistic",
        "--ensemble", "voting:equal", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.size()).isEqualTo(3);
    List<String> families = new ArrayList<>();
    for (JsonNode row : rows) families.add(row.get("family").asText());
    assertThat(families).containsExactlyInAnyOrder("change_point", "logistic", "voting");
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).isEqualTo("ok");
      assertThat(row.get("auc").asDouble()).isBetween(0.4, 0.65);
    }
  }

  @Test
  void unknown_combiner_exits_2_naming_the_valid_ones() {
    Cli r = Cli.run("train", "--data", data(), "--models", "logistic,ridge", "--ensemble", "bagging");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bagging", "voting", "stacking", "caruana", "dynamic", "cascade");
  }

  @Test
  void an_ensemble_of_one_model_is_refused() {
    Cli r = Cli.run("train", "--data", data(), "--models", "logistic", "--ensemble", "voting");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("at least two models");
  }

  @Test
  void backtest_refits_combiners_in_the_members_folds_and_compares_them_with_the_best_member_and_equal_weights() throws Exception {
    Cli r = Cli.run("backtest", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic:conservative,logistic:aggressive",
        "--ensemble", "stacking", "--folds", "3", "--threads", "2", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(r.out());
    JsonNode models = root.get("models");
    List<String> names = new ArrayList<>();
    for (JsonNode m : models) names.add(m.get("model").asText());
    assertThat(names).containsExactly("logistic:conservative", "logistic:aggressive", "stacking", "voting:equal");
    assertThat(root.get("configurations_tried").asInt()).as("members and combiners all count as trials").isEqualTo(4);
    JsonNode memberFolds = models.get(0).get("folds");
    for (JsonNode m : models) {
      assertThat(m.get("status").asText()).isEqualTo("ok");
      JsonNode folds = m.get("folds");
      assertThat(folds.size()).isEqualTo(3);
      for (int f = 0; f < 3; f++) {
        assertThat(folds.get(f).get("test_rows").asInt()).isEqualTo(memberFolds.get(f).get("test_rows").asInt());
        assertThat(folds.get(f).get("train_rows").asInt()).isEqualTo(memberFolds.get(f).get("train_rows").asInt());
      }
    }
    JsonNode cmp = root.get("ensemble_comparison");
    assertThat(cmp.size()).isEqualTo(2);
    JsonNode stacking = cmp.get(0);
    assertThat(stacking.get("ensemble").asText()).isEqualTo("stacking");
    double best = Math.max(models.get(0).get("sharpe").asDouble(), models.get(1).get("sharpe").asDouble());
    assertThat(stacking.get("best_member_sharpe").asDouble()).isEqualTo(best);
    assertThat(stacking.get("sharpe").asDouble()).isEqualTo(models.get(2).get("sharpe").asDouble());
    assertThat(stacking.get("equal_weights_sharpe").asDouble()).isEqualTo(models.get(3).get("sharpe").asDouble());
  }
}
