package dev.quiver.cli;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.InternalException;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.split.Holdout;
import dev.quiver.tune.Dimension;
import dev.quiver.tune.SearchSpace;
import dev.quiver.tune.StudyStore;
import dev.quiver.tune.TrialEvaluator;
import dev.quiver.tune.TrialRecord;
import dev.quiver.tune.TuneConfig;
import dev.quiver.tune.TuneSplit;
import dev.quiver.tune.Tuner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code quiver benchmark tune-pruning}: the same LightGBM study run with no pruner, the median
 * pruner and successive halving. The study is {@value #TRIALS} random-sampler trials (so every
 * pruner sees the same parameters, trial by trial) of {@value #ROUNDS} boosting rounds each on the
 * seed12 features and next-bar direction of the input, scored by validation AUC on the 70/20/10
 * holdout, one trial at a time with {@code threads} LightGBM threads, each study in a fresh SQLite
 * store in a temporary folder. Reports per pruner the wall time of a study, the boosting rounds
 * evaluated (work), the share of the unpruned work saved, the trials pruned, the best AUC and how
 * much AUC the best trial lost against the unpruned study (the gap; 0 or negative: none lost).
 */
final class TunePruningBenchmark {

  static final int TRIALS = 20;
  static final int ROUNDS = 100;
  static final List<String> PRUNERS = List.of("none", "median", "halving");

  private TunePruningBenchmark() {}

  /** Wall nanoseconds of each run of all three studies, and the per-pruner figures of the last run plus their timings. */
  record Result(long[] nanos, Map<String, Object> pruners) {}

  static Result run(Dataset data, int threads, int warmups, int runs) {
    ModelFamily lightgbm = ModelFamilies.discover().get("lightgbm");
    SearchSpace space = new SearchSpace(List.of(Dimension.integer("num_leaves", 4, 64, false), Dimension.real("learning_rate", 0.005, 0.3, true),
        Dimension.real("feature_fraction", 0.5, 1.0, false)));
    Holdout holdout = new Holdout(0.7, 0.2, 0.1, 100);
    long[] nanos = new long[runs];
    Map<String, long[]> perPruner = new LinkedHashMap<>();
    Map<String, List<TrialRecord>> last = new LinkedHashMap<>();
    for (String p : PRUNERS) perPruner.put(p, new long[runs]);
    for (int i = 0; i < warmups + runs; i++) {
      long total = 0;
      for (String pruner : PRUNERS) {
        TuneConfig config = new TuneConfig("lightgbm", "balanced", Map.of("num_iterations", String.valueOf(ROUNDS), "early_stopping_rounds", "0",
            "min_data_in_leaf", "50"), "auc", true, "random", TRIALS, null, 11, TuneSplit.HOLDOUT, pruner, space);
        TrialEvaluator evaluator = new TrialEvaluator(data, holdout, TuneSplit.HOLDOUT, lightgbm, config);
        long t0 = System.nanoTime();
        List<TrialRecord> trials = study(config, evaluator, data, threads);
        long t = System.nanoTime() - t0;
        total += t;
        if (i >= warmups) {
          perPruner.get(pruner)[i - warmups] = t;
          last.put(pruner, trials);
        }
      }
      if (i >= warmups) nanos[i - warmups] = total;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    long fullWork = work(last.get("none"));
    double fullBest = best(last.get("none"));
    for (String pruner : PRUNERS) {
      List<TrialRecord> trials = last.get(pruner);
      long[] sorted = perPruner.get(pruner).clone();
      Arrays.sort(sorted);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("median_ms", median(sorted) / 1e6);
      m.put("min_ms", sorted[0] / 1e6);
      m.put("work", work(trials));
      m.put("work_saved", 1 - (double) work(trials) / fullWork);
      long pruned = 0;
      for (TrialRecord t : trials) if (t.state() == TrialRecord.State.PRUNED) pruned++;
      m.put("n_pruned", pruned);
      m.put("best_auc", JsonOut.number(best(trials)));
      m.put("best_gap", JsonOut.number(fullBest - best(trials)));
      out.put(pruner, m);
    }
    return new Result(nanos, out);
  }

  private static List<TrialRecord> study(TuneConfig config, TrialEvaluator evaluator, Dataset data, int threads) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("quiver-tune-pruning");
      try (StudyStore store = StudyStore.open(dir.resolve("bench.db"))) {
        Tuner tuner = new Tuner(config, Tuner.settingsJson(config, data.sha256()), evaluator, store, "bench", false);
        return tuner.run(1, threads, (t, total) -> { });
      }
    } catch (IOException e) {
      throw new InternalException("cannot make a temporary study folder: " + e.getMessage(), e);
    } finally {
      if (dir != null) deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new InternalException("cannot delete the temporary study folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long work(List<TrialRecord> trials) {
    long w = 0;
    for (TrialRecord t : trials) w += t.work();
    return w;
  }

  private static double best(List<TrialRecord> trials) {
    double b = Double.NaN;
    for (TrialRecord t : trials) if (t.state() == TrialRecord.State.COMPLETE && (Double.isNaN(b) || t.value() > b)) b = t.value();
    return b;
  }

  static double median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
