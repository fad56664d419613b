package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCliTest {

  @TempDir
  Path dir;

  @Test
  void train_from_flags_prints_json_scored_on_the_test_segment() throws Exception {
    Cli r = Cli.run("train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe",
        "--models", "lightgbm,logistic", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.size()).isEqualTo(2);
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).isEqualTo("ok");
      assertThat(row.get("model").asText()).isIn("lightgbm", "logistic");
      assertThat(row.get("family").asText()).isEqualTo(row.get("model").asText());
      assertThat(row.get("auc").asDouble()).isBetween(0.45, 0.62);
      assertThat(row.get("accuracy").asDouble()).isBetween(0.4, 0.62);
      assertThat(row.get("fit_seconds").asDouble()).isPositive();
      assertThat(row.get("test_rows").asLong()).isBetween(4_000L, 5_000L);
    }
  }

  @Test
  void same_seed_gives_the_same_leaderboard() throws Exception {
    String[] args = {"train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "ICL8.cfe", "--models", "lightgbm", "--seed", "7", "--format", "json"};
    JsonNode a = Json.MAPPER.readTree(Cli.run(args).out());
    JsonNode b = Json.MAPPER.readTree(Cli.run(args).out());
    assertThat(a.get(0).get("auc").asDouble()).isEqualTo(b.get(0).get("auc").asDouble());
    assertThat(a.get(0).get("log_loss").asDouble()).isEqualTo(b.get(0).get("log_loss").asDouble());
  }

  @Test
  void yaml_experiment_runs_with_higher_timeframes() throws Exception {
    Path data = TestData.file(TestData.FUTURES_1M);
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: yaml-test
        seed: 3
        data: {path: %s, symbols: [IML8.cfe]}
        timeframe: 1m
        higher_timeframes: [15m]
        features: seed12,rsi_14
        label: direction
        split: {train: 0.6, validation: 0.2, test: 0.2}
        models:
          - family: logistic
            name: lr-strong
            params: {c: 0.01}
        """.formatted(data.toString().replace("\\", "/")));
    Cli r = Cli.run("train", "--config", yaml.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.get(0).get("model").asText()).isEqualTo("lr-strong");
    assertThat(rows.get(0).get("test_rows").asLong()).isBetween(9_000L, 9_700L);
  }

  @Test
  void a_walk_forward_split_section_keeps_the_holdout_leaderboard_and_says_so() throws Exception {
    Path yaml = dir.resolve("wf.yaml");
    Files.writeString(yaml, """
        name: wf-test
        data: {path: %s, symbols: [IML8.cfe]}
        features: seed12
        label: direction
        split: {walk_forward: {train_bars: 20000, test_bars: 5000, window: rolling}}
        models:
          - family: logistic
        """.formatted(TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/")));
    Cli r = Cli.run("train", "--config", yaml.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("note: the split section names walk-forward; quiver train scores one chronological holdout"
        + " (train 0.7 / validation 0.2 / test 0.1), and the walk-forward folds apply to quiver backtest and quiver split");
    JsonNode row = Json.MAPPER.readTree(r.out()).get(0);
    assertThat(row.get("split_note").asText()).startsWith("the split section names walk-forward");
    assertThat(row.get("test_rows").asLong()).isBetween(4_500L, 4_900L);
  }

  @Test
  void a_holdout_split_section_carries_no_split_note() throws Exception {
    Path yaml = dir.resolve("holdout.yaml");
    Files.writeString(yaml, """
        data: {path: %s, symbols: [IML8.cfe]}
        features: seed12
        split: {train: 0.5, validation: 0.25, test: 0.25}
        models:
          - family: logistic
        """.formatted(TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/")));
    Cli r = Cli.run("train", "--config", yaml.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("note: the split section");
    JsonNode row = Json.MAPPER.readTree(r.out()).get(0);
    assertThat(row.has("split_note")).isFalse();
    assertThat(row.get("test_rows").asLong()).isBetween(11_500L, 12_100L);
  }

  @Test
  void unknown_yaml_key_exits_2_naming_line_and_valid_keys() throws Exception {
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "name: x\ndata: {path: a.csv}\nlable: direction\n");
    Cli r = Cli.run("train", "--config", yaml.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml", "line 3", "lable", "label");
  }

  @Test
  void unknown_model_parameter_fails_before_training_with_did_you_mean() throws Exception {
    Path yaml = dir.resolve("params.yaml");
    Files.writeString(yaml, """
        data: {path: %s}
        models:
          - family: lightgbm
            params: {num_leave: 10}
          - family: logistik
        """.formatted(TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/")));
    Cli r = Cli.run("train", "--config", yaml.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("num_leave", "num_leaves", "logistik", "logistic");
    assertThat(r.err()).doesNotContain("loaded");
  }

  @Test
  void train_without_data_exits_2_saying_what_to_give() {
    Cli r = Cli.run("train");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--config", "--data");
  }

  @Test
  void a_users_own_column_is_usable_as_a_feature_by_name() throws Exception {
    // the futures bars plus a column of the user's: the previous bar's return, computed causally
    dev.quiver.data.Bars b = TestData.futures("IFL8.cfe");
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume,symbol,my_signal\n");
    for (int i = 0; i < 20_000; i++) {
      double signal = i == 0 ? 0 : b.close()[i] / b.close()[i - 1] - 1;
      csv.append(java.time.Instant.ofEpochMilli(b.time()[i])).append(',').append(b.open()[i]).append(',').append(b.high()[i]).append(',')
          .append(b.low()[i]).append(',').append(b.close()[i]).append(',').append(b.volume()[i]).append(",IFL8,").append(signal).append('\n');
    }
    Path file = dir.resolve("with_signal.csv");
    Files.writeString(file, csv);
    Cli r = Cli.run("train", "--data", file.toString(), "--features", "rsi_14,my_signal", "--models", "logistic", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get(0).get("status").asText()).isEqualTo("ok");
    Cli bad = Cli.run("train", "--data", file.toString(), "--features", "rsi_14,my_signl", "--models", "logistic");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("my_signl", "my_signal");
  }
}
