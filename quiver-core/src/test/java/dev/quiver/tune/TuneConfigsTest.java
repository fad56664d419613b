package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneConfigsTest {

  @TempDir
  Path dir;

  private Path write(String yaml) throws Exception {
    Path f = dir.resolve("exp.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void reads_every_kind_of_dimension_and_the_study_settings() throws Exception {
    Path f = write("""
        name: t
        seed: 9
        data: {path: bars.csv}
        tune:
          family: lightgbm
          metric: log_loss
          sampler: random
          n_trials: 12
          timeout: 10m
          split: {walk_forward: 3}
          pruner: median
          params: {num_iterations: 50}
          space:
            num_leaves: {int: [8, 128]}
            min_data_in_leaf: {log_int: [5, 200]}
            learning_rate: {log_float: [0.01, 0.3]}
            feature_fraction: {float: [0.5, 1.0]}
            boosting: {choice: [gbdt, dart]}
            drop_rate: {float: [0.05, 0.3], when: {boosting: dart}}
        """);
    TuneConfig c = TuneConfigs.read(f, 9);
    assertThat(c.family()).isEqualTo("lightgbm");
    assertThat(c.maximize()).isFalse();
    assertThat(c.sampler()).isEqualTo("random");
    assertThat(c.nTrials()).isEqualTo(12);
    assertThat(c.timeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.seed()).isEqualTo(9);
    assertThat(c.split().folds()).isEqualTo(3);
    assertThat(c.pruner()).isEqualTo("median");
    assertThat(c.params()).isEqualTo(Map.of("num_iterations", "50"));
    SearchSpace s = c.space();
    assertThat(s.get("num_leaves")).isEqualTo(Dimension.integer("num_leaves", 8, 128, false));
    assertThat(s.get("min_data_in_leaf").log()).isTrue();
    assertThat(s.get("learning_rate")).isEqualTo(Dimension.real("learning_rate", 0.01, 0.3, true));
    assertThat(s.get("boosting").choices()).containsExactly("gbdt", "dart");
    assertThat(s.get("drop_rate").parent()).isEqualTo("boosting");
    assertThat(s.get("drop_rate").parentValues()).isEqualTo(Set.of("dart"));
  }

  @Test
  void defaults_are_auc_maximised_tpe_holdout_and_the_experiment_seed() throws Exception {
    Path f = write("""
        data: {path: bars.csv}
        tune:
          family: logistic
          space: {c: {log_float: [0.001, 10]}}
        """);
    TuneConfig c = TuneConfigs.read(f, 42);
    assertThat(c.metric()).isEqualTo("auc");
    assertThat(c.maximize()).isTrue();
    assertThat(c.sampler()).isEqualTo("tpe");
    assertThat(c.split()).isEqualTo(TuneSplit.HOLDOUT);
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.timeout()).isNull();
    assertThat(c.pruner()).isEqualTo("none");
  }

  @Test
  void tpe_multivariate_names_the_joint_sampler_and_tpe_the_independent_one() throws Exception {
    Path f = write("""
        data: {path: bars.csv}
        tune:
          family: logistic
          sampler: tpe:multivariate
          space: {c: {log_float: [0.001, 10]}}
        """);
    TuneConfig c = TuneConfigs.read(f, 42);
    assertThat(c.sampler()).isEqualTo("tpe:multivariate");
    assertThat(Tuner.sampler(c, c.space())).isInstanceOf(MultivariateTpeSampler.class);
    assertThat(Tuner.sampler(TuneConfigs.read(write("""
        data: {path: bars.csv}
        tune: {family: logistic, sampler: tpe, space: {c: {log_float: [0.001, 10]}}}
        """), 42), c.space())).isInstanceOf(TpeSampler.class);
  }

  @Test
  void the_experiment_reader_accepts_a_file_with_a_tune_section() throws Exception {
    Path f = write("""
        name: both
        data: {path: bars.csv}
        tune:
          family: logistic
          space: {c: {log_float: [0.001, 10]}}
        """);
    ExperimentConfig e = ExperimentConfigs.read(f);
    assertThat(e.name()).isEqualTo("both");
  }

  @Test
  void every_bad_key_and_value_is_reported_once_with_line_column_and_valid_choices() throws Exception {
    Path f = write("""
        data: {path: bars.csv}
        tune:
          family: lightgbm
          metrc: auc
          sampler: anneal
          n_trials: -3
          space:
            num_leaves: {int: [128, 8]}
            boosting: {choice: [gbdt, dart]}
            drop_rate: {float: [0.05, 0.3], when: {boosting: goss}}
            rate: {range: [1, 2]}
        """);
    assertThatThrownBy(() -> TuneConfigs.read(f, 1)).isInstanceOfSatisfying(BadInputException.class, e -> {
      assertThat(e.problems()).hasSize(6);
      Problem key = e.problems().get(0);
      assertThat(key.where().file()).isEqualTo(f.toString());
      assertThat(key.where().line()).isEqualTo(4);
      assertThat(key.where().column()).isEqualTo("tune.metrc (column 3)");
      assertThat(key.message()).contains("valid keys: family, variant, params, metric, sampler");
      assertThat(e.problems().get(1).where().line()).isEqualTo(5);
      assertThat(e.problems().get(1).message()).contains("tpe, random, grid");
      assertThat(e.problems().get(2).where().line()).isEqualTo(6);
      assertThat(e.problems().get(3).where().line()).isEqualTo(8);
      assertThat(e.problems().get(3).message()).contains("low <= high");
      assertThat(e.problems().get(4).where().line()).isEqualTo(10);
      assertThat(e.problems().get(4).message()).contains("[gbdt, dart]");
      assertThat(e.problems().get(5).message()).contains("int, log_int, float, log_float, choice");
    });
  }

  @Test
  void a_file_without_a_tune_section_is_bad_input() throws Exception {
    Path f = write("data: {path: bars.csv}\n");
    assertThatThrownBy(() -> TuneConfigs.read(f, 1)).isInstanceOf(BadInputException.class).hasMessageContaining("no tune: section");
  }
}
