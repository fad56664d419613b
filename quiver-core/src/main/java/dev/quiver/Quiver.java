package dev.quiver;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.FamilyCosts;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.LocalExecutor;
import dev.quiver.exec.RunListener;
import dev.quiver.exec.Slice;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library entry point for training many models at once: the multi-model replacement of a
 * single {@code fit} call. Splits the dataset chronologically (holdout), fits every model in
 * parallel within one thread budget on the local executor, and scores each on the test segment.
 *
 * <pre>{@code
 * Dataset data = ExperimentRunner.dataset(config, RunObserver.NONE);
 * List<TrainedModel> models = Quiver.trainAll(data,
 *     List.of("lightgbm", "logistic:conservative", "xgboost(max_depth=4,eta=0.1)"),
 *     TrainOptions.defaults().withThreads(2).withSeed(7));
 * for (TrainedModel m : models) {
 *   System.out.printf("%s %s auc=%.4f%n", m.name(), m.status(), m.metric("auc"));
 * }
 * }</pre>
 *
 * <p>A model spec is {@code FAMILY[:VARIANT][(KEY=VALUE,...)]}; every bad spec is reported at
 * once before training. A model that fails does not stop the others: it comes back with status
 * "failed" and its error. Results come back in spec order; each job's seed derives from the
 * options' seed and the model's identity, so they do not depend on the thread budget. Thread-safe.
 */
public final class Quiver {

  private Quiver() {}

  public static List<TrainedModel> trainAll(Dataset data, List<String> models, TrainOptions options) {
    ModelFamilies families = ModelFamilies.discover();
    List<Problem> problems = new ArrayList<>();
    List<TrainJob> jobs = new ArrayList<>();
    Map<String, Params> params = new HashMap<>();
    Fold fold = new Holdout(options.train(), options.validation(), options.test(), 100).fold(data);
    String symbols = data.symbols().size() == 1 ? data.symbols().get(0) : Slice.ALL_SYMBOLS;
    for (String spec : models) {
      try {
        Spec s = Spec.parse(spec);
        ModelFamily f = families.get(s.family);
        String name = s.name();
        for (int n = 2; params.containsKey(name); n++) name = s.name() + "#" + n;
        params.put(name, f.params(s.variant, s.overrides));
        jobs.add(TrainJob.planned(name, s.family, s.variant, s.overrides, new Slice("", "", symbols, fold.name()), options.seed()));
      } catch (BadInputException e) {
        for (Problem p : e.problems()) problems.add(new Problem(Where.cell("models", 0, spec), p.value(), p.rule(), "model '" + spec + "': " + p.message()));
      }
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "write models as FAMILY[:VARIANT][(KEY=VALUE,...)]; see quiver models families");

    TrainSet train = data.trainSet(fold.trainFrom(), fold.trainTo());
    TrainSet valid = fold.hasValidation() ? data.trainSet(fold.validFrom(), fold.validTo()) : null;
    TrainSet test = data.trainSet(fold.testFrom(), fold.testTo());
    ThreadBudget budget = options.threads() == 0 ? ThreadBudget.machine() : new ThreadBudget(options.threads());
    ExecutorOptions exec = ExecutorOptions.of(budget).withJobs(Math.min(options.jobs(), budget.cores()))
        .withTimeout(options.timeout()).withRetries(options.retries(), java.time.Duration.ofSeconds(1))
        .withCosts(new FamilyCosts(train.rows(), data.featureNames().size()));
    List<JobResult> results = new LocalExecutor(exec, Cancellation.none()).run(jobs, (job, ctx) ->
        families.get(job.family()).trainer(params.get(job.name())).fit(train, valid, ctx, new FitInfo(job.variant(), data.sha256(), fold.name())),
        RunListener.NONE);

    List<TrainedModel> out = new ArrayList<>();
    for (JobResult r : results) {
      TrainJob j = r.job();
      Map<String, Double> metrics = r.status() == JobResult.Status.OK
          ? ExperimentRunner.metrics(data.task(), test.y(), r.model().predict(test.x()), data.task() == dev.quiver.model.Task.MULTICLASS ? test.forwardReturn() : null)
          : Map.of();
      out.add(new TrainedModel(j.name(), j.family(), j.variant(), r.status().name().toLowerCase(java.util.Locale.ROOT), r.model(),
          metrics, r.fitSeconds(), r.error()));
    }
    return out;
  }

  /** {@code FAMILY[:VARIANT][(KEY=VALUE,...)]}. */
  private record Spec(String family, String variant, Map<String, String> overrides) {

    static Spec parse(String text) {
      String t = text.trim();
      Map<String, String> overrides = new LinkedHashMap<>();
      int open = t.indexOf('(');
      if (open >= 0) {
        if (!t.endsWith(")")) throw new BadInputException(Where.none(), "model spec '" + text + "' opens '(' without closing it", "write FAMILY(KEY=VALUE,...)");
        for (String kv : t.substring(open + 1, t.length() - 1).split(",")) {
          if (kv.isBlank()) continue;
          int eq = kv.indexOf('=');
          if (eq <= 0) throw new BadInputException(Where.none(), "override '" + kv.trim() + "' in '" + text + "' has no KEY=VALUE", "write KEY=VALUE");
          overrides.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        t = t.substring(0, open).trim();
      }
      String[] parts = t.split(":", 2);
      return new Spec(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "balanced", overrides);
    }

    String name() {
      return variant.equals("balanced") && overrides.isEmpty() ? family
          : family + (variant.equals("balanced") ? "" : ":" + variant) + (overrides.isEmpty() ? "" : overrides.toString().replace('{', '(').replace('}', ')').replace(" ", ""));
    }
  }
}
