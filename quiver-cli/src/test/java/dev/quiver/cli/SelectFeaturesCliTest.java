package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.features.FeatureSet;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectFeaturesCliTest {

  static final int BARS = 3_000;

  @TempDir
  Path dir;

  /**
   * The first {@link #BARS} 1m bars of IFL8.cfe with one extra column, {@code hint}: +1 when the next
   * close is higher, else -1, plus N(0, 1) noise, so it predicts the next-bar direction (AUC near
   * 0.84) while the seed12 features carry next to nothing.
   */
  static Path plantedBars(Path out) throws Exception {
    Bars real = TestData.futures("IFL8.cfe");
    Random rnd = new Random(3);
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      w.write("timestamp,open,high,low,close,volume,symbol,hint\n");
      for (int t = 0; t < BARS; t++) {
        double hint = (real.close()[t + 1] > real.close()[t] ? 1 : -1) + rnd.nextGaussian();
        w.write(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.0f,IFL8.cfe,%.5f%n", Instant.ofEpochMilli(real.time()[t]), real.open()[t],
            real.high()[t], real.low()[t], real.close()[t], real.volume()[t], hint));
      }
    }
    return out;
  }

  private Path experiment(String extra) throws Exception {
    Path csv = Files.exists(dir.resolve("planted.csv")) ? dir.resolve("planted.csv") : plantedBars(dir.resolve("planted.csv"));
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: select
        data: {path: %s}
        features: seed12,hint
        label: direction
        split: {train: 0.7, validation: 0.1, test: 0.2}
        models:
          - family: logistic
        %s""".formatted(csv.toString().replace("\\", "/"), extra));
    return yaml;
  }

  @Test
  void rfecv_keeps_the_planted_column_scores_every_step_on_the_training_rows_and_feeds_quiver_train() throws Exception {
    Path yaml = experiment("select: {method: rfecv, step: 4, folds: 3}\n");
    Path snippet = dir.resolve("selected.yaml");
    Cli r = Cli.run("select-features", "--config", yaml.toString(), "--threads", "1", "--format", "json", "--output", snippet.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = Json.MAPPER.readTree(r.out());
    assertThat(report.get("method").asText()).isEqualTo("rfecv");
    assertThat(report.get("metric").asText()).isEqualTo("auc");
    assertThat(report.get("family").asText()).isEqualTo("logistic");
    List<String> selected = new ArrayList<>();
    report.get("selected").forEach(n -> selected.add(n.asText()));
    assertThat(selected).contains("hint");

    JsonNode steps = report.get("steps");
    List<Integer> counts = new ArrayList<>();
    for (JsonNode s : steps) {
      counts.add(s.get("n_features").asInt());
      assertThat(s.get("features").size()).isEqualTo(s.get("n_features").asInt());
      assertThat(s.get("score_std").asDouble()).isGreaterThanOrEqualTo(0);
      for (JsonNode removed : s.get("removed")) assertThat(removed.asText()).isNotEqualTo("hint");
    }
    assertThat(counts).containsExactly(13, 9, 5, 1);
    assertThat(steps.get(3).get("features").get(0).asText()).isEqualTo("hint");
    assertThat(steps.get(3).get("score").asDouble()).isGreaterThan(0.75);

    ExperimentConfig c = ExperimentConfigs.read(yaml);
    Dataset data = ExperimentRunner.dataset(c, RunObserver.NONE);
    int trainRows = c.split().splitter().folds(data).get(0).train().size();
    assertThat(report.get("training_rows").asInt()).isEqualTo(trainRows).isLessThan(data.rows() * 3 / 4);

    String written = Files.readString(snippet);
    String line = written.lines().filter(l -> l.startsWith("features: ")).findFirst().orElseThrow();
    assertThat(line).isEqualTo("features: " + String.join(",", selected));
    assertThat(FeatureSet.parse(line.substring("features: ".length()), List.of("hint")).names()).containsExactlyElementsOf(selected);
    Cli train = Cli.run("train", "--config", yaml.toString(), "--features", String.join(",", selected), "--threads", "1",
        "--run-dir", dir.resolve("run").toString(), "--format", "json");
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(Json.MAPPER.readTree(train.out()).get(0).get("auc").asDouble()).isGreaterThan(0.75);
  }

  @Test
  void topk_flags_override_the_select_section_and_print_a_table() throws Exception {
    Path yaml = experiment("select: {method: rfecv, k: 5}\n");
    Cli r = Cli.run("select-features", "--config", yaml.toString(), "--method", "topk", "--k", "1", "--folds", "2", "--threads", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("topk with logistic:balanced", "n_features", "removed after", "selected (1): hint");
  }

  @Test
  void a_bad_select_section_exits_2_naming_file_line_column_and_the_valid_keys_or_values() throws Exception {
    Path unknown = experiment("select:\n  method: rfecv\n  kk: 3\n");
    Cli r = Cli.run("select-features", "--config", unknown.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exp.yaml").contains("line 10").contains("column 3").contains("kk")
        .contains("cv, embargo_pct, family, folds, k, method, metric, min_features, step, variant");

    Path badValues = experiment("select:\n  method: rfe\n  folds: 1\n");
    r = Cli.run("select-features", "--config", badValues.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exp.yaml").contains("line 9").contains("method must be one of [topk, rfecv]")
        .contains("line 10").contains("folds must be at least 2");

    Path badFamily = experiment("select: {family: logistc}\n");
    r = Cli.run("select-features", "--config", badFamily.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exp.yaml").contains("line 8").contains("logistc").contains("logistic");

    Path tooMany = experiment("select: {method: topk, k: 40}\n");
    r = Cli.run("select-features", "--config", tooMany.toString(), "--folds", "2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("line 8").contains("k 40 is more than the 13 features");
  }
}
