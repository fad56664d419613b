package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  @Test
  void demo_trains_lightgbm_and_logistic_with_honest_test_aucs(@TempDir Path run) throws Exception {
    Cli r = Cli.run("demo", "--input", TestData.file(TestData.FUTURES_1M).toString(), "--format", "json", "--run-dir", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.size()).isEqualTo(2);
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).isEqualTo("ok");
      // next-minute direction honestly gives ~0.52-0.54; far above means a leak
      assertThat(row.get("auc").asDouble()).isBetween(0.47, 0.60);
      for (String k : new String[] {"accuracy", "precision", "recall", "f1", "log_loss", "fit_seconds"}) assertThat(row.has(k)).as(k).isTrue();
    }
  }

  @Test
  void demo_text_output_is_a_leaderboard_then_a_backtest_and_ends_with_the_registered_models(@TempDir Path run) {
    Cli r = Cli.run("demo", "--input", TestData.file(TestData.FUTURES_1M).toString(), "--run-dir", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("model", "auc", "accuracy", "precision", "recall", "f1", "log_loss", "fit_s", "lightgbm", "logistic", "test segment only");
    // then the walk-forward backtest: per-fold trading metrics and a grade with its deciding rule per model
    assertThat(r.out()).contains("quiver backtest --split walk-forward", "walk-forward-2", "sharpe", "max_drawdown", "deflated_sharpe", "grade ", "decided by");
    // the backtest reuses the train step's dataset, built once
    assertThat(r.out()).contains("reusing the dataset the train step built", "dataset built once in");
    // both models registered under the run folder, and the list of the registry last
    assertThat(r.out()).contains("registered demo-lightgbm@1.0.0", "registered demo-logistic@1.0.0");
    assertThat(run.resolve("models").resolve("index.sqlite")).exists();
    String tail = r.out().substring(r.out().lastIndexOf("$ quiver models list --registry " + run.resolve("models")));
    assertThat(tail).doesNotContain("sharpe").contains("name", "version", "family", "grade", "created", "aliases", "demo-lightgbm", "demo-logistic");
  }

  @Test
  void demo_offers_the_analyst_tactician_preset_and_runs_it_like_quiver_train(@TempDir Path run) throws Exception {
    Path bars = run.resolve("icl8-20k.csv");
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(TestData.file(TestData.FUTURES_1M))), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null && lines.size() <= 20_000; line = in.readLine()) lines.add(line);
    }
    Files.write(bars, lines);
    Cli r = Cli.run("demo", "--preset", "analyst-tactician", "--input", bars.toString(), "--format", "json", "--run-dir", run.resolve("r").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows).extracting(n -> n.get("model").asText()).containsExactly("analyst_1h", "analyst_15m", "analyst_5m", "analyst_1m", "tactician_1m");
    assertThat(rows).allSatisfy(m -> assertThat(m.get("status").asText()).isEqualTo("ok"));
    assertThat(run.resolve("r").resolve("models").resolve("tactician_1m").resolve("manifest.json")).exists();

    Cli text = Cli.run("demo", "--preset", "nonsense", "--input", bars.toString());
    assertThat(text.exit()).isEqualTo(2);
    assertThat(text.err()).contains("analyst-tactician");
  }
}
