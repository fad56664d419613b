package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.Json;
import dev.quiver.split.Fold;
import dev.quiver.split.PurgedKFold;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitSectionCliTest {

  @TempDir
  Path dir;

  private Path experiment(String split) throws Exception {
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: split-section
        data: {path: %s, symbols: [IFL8.cfe]}
        timeframe: 5m
        label: return:6
        split:
        %s""".formatted(TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/"), split));
    return yaml;
  }

  @Test
  void quiver_split_uses_the_experiments_split_section_when_no_scheme_is_given() throws Exception {
    Path yaml = experiment("  purged_kfold: {k: 4, embargo_pct: 0.01}\n");
    Cli r = Cli.run("split", "--config", yaml.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(r.out());
    Dataset data = ExperimentRunner.dataset(ExperimentConfigs.read(yaml), RunObserver.NONE);
    List<Fold> expected = new PurgedKFold(4, 0.01).folds(data);
    assertThat(root.get("scheme").asText()).isEqualTo("purged-kfold");
    assertThat(root.get("embargo_rows").asInt()).isEqualTo(data.rows() / 100);
    assertThat(root.get("folds").size()).isEqualTo(4);
    for (int f = 0; f < 4; f++) {
      JsonNode train = root.get("folds").get(f).get("train");
      int[] rows = new int[train.size()];
      for (int i = 0; i < rows.length; i++) rows[i] = train.get(i).asInt();
      assertThat(rows).containsExactly(expected.get(f).train().toArray());
    }
  }

  @Test
  void a_bad_key_in_the_split_section_exits_2_naming_line_column_and_valid_keys() throws Exception {
    Path yaml = experiment("  walk_forward:\n    train_days: 5\n    tets_days: 1\n");
    for (String command : List.of("split", "backtest", "train")) {
      Cli r = Cli.run(command, "--config", yaml.toString());
      assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains("exp.yaml").contains("line 8").contains("column 5").contains("tets_days")
          .contains("min_train_samples, step_bars, step_days, test_bars, test_days, train_bars, train_days, window");
    }
  }

  @Test
  void quiver_backtest_uses_the_experiments_split_section_unless_split_flags_make_it_ambiguous() throws Exception {
    Path yaml = experiment("  purged_kfold: {k: 3, embargo_pct: 0.01}\n");
    Cli r = Cli.run("backtest", "--config", yaml.toString(), "--models", "ridge", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    JsonNode model = Json.MAPPER.readTree(r.out()).get("models").get(0);
    assertThat(model.get("folds").size()).isEqualTo(3);

    Cli ambiguous = Cli.run("backtest", "--config", yaml.toString(), "--models", "logistic", "--folds", "2", "--no-leakage-check");
    assertThat(ambiguous.exit()).isEqualTo(2);
    assertThat(ambiguous.err()).contains("--folds").contains("purged-kfold").contains("--split");
  }
}
