package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment file's {@code ensemble:} key, read by {@code quiver train --config}. */
class EnsembleKeyCliTest {

  @TempDir
  Path dir;

  private Path experiment(String ensemble) throws Exception {
    Path csv = SelectFeaturesCliTest.plantedBars(dir.resolve("planted.csv"));
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: ens
        data: {path: %s}
        label: direction
        models:
          - family: logistic
            variant: conservative
          - family: logistic
            variant: aggressive
        %s""".formatted(csv.toString().replace("\\", "/"), ensemble));
    return yaml;
  }

  @Test
  void the_files_ensemble_adds_one_row_per_combiner_scored_on_the_members_test_rows() throws Exception {
    Path yaml = experiment("ensemble: [voting, caruana:20]\n");
    Cli r = Cli.run("train", "--config", yaml.toString(), "--threads", "1", "--run-dir", dir.resolve("run").toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> models = new ArrayList<>();
    List<Long> testRows = new ArrayList<>();
    for (JsonNode row : Json.MAPPER.readTree(r.out())) {
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      models.add(row.get("model").asText() + "/" + row.get("family").asText());
      testRows.add(row.get("test_rows").asLong());
    }
    assertThat(models).containsExactlyInAnyOrder("logistic:conservative/logistic", "logistic:aggressive/logistic", "voting/voting",
        "caruana:20/caruana");
    assertThat(testRows).containsOnly(testRows.get(0));
  }

  @Test
  void backtest_adds_the_equal_weights_baseline_to_the_files_combiners() throws Exception {
    Cli r = Cli.run("backtest", "--config", experiment("ensemble: [stacking]").toString(), "--folds", "3", "--threads", "2",
        "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = Json.MAPPER.readTree(r.out());
    List<String> names = new ArrayList<>();
    for (JsonNode m : root.get("models")) names.add(m.get("model").asText());
    assertThat(names).containsExactly("logistic:conservative", "logistic:aggressive", "stacking", "voting:equal");
    JsonNode stacking = root.get("ensemble_comparison").get(0);
    assertThat(stacking.get("equal_weights_sharpe").asDouble()).isEqualTo(root.get("models").get(3).get("sharpe").asDouble());
  }

  @Test
  void the_ensemble_flag_overrides_the_files_key() throws Exception {
    Path yaml = experiment("ensemble: voting,cascade\n");
    Cli fromFile = Cli.run("train", "--config", yaml.toString(), "--dry-run", "--format", "json");
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(families(fromFile)).containsExactlyInAnyOrder("logistic", "logistic", "voting", "cascade");

    Cli flag = Cli.run("train", "--config", yaml.toString(), "--ensemble", "stacking", "--dry-run", "--format", "json");
    assertThat(flag.exit()).as(flag.err()).isZero();
    assertThat(families(flag)).containsExactlyInAnyOrder("logistic", "logistic", "stacking");
  }

  @Test
  void a_bad_ensemble_key_exits_2_naming_file_line_column_and_the_combiners() throws Exception {
    Path yaml = experiment("ensemble: [voting, bagging]\n");
    Cli r = Cli.run("train", "--config", yaml.toString(), "--dry-run");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exp.yaml").contains("line 9").contains("column 1").contains("bagging")
        .contains("caruana", "cascade", "dynamic", "stacking", "voting");

    Path options = experiment("ensemble: [stacking:passthrough:x]\n");
    r = Cli.run("train", "--config", options.toString(), "--dry-run");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exp.yaml").contains("line 9").contains("stacking takes at most 1");
  }

  private static List<String> families(Cli r) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode j : Json.MAPPER.readTree(r.out()).get("jobs")) out.add(j.get("family").asText());
    return out;
  }
}
