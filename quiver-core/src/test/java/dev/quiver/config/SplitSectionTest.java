package dev.quiver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.split.CalendarWalkForward;
import dev.quiver.split.CombinatorialPurgedCv;
import dev.quiver.split.Holdout;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Splitter;
import dev.quiver.split.TimeSeriesSplit;
import dev.quiver.split.WalkForward;
import dev.quiver.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitSectionTest {

  private static Dataset data;

  @TempDir
  Path tmp;

  @BeforeAll
  static void futuresFiveMinuteBarsWithSixBarLabels() {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("split", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")),
        "5m", List.of(), "seed12", null, "return:6", null, null));
    data = ExperimentRunner.dataset(c, RunObserver.NONE);
  }

  private ExperimentConfig.Split read(String split) throws IOException {
    Path yaml = tmp.resolve("exp.yaml");
    Files.writeString(yaml, "data: {path: bars.csv}\nseed: 7\nsplit:\n" + split);
    return ExperimentConfigs.read(yaml).split();
  }

  private void assertSameFolds(String split, String scheme, Splitter direct) throws IOException {
    ExperimentConfig.Split s = read(split);
    assertThat(s.scheme()).isEqualTo(scheme);
    assertThat(s.splitter().folds(data)).isNotEmpty().isEqualTo(direct.folds(data));
  }

  @Test
  void every_scheme_in_yaml_gives_the_folds_of_its_splitter_built_directly() throws IOException {
    assertSameFolds("  train: 0.6\n  validation: 0.2\n  test: 0.2\n  min_samples: 50\n", "holdout", new Holdout(0.6, 0.2, 0.2, 50));
    assertSameFolds("  walk_forward: {train_days: 5, test_days: 2, step_days: 1, min_train_samples: 100, window: expanding}\n",
        "walk-forward", new CalendarWalkForward(5, 2, 1, 100, true));
    assertSameFolds("  walk_forward:\n    train_bars: 600\n    test_bars: 200\n", "walk-forward", new WalkForward(600, 200, 200, false));
    assertSameFolds("  walk_forward: {train_bars: 600, test_bars: 200, step_bars: 100, window: rolling}\n", "walk-forward",
        new WalkForward(600, 200, 100, false));
    assertSameFolds("  purged_kfold: {k: 5, embargo_pct: 0.01}\n", "purged-kfold", new PurgedKFold(5, 0.01));
    assertSameFolds("  cpcv: {groups: 6, test_groups: 2, embargo_pct: 0.02}\n", "cpcv", new CombinatorialPurgedCv(6, 2, 0.02));
    assertSameFolds("  time_series_split: {n_splits: 4, gap: 6, max_train_size: 800, test_size: 300}\n", "time-series-split",
        new TimeSeriesSplit(4, 6, 800, 300));
    assertSameFolds("  time_series_split: {n_splits: 3}\n", "time-series-split", new TimeSeriesSplit(3, 0, null, null));
  }

  @Test
  void no_split_section_is_the_default_holdout() throws IOException {
    Path yaml = tmp.resolve("exp.yaml");
    Files.writeString(yaml, "data: {path: bars.csv}\n");
    ExperimentConfig.Split s = ExperimentConfigs.read(yaml).split();
    assertThat(s.scheme()).isEqualTo("holdout");
    assertThat(s.splitter().folds(data)).isEqualTo(new Holdout(0.7, 0.2, 0.1, 100).folds(data));
  }

  @Test
  void an_unknown_key_in_a_scheme_names_its_line_column_and_the_valid_keys() {
    assertThatThrownBy(() -> read("  purged_kfold:\n    k: 5\n    embargo: 0.01\n")).isInstanceOf(BadInputException.class)
        .satisfies(e -> {
          Problem p = ((BadInputException) e).problems().get(0);
          assertThat(p.where().line()).isEqualTo(6);
          assertThat(p.where().column()).isEqualTo("split.purged_kfold.embargo");
          assertThat(p.where().file()).endsWith("exp.yaml");
        })
        .hasMessageContaining("unknown key 'embargo' (column 5)").hasMessageContaining("embargo_pct, k");
    assertThatThrownBy(() -> read("  walkforward: {train_days: 5}\n")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 4").hasMessageContaining("walkforward")
        .hasMessageContaining("cpcv, min_samples, purged_kfold, test, time_series_split, train, validation, walk_forward");
  }

  @Test
  void bad_values_are_all_reported_at_their_keys() {
    assertThatThrownBy(() -> read("  cpcv:\n    groups: 1\n    test_groups: 3\n    embargo_pct: 1.5\n")).isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).extracting(p -> p.where().line() + " " + p.where().column())
            .containsExactly("5 split.cpcv.groups", "6 split.cpcv.test_groups", "7 split.cpcv.embargo_pct"));
    assertThatThrownBy(() -> read("  walk_forward: {train_days: 5, test_bars: 10, window: sideways}\n")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("neither rolling nor expanding").hasMessageContaining("mixes calendar days and bar counts");
    assertThatThrownBy(() -> read("  walk_forward: {test_days: 2}\n")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("split.walk_forward needs train_days");
    assertThatThrownBy(() -> read("  purged_kfold: {k: 5}\n  cpcv: {groups: 4, test_groups: 2}\n")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 5").hasMessageContaining("names 2 schemes");
    assertThatThrownBy(() -> read("  train: 0.5\n  purged_kfold: {k: 5}\n")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("'train' sets the holdout and does not apply to purged_kfold");
    assertThatThrownBy(() -> read("  train: 0.8\n  validation: 0.2\n  test: 0.2\n")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("exp.yaml");
  }
}
