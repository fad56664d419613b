package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void predict_writes_class_probabilities_and_the_score_and_models_info_shows_the_classes(@TempDir Path tmp) throws Exception {
    Path reg = tmp.resolve("models");
    Cli train = Cli.run("train", "--data", DATA, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--label", "direction3:1:0.0005",
        "--models", "xgboost", "--set", "xgboost.num_rounds=20", "--threads", "2", "--registry", reg.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    Cli info = Cli.run("models", "info", "train-xgboost@1.0.0", "--registry", reg.toString());
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("task          multiclass").contains("classes       3: down, flat, up (class ids 0..2)");

    Cli importance = Cli.run("importance", "--model", "train-xgboost@1.0.0", "--input", DATA, "--repeats", "1", "--registry", reg.toString());
    assertThat(importance.exit()).as(importance.err()).isZero();
    assertThat(importance.out()).contains("auc");

    Path out = tmp.resolve("pred.csv");
    Cli r = Cli.run("predict", "--model", "train-xgboost@1.0.0", "--input", DATA, "--output", out.toString(), "--registry", reg.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("timestamp,symbol,prediction,p_down,p_flat,p_up,score");
    assertThat(lines.size()).isGreaterThan(3 * 9_000);
    for (String line : lines.subList(1, 200)) {
      String[] f = line.split(",");
      double down = Double.parseDouble(f[3]);
      double flat = Double.parseDouble(f[4]);
      double up = Double.parseDouble(f[5]);
      assertThat(down + flat + up).isCloseTo(1.0, within(1e-6));
      assertThat(Double.parseDouble(f[6])).isEqualTo(up - down);
      int best = up > Math.max(down, flat) ? 2 : flat > down ? 1 : 0;
      assertThat(Integer.parseInt(f[2])).isEqualTo(best);
    }
  }
}
