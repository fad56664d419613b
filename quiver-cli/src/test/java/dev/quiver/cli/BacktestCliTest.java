package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCliTest {

  @TempDir
  Path dir;

  private static String data() {
    return TestData.file(TestData.FUTURES_1M).toString();
  }

  @Test
  void json_has_one_entry_per_model_with_grade_trading_metrics_and_folds() throws Exception {
    Cli r = Cli.run("backtest", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic,logistic:conservative",
        "--folds", "3", "--threads", "2", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertThat(root.get("folds").asInt()).isEqualTo(3);
    assertThat(root.get("configurations_tried").asInt()).isEqualTo(2);
    JsonNode models = root.get("models");
    assertThat(models.size()).isEqualTo(2);
    for (JsonNode m : models) {
      assertThat(m.get("model").asText()).startsWith("logistic");
      assertThat(m.get("grade").asText()).isIn("S", "A+", "A", "A-", "B+", "B", "B-", "C+", "C", "D", "F");
      assertThat(m.get("grade_decided_by").asText()).isNotBlank();
      for (String k : new String[] {"sharpe", "deflated_sharpe", "max_drawdown", "hit_rate", "auc"}) assertThat(m.has(k)).as(k).isTrue();
      assertThat(m.get("auc").asDouble()).isBetween(0.4, 0.65);
      assertThat(m.get("max_drawdown").asDouble()).isLessThanOrEqualTo(0);
      assertThat(m.get("folds").size()).isEqualTo(3);
      assertThat(m.get("folds").get(0).get("brier").asDouble()).isBetween(0.2, 0.3);
      assertThat(m.get("folds").get(0).get("test_rows").asInt()).isPositive();
    }
  }

  @Test
  void text_shows_folds_the_pooled_row_and_the_deciding_rule_and_the_report_writes_charts() throws Exception {
    Path report = dir.resolve("report");
    Cli r = Cli.run("backtest", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic",
        "--split", "purged-kfold", "--folds", "3", "--leakage-sample-bars", "6000", "--report", report.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("leakage self-test passed", "purged-kfold (3 folds", "model logistic", "purged-kfold-0", "all", "grade ", "decided by", "deflated Sharpe");
    for (String png : new String[] {"equity.png", "drawdown.png"}) {
      byte[] bytes = Files.readAllBytes(report.resolve(png));
      assertThat(bytes.length).isGreaterThan(1_000);
      assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
    try (var files = Files.list(report)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("equity.png", "drawdown.png");
    }
  }

  @Test
  void a_planted_future_return_column_stops_the_backtest_with_exit_3() throws Exception {
    Path leaky = LeakyData.write(dir);
    Cli r = Cli.run("backtest", "--data", leaky.toString(), "--features", "seed12,leak", "--models", "logistic", "--folds", "2");
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).contains("LEAK feature leak");
    assertThat(r.err()).contains("--no-leakage-check");
  }

  @Test
  void preprocess_flag_is_fitted_per_fold_and_named_in_the_report() throws Exception {
    Cli r = Cli.run("backtest", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic",
        "--preprocess", "impute=median,scale=robust,select=top:4", "--folds", "2", "--threads", "2", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertThat(root.get("preprocess").asText()).isEqualTo("impute=median,scale=robust,select=top:4");
    assertThat(root.get("models").get(0).get("status").asText()).isEqualTo("ok");
    Cli text = Cli.run("backtest", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic",
        "--preprocess", "scale=standard", "--folds", "2", "--threads", "2", "--no-leakage-check");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("preprocess: scale=standard, fitted per fold on that fold's training rows only");
  }

  @Test
  void a_cascade_shows_its_expensive_share_per_fold_and_pooled() throws Exception {
    String[] args = {"backtest", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "logistic:conservative,logistic:aggressive",
        "--ensemble", "cascade:0.01", "--folds", "2", "--threads", "2", "--no-leakage-check"};
    Cli r = Cli.run(concat(args, "--format", "json"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode cascade = null;
    for (JsonNode m : Json.MAPPER.readTree(r.out()).get("models")) if (m.get("family").asText().equals("cascade")) cascade = m;
    assertThat(cascade).isNotNull();
    assertThat(cascade.get("expensive_share").asDouble()).isBetween(0.0, 1.0);
    for (JsonNode f : cascade.get("folds")) assertThat(f.get("expensive_share").asDouble()).isBetween(0.0, 1.0);
    Cli text = Cli.run(args);
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("expensive_share");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void flags_of_another_scheme_exit_2_naming_each() {
    Cli r = Cli.run("backtest", "--data", data(), "--split", "purged-kfold", "--train-size", "100", "--groups", "4");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--train-size", "--groups", "purged-kfold");
  }

  @Test
  void an_unknown_split_exits_2_listing_the_valid_ones() {
    Cli r = Cli.run("backtest", "--data", data(), "--split", "kfold");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("kfold", "walk-forward", "purged-kfold", "cpcv", "holdout");
  }
}
