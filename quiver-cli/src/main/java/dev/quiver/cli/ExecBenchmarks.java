package dev.quiver.cli;

import dev.quiver.dataset.Dataset;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.FamilyCosts;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.LocalExecutor;
import dev.quiver.exec.RunListener;
import dev.quiver.exec.Slice;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.experiment.AnalystTactician;
import dev.quiver.experiment.PresetModel;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Params;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code quiver benchmark parallel} and {@code analyst-tactician}: the executor's speed targets.
 * {@code parallel} fits the five reference models (random forest, sklearn-style gradient
 * boosting, LightGBM as histogram gradient boosting, logistic regression, XGBoost; 100 trees
 * each) on the seed12 next-bar-direction dataset of the input (chronological 80/20), first one
 * after another, then side by side within the thread budget, each job with the same one thread
 * both times (so the models are the same), and prints the parallel wall time over the sum of the
 * sequential times.
 */
final class ExecBenchmarks {

  private static final Map<String, Map<String, String>> FIVE = new LinkedHashMap<>();

  static {
    FIVE.put("random_forest", Map.of("num_iterations", "100"));
    FIVE.put("gradient_boosting", Map.of("num_iterations", "100"));
    FIVE.put("lightgbm", Map.of("num_iterations", "100"));
    FIVE.put("logistic", Map.of());
    FIVE.put("xgboost", Map.of("num_rounds", "100"));
  }

  private ExecBenchmarks() {}

  static int parallel(Path file, int budget, OutputFormat format, PrintWriter out) {
    ModelFamilies families = ModelFamilies.discover();
    Dataset data = FitBenchmark.dataset(file);
    Fold fold = new Holdout(0.8, 0.0, 0.2, 100).fold(data);
    TrainSet train = data.trainSet(fold.trainFrom(), fold.trainTo());
    TrainSet test = data.trainSet(fold.testFrom(), fold.testTo());
    List<TrainJob> jobs = new ArrayList<>();
    Map<String, Params> params = new HashMap<>();
    FIVE.forEach((family, overrides) -> {
      params.put(family, families.get(family).params("balanced", overrides));
      jobs.add(TrainJob.planned(family, family, "balanced", overrides, new Slice(file.toString(), "1m", Slice.ALL_SYMBOLS, fold.name()), 42));
    });
    FamilyCosts costs = new FamilyCosts(train.rows(), data.featureNames().size());
    ExecutorOptions sequential = ExecutorOptions.of(new ThreadBudget(1)).withCosts(costs);
    ExecutorOptions side = ExecutorOptions.of(new ThreadBudget(budget)).withJobs(budget).withCosts(costs);

    long t0 = System.nanoTime();
    List<JobResult> seq = new LocalExecutor(sequential, Cancellation.none()).run(jobs, (job, ctx) ->
        families.get(job.family()).trainer(params.get(job.family())).fit(train, null, ctx, FitInfo.of("balanced")), RunListener.NONE);
    double seqWall = (System.nanoTime() - t0) / 1e9;
    LocalExecutor parallel = new LocalExecutor(side, Cancellation.none());
    long t1 = System.nanoTime();
    List<JobResult> par = parallel.run(jobs, (job, ctx) ->
        families.get(job.family()).trainer(params.get(job.family())).fit(train, null, ctx, FitInfo.of("balanced")), RunListener.NONE);
    double parWall = (System.nanoTime() - t1) / 1e9;

    double sum = 0;
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean same = true;
    for (int i = 0; i < jobs.size(); i++) {
      JobResult s = seq.get(i);
      JobResult p = par.get(i);
      if (s.status() != JobResult.Status.OK || p.status() != JobResult.Status.OK) {
        throw new dev.quiver.error.InternalException(jobs.get(i).name() + " failed in the benchmark: " + s.error() + p.error());
      }
      sum += s.fitSeconds();
      double aucS = ClassificationMetrics.of(test.y(), s.model().predict(test.x()).values()).auc();
      double aucP = ClassificationMetrics.of(test.y(), p.model().predict(test.x()).values()).auc();
      same &= aucS == aucP;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("model", jobs.get(i).name());
      r.put("sequential_s", s.fitSeconds());
      r.put("parallel_s", p.fitSeconds());
      r.put("auc", aucS);
      rows.add(r);
    }
    double ratio = parWall / sum;
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", "parallel");
      m.put("thread_budget", budget);
      m.put("train_rows", train.rows());
      m.put("features", data.featureNames().size());
      m.put("models", rows);
      m.put("sum_sequential_s", sum);
      m.put("sequential_wall_s", seqWall);
      m.put("parallel_wall_s", parWall);
      m.put("ratio", ratio);
      m.put("peak_threads", parallel.accounting().peakThreads());
      m.put("identical_models", same);
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "parallel: 5 models on %,d train rows x %d features of %s, budget %d threads (%d jobs x 1 thread)%n",
          train.rows(), data.featureNames().size(), file.getFileName(), budget, budget);
      Table t = new Table(List.of("model", "sequential_s", "in_parallel_s", "test_auc"));
      for (Map<String, Object> r : rows) {
        t.row(List.of((String) r.get("model"), String.format(Locale.ROOT, "%.2f", (double) r.get("sequential_s")),
            String.format(Locale.ROOT, "%.2f", (double) r.get("parallel_s")), String.format(Locale.ROOT, "%.4f", (double) r.get("auc"))));
      }
      t.print(out);
      out.printf(Locale.ROOT, "sum of sequential fit times %.2f s; parallel wall %.2f s; ratio %.2f (target <= 0.60); peak threads in use %d of %d; same models both ways: %s%n",
          sum, parWall, ratio, parallel.accounting().peakThreads(), budget, same ? "yes" : "NO");
      out.flush();
    }
    return 0;
  }

  static int analystTactician(Path file, String symbol, int budget, OutputFormat format, PrintWriter out) {
    AnalystTactician.Options o = new AnalystTactician.Options(file.toString(), symbol, 42,
        ExecutorOptions.of(new ThreadBudget(budget)), Map.of(), Map.of(), 5, 0.8, null);
    long t0 = System.nanoTime();
    AnalystTactician.Result r = new AnalystTactician(ModelFamilies.discover()).run(o, RunObserver.NONE);
    double wall = (System.nanoTime() - t0) / 1e9;
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", "analyst-tactician");
      m.put("symbol", r.symbol());
      m.put("thread_budget", budget);
      m.put("wall_s", wall);
      Map<String, Object> acc = new LinkedHashMap<>();
      for (PresetModel p : r.models()) acc.put(p.name(), JsonOut.number(p.metrics().getOrDefault("accuracy", Double.NaN)));
      m.put("accuracy", acc);
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "analyst-tactician: %s of %s, budget %d threads, end to end (load, resample, features, 5-fold CV + final fits, scoring) %.2f s%n",
          r.symbol(), file.getFileName(), budget, wall);
      for (PresetModel p : r.models()) {
        out.printf(Locale.ROOT, "  %-13s accuracy %.4f  cv mean %.4f  train %,d / test %,d rows%n", p.name(),
            p.metrics().getOrDefault("accuracy", Double.NaN), p.cvMean(), p.trainRows(), p.testRows());
      }
      out.flush();
    }
    return 0;
  }
}
