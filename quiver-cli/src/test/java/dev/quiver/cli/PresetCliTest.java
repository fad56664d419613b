package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetCliTest {

  @TempDir
  Path dir;

  @Test
  void analyst_tactician_reports_five_models_with_metrics_cv_scores_and_importance_and_saves_them() throws Exception {
    Path run = dir.resolve("run");
    Cli r = Cli.run("train", "--preset", "analyst-tactician", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe",
        "--threads", "2", "--cv-splits", "3", "--set", "random_forest.num_iterations=10", "--set", "gradient_boosting.num_iterations=20",
        "--format", "json", "--run-dir", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows).extracting(n -> n.get("model").asText()).containsExactly("analyst_1h", "analyst_15m", "analyst_5m", "analyst_1m", "tactician_1m");
    for (JsonNode m : rows) {
      assertThat(m.get("status").asText()).isEqualTo("ok");
      for (String k : new String[] {"accuracy", "precision", "recall", "f1"}) assertThat(m.get(k).asDouble()).isBetween(0.0, 1.0);
      assertThat(m.get("accuracy").asDouble()).isBetween(0.35, 0.65);
      assertThat(m.get("cv_scores").size()).isEqualTo(3);
      assertThat(m.get("feature_importance").size()).isPositive();
      assertThat(m.get("test_rows").asInt()).isPositive();
      assertThat(run.resolve("models").resolve(m.get("model").asText()).resolve("manifest.json")).exists();
    }
    JsonNode tactician = rows.get(4);
    assertThat(tactician.get("family").asText()).isEqualTo("gradient_boosting");
    assertThat(tactician.get("feature_importance").has("analyst_1h")).isTrue();
    assertThat(tactician.get("feature_importance").has("analyst_1m")).isTrue();
    assertThat(rows.get(0).get("train_rows").asInt()).isLessThan(rows.get(3).get("train_rows").asInt());
  }

  @Test
  void an_unknown_preset_or_a_foreign_family_override_is_bad_input() {
    Cli r = Cli.run("train", "--preset", "analyst", "--data", TestData.file(TestData.FUTURES_1M).toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("analyst-tactician");
    Cli s = Cli.run("train", "--preset", "analyst-tactician", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--set", "lightgbm.num_leaves=3");
    assertThat(s.exit()).isEqualTo(2);
    assertThat(s.err()).contains("lightgbm", "random_forest");
  }
}
