package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pruning on small real studies of the first 8,000 IFL8 bars of the bundled futures file: the same
 * random trials with and without a pruner. The full-size comparison (20 trials of 100 rounds on all
 * 144,000 bars) is {@code quiver benchmark tune-pruning}.
 */
class TunePruningCliTest {

  /** The most AUC the best trial may lose to pruning in this small study. */
  static final double MARGIN = 0.01;

  /** Trials per study: the median pruner starts judging after 5 complete ones. */
  static final int TRIALS = 10;

  @TempDir
  Path dir;

  private JsonNode study(String name, String pruner, String split, String family, String params, String space) throws Exception {
    Path data = dir.resolve("ifl8.csv");
    if (!Files.exists(data)) FuturesSlice.write(dir, "ifl8.csv", "IFL8.cfe", TuneCliTest.BARS);
    Path yaml = dir.resolve(name + ".yaml");
    Files.writeString(yaml, """
        name: %s
        seed: 11
        data: {path: %s, symbols: [IFL8.cfe]}
        tune:
          family: %s
          sampler: random
          n_trials: %d
          pruner: %s
          split: %s
          params: %s
          space:
        %s
        """.formatted(name, data, family, TRIALS, pruner, split, params, space.indent(4)));
    Cli r = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve(name + ".db").toString(), "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  private static final String LGB_PARAMS = "{num_iterations: 20, early_stopping_rounds: 0, min_data_in_leaf: 50}";

  private static final String LGB_SPACE = """
      num_leaves: {int: [4, 64]}
      learning_rate: {log_float: [0.005, 0.3]}
      feature_fraction: {float: [0.5, 1.0]}
      """;

  @Test
  void median_and_halving_pruning_cut_boosting_rounds_and_keep_the_best_auc_within_the_margin() throws Exception {
    JsonNode full = study("full", "none", "holdout", "lightgbm", LGB_PARAMS, LGB_SPACE);
    for (String pruner : new String[] {"median", "halving"}) {
      JsonNode pruned = study(pruner, pruner, "holdout", "lightgbm", LGB_PARAMS, LGB_SPACE);
      assertThat(pruned.get("n_trials_total").asInt()).isEqualTo(TRIALS);
      assertThat(pruned.get("n_pruned").asInt()).isPositive();
      assertThat(pruned.get("work_total").asLong()).isLessThan(full.get("work_total").asLong());
      assertThat(pruned.get("best").get("value").asDouble()).isGreaterThanOrEqualTo(full.get("best").get("value").asDouble() - MARGIN);
    }
  }

  @Test
  void a_family_without_rounds_is_pruned_between_walk_forward_folds() throws Exception {
    String space = "c: {log_float: [0.0001, 0.1]}\n"; // strong regularisation: each fit takes milliseconds
    JsonNode full = study("wf-full", "none", "{walk_forward: 3}", "logistic", "{}", space);
    JsonNode pruned = study("wf-median", "median", "{walk_forward: 3}", "logistic", "{}", space);
    assertThat(full.get("work_total").asLong()).isEqualTo(TRIALS * 3);
    assertThat(pruned.get("work_total").asLong()).isLessThan(full.get("work_total").asLong());
    assertThat(pruned.get("best").get("value").asDouble()).isGreaterThanOrEqualTo(full.get("best").get("value").asDouble() - MARGIN);
  }
}
