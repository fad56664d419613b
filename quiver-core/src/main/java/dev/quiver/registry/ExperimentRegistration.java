package dev.quiver.registry;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.exec.JobResult;
import dev.quiver.experiment.DatasetSummary;
import dev.quiver.experiment.ExperimentResult;
import dev.quiver.experiment.LeaderboardRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers the models an experiment fitted: each under {@code <experiment>-<model>} (characters
 * a name may not hold become '-': {@code demo-lightgbm-aggressive}), with its test-segment
 * metrics, ungraded, and the feature recipe that computed its inputs (base and higher
 * timeframes, feature specs, label), so that it can predict from bars later. Failed jobs are
 * skipped. Stateless.
 */
public final class ExperimentRegistration {

  private ExperimentRegistration() {}

  /** The registered name of the experiment's model {@code model}. */
  public static String modelName(String experiment, String model) {
    return ModelNames.sanitize(experiment + "-" + model);
  }

  /** Registers every fitted model of {@code result} into {@code registry}; returns the versions in job order. */
  public static List<ModelVersion> register(ModelRegistry registry, ExperimentResult result) {
    ExperimentConfig c = result.config();
    DatasetSummary d = result.dataset();
    FeatureRecipe recipe = new FeatureRecipe(d.timeframe(), d.higherTimeframes(), c.features(),
        d.higherTimeframes().isEmpty() ? null : c.higherFeatures(), c.label());
    Map<String, LeaderboardRow> rows = new HashMap<>();
    for (LeaderboardRow r : result.leaderboard()) rows.put(r.model(), r);
    Integer max = c.registry() == null ? null : c.registry().maxVersions();
    List<ModelVersion> out = new ArrayList<>();
    for (JobResult job : result.jobs()) {
      if (job.status() != JobResult.Status.OK) continue;
      String name = modelName(c.name(), job.job().name());
      if (max != null) registry.setMaxVersions(name, max);
      LeaderboardRow row = rows.get(job.job().name());
      String description = String.format(Locale.ROOT, "experiment %s, model %s; %s label %s on %s, scored on %,d test rows (%s..%s)",
          c.name(), job.job().name(), d.task(), d.label(), String.join(",", d.symbols()), d.test().rows(), d.test().from(), d.test().to());
      out.add(registry.register(Registration.of(name, job.model()).withRecipe(recipe)
          .withMetrics(row == null ? Map.of() : row.metrics()).withDescription(description)));
    }
    return out;
  }
}
