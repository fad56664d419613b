package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.Json;
import dev.quiver.split.CalendarWalkForward;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCliTest {

  @TempDir
  Path dir;

  private static JsonNode json(String... args) throws Exception {
    Cli r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
    return out;
  }

  @Test
  void purged_kfold_on_bare_rows_prints_de_prados_indices_as_json() throws Exception {
    // the worked case of PurgedKFoldTest: 10 rows, 3 folds, label end i + 2, embargo floor(0.1 * 10) = 1
    JsonNode root = json("split", "--rows", "10", "--horizon", "2", "--scheme", "purged-kfold", "--folds", "3", "--embargo-pct", "0.1", "--format", "json");
    assertThat(root.get("scheme").asText()).isEqualTo("purged-kfold");
    assertThat(root.get("rows").asInt()).isEqualTo(10);
    assertThat(root.get("embargo_rows").asInt()).isEqualTo(1);
    JsonNode folds = root.get("folds");
    assertThat(folds.size()).isEqualTo(3);
    assertThat(ints(folds.get(0).get("train"))).containsExactly(6, 7, 8, 9);
    assertThat(ints(folds.get(0).get("test"))).containsExactly(0, 1, 2, 3);
    assertThat(ints(folds.get(1).get("train"))).containsExactly(0, 1, 2, 9);
    assertThat(ints(folds.get(1).get("test"))).containsExactly(4, 5, 6);
    assertThat(ints(folds.get(2).get("train"))).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(ints(folds.get(2).get("test"))).containsExactly(7, 8, 9);
  }

  @Test
  void walk_forward_on_bare_rows_follows_the_issue_formula() throws Exception {
    // fold f tests [A + fC, A + fC + B) while it fits; trains [fC, A + fC) rolling or [0, A + fC) expanding, minus purged rows
    JsonNode rolling = json("split", "--rows", "30", "--horizon", "3", "--scheme", "walk-forward", "--train-size", "10", "--test-size", "5", "--step", "6", "--format", "json").get("folds");
    // tests [10,15) [16,21) [22,27); [28,33) does not fit in 30 rows
    assertThat(rolling.size()).isEqualTo(3);
    for (int f = 0; f < 3; f++) {
      int a = 10 + 6 * f;
      assertThat(ints(rolling.get(f).get("test"))).containsExactly(a, a + 1, a + 2, a + 3, a + 4);
      // rows a-2 and a-1 have labels ending after row a: purged; row a-3 ends exactly at a: kept
      int[] train = ints(rolling.get(f).get("train"));
      assertThat(train).hasSize(8);
      assertThat(train[0]).isEqualTo(6 * f);
      assertThat(train[7]).isEqualTo(a - 3);
    }
    JsonNode expanding = json("split", "--rows", "30", "--horizon", "3", "--scheme", "walk-forward", "--train-size", "10", "--test-size", "5", "--step", "6", "--expanding", "--format", "json").get("folds");
    assertThat(ints(expanding.get(2).get("train"))).hasSize(20).startsWith(0).endsWith(19);
  }

  @Test
  void time_series_split_prints_scikit_learns_indices_and_warns_when_the_gap_is_short() throws Exception {
    // TimeSeriesSplit(n_splits=3, test_size=2, gap=2) on 12 rows, scikit-learn 1.2.1
    Cli r = Cli.run("split", "--rows", "12", "--horizon", "4", "--scheme", "time-series-split", "--n-splits", "3", "--test-size", "2", "--gap", "2", "--format", "json");
    assertThat(r.exit()).isZero();
    JsonNode folds = Json.MAPPER.readTree(r.out()).get("folds");
    assertThat(ints(folds.get(0).get("train"))).containsExactly(0, 1, 2, 3);
    assertThat(ints(folds.get(0).get("test"))).containsExactly(6, 7);
    assertThat(ints(folds.get(1).get("train"))).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(ints(folds.get(2).get("train"))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(ints(folds.get(2).get("test"))).containsExactly(10, 11);
    assertThat(r.err()).contains("does not purge", "--gap 3");
    assertThat(Cli.run("split", "--rows", "12", "--horizon", "3", "--scheme", "time-series-split", "--n-splits", "3", "--gap", "2").err()).isEmpty();
  }

  @Test
  void cpcv_json_lists_each_splits_groups_and_the_backtest_paths() throws Exception {
    JsonNode root = json("split", "--rows", "16", "--horizon", "2", "--scheme", "cpcv", "--groups", "4", "--test-groups", "2", "--embargo-pct", "0.1", "--format", "json");
    assertThat(root.get("folds").size()).isEqualTo(6);
    assertThat(ints(root.get("folds").get(1).get("test_groups"))).containsExactly(0, 2);
    assertThat(ints(root.get("folds").get(1).get("train"))).containsExactly(6, 14, 15);
    assertThat(root.get("groups").toString()).isEqualTo("[[0,4],[4,8],[8,12],[12,16]]");
    assertThat(root.get("paths").size()).isEqualTo(3);
    assertThat(ints(root.get("paths").get(0).get("split_of_group"))).containsExactly(0, 0, 1, 2);
  }

  @Test
  void text_output_is_one_line_per_fold_with_sizes_and_ranges() {
    Cli r = Cli.run("split", "--rows", "20", "--horizon", "2", "--scheme", "purged-kfold", "--folds", "3", "--embargo-pct", "0.1");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("purged-kfold: 3 folds over 20 rows (label end of row i = i + 2), embargo 2 rows");
    assertThat(lines).hasSize(6);
    // fold 1: test [7,14), labels cover (7, 15]; row 6 purged, rows 14 purged and 15-16 embargoed
    assertThat(lines.get(4)).matches("purged-kfold-1\\s+9\\s+\\[0, 6\\) \\[17, 20\\)\\s+7\\s+\\[7, 14\\)");
  }

  @Test
  void an_experiments_folds_are_the_splitters_folds_of_its_dataset() throws Exception {
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: split-test
        data: {path: %s, symbols: [IFL8.cfe]}
        timeframe: 5m
        features: seed12
        label: return:6
        split: {train: 0.6, validation: 0.2, test: 0.2, min_samples: 50}
        """.formatted(TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/")));
    Dataset data = ExperimentRunner.dataset(ExperimentConfigs.read(yaml), RunObserver.NONE);

    JsonNode holdout = json("split", "--config", yaml.toString(), "--format", "json");
    Fold expected = new Holdout(0.6, 0.2, 0.2, 50).fold(data);
    assertThat(holdout.get("rows").asInt()).isEqualTo(data.rows());
    JsonNode fold = holdout.get("folds").get(0);
    assertThat(ints(fold.get("train"))).containsExactly(expected.train().toArray());
    assertThat(ints(fold.get("validation"))).containsExactly(expected.validation().toArray());
    assertThat(ints(fold.get("test"))).containsExactly(expected.test().toArray());

    JsonNode days = json("split", "--config", yaml.toString(), "--scheme", "walk-forward", "--train-days", "10", "--test-days", "2", "--min-train-samples", "100", "--format", "json");
    List<Fold> wf = new CalendarWalkForward(10, 2, 2, 100, false).folds(data);
    assertThat(days.get("folds").size()).isEqualTo(wf.size()).isGreaterThan(10);
    for (int f = 0; f < wf.size(); f++) {
      assertThat(ints(days.get("folds").get(f).get("train"))).containsExactly(wf.get(f).train().toArray());
      assertThat(ints(days.get("folds").get(f).get("test"))).containsExactly(wf.get(f).test().toArray());
    }
  }

  @Test
  void bad_flags_and_combinations_exit_2_naming_the_flag_and_the_fix() {
    Cli none = Cli.run("split");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("give --config experiment.yaml or --rows N");

    Cli wrongScheme = Cli.run("split", "--rows", "100", "--scheme", "purged-kfold", "--gap", "3", "--train-size", "10");
    assertThat(wrongScheme.exit()).isEqualTo(2);
    assertThat(wrongScheme.err()).contains("--gap does not apply to --scheme purged-kfold", "--train-size does not apply");

    Cli typo = Cli.run("split", "--rows", "100", "--scheme", "walkforward");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("did you mean 'walk-forward'");

    Cli daysOnRows = Cli.run("split", "--rows", "100", "--scheme", "walk-forward", "--train-days", "5", "--test-days", "1");
    assertThat(daysOnRows.exit()).isEqualTo(2);
    assertThat(daysOnRows.err()).contains("needs bar times");

    Cli both = Cli.run("split", "--rows", "100", "--scheme", "walk-forward", "--train-size", "50", "--test-days", "1");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("not both");

    Cli tooBig = Cli.run("split", "--rows", "100", "--scheme", "walk-forward", "--train-size", "90", "--test-size", "20");
    assertThat(tooBig.exit()).isEqualTo(2);
    assertThat(tooBig.err()).contains("needs at least 110 rows, there are 100");

    Cli sklearn = Cli.run("split", "--rows", "10", "--scheme", "time-series-split", "--n-splits", "3", "--test-size", "3", "--gap", "1");
    assertThat(sklearn.exit()).isEqualTo(2);
    assertThat(sklearn.err()).contains("Too many splits=3 for number of samples=10 with test_size=3 and gap=1.");

    Cli badNumbers = Cli.run("split", "--rows", "100", "--scheme", "cpcv", "--groups", "3", "--test-groups", "3", "--embargo-pct", "2");
    assertThat(badNumbers.exit()).isEqualTo(2);
    assertThat(badNumbers.err()).contains("[1, groups - 1]", "[0, 1)");
  }
}
