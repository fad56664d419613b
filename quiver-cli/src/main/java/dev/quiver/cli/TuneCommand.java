package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.split.Holdout;
import dev.quiver.tune.ParamImportance;
import dev.quiver.tune.StudyStore;
import dev.quiver.tune.Trial;
import dev.quiver.tune.TrialEvaluator;
import dev.quiver.tune.TrialRecord;
import dev.quiver.tune.TuneConfig;
import dev.quiver.tune.TuneConfigs;
import dev.quiver.tune.Tuner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver tune --config FILE}: a hyperparameter study of one family, stored in SQLite and resumable. */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = {"Tune one model family's hyperparameters with the experiment file's tune: section (see README.md, Tuning).",
        "Trials are scored on the holdout's validation rows (or walk-forward folds before the test segment), never on the",
        "test rows. Every finished trial is committed to the SQLite --storage file; --resume continues a study without",
        "repeating finished trials (a trial left running by a crash is run again). Prints the trials sorted by the metric,",
        "the best trial, the total trial count (to deflate a Sharpe ratio by), the best parameters as --set flags and YAML,",
        "and each parameter's importance: fANOVA main effects on a random-forest surrogate of the complete trials.",
        "--chart writes the optimisation history (every trial's value and the best so far) as a PNG."})
public final class TuneCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Experiment YAML with a tune: section.")
  Path config;

  @Option(names = "--study", paramLabel = "NAME", description = "Study name (default: the experiment's name).")
  String study;

  @Option(names = "--storage", paramLabel = "FILE.db", description = "SQLite file of the studies (default: studies.db next to the experiment file).")
  Path storage;

  @Option(names = "--resume", description = "Continue the study if it exists (it must have the same tune settings and data).")
  boolean resume;

  @Option(names = "--n-trials", paramLabel = "N", description = "Trial budget of the study, finished trials included (default: tune.n_trials).")
  Integer nTrials;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Trials run at once; each fit gets threads/N threads (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--threads", paramLabel = "N", description = "Thread budget of the study (default: all cores).")
  Integer threads;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "Write the optimisation-history chart (each trial's value, pruned ones marked, and the best so far) to this PNG.")
  Path chart;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ExperimentConfig exp = ExperimentConfigs.read(config);
    TuneConfig tc = TuneConfigs.read(config, exp.seed());
    if (nTrials != null) {
      if (nTrials < 1) throw new dev.quiver.error.BadInputException(dev.quiver.error.Where.none(), "--n-trials must be at least 1, got " + nTrials, "give a positive trial budget");
      tc = tc.withTrials(nTrials);
    }
    if (jobs < 1) throw new dev.quiver.error.BadInputException(dev.quiver.error.Where.none(), "--jobs must be at least 1, got " + jobs, "give a positive number of jobs");
    if (chart != null && (chart.toAbsolutePath().getParent() == null || !java.nio.file.Files.isDirectory(chart.toAbsolutePath().getParent()))) {
      throw new dev.quiver.error.BadInputException(dev.quiver.error.Where.file(chart.toString()), "the folder of the chart does not exist",
          "create it first or choose another --chart path");
    }
    ModelFamily family = ModelFamilies.discover().get(tc.family());
    family.params(tc.variant(), tc.params());
    String name = study == null ? exp.name() : study;
    Path db = storage == null ? config.toAbsolutePath().getParent().resolve("studies.db") : storage;
    ThreadBudget budget = threads == null ? ThreadBudget.machine() : new ThreadBudget(threads);
    int perTrial = budget.threadsPerJob(jobs);

    Dataset data = ExperimentRunner.dataset(exp, RunObserver.NONE, ModelFamilies.discover());
    Holdout holdout = new Holdout(exp.split().train(), exp.split().validation(), exp.split().test(), exp.split().minSamples());
    TrialEvaluator evaluator = new TrialEvaluator(data, holdout, tc.split(), family, tc);
    PrintWriter err = spec.commandLine().getErr();
    List<TrialRecord> trials;
    int replayed;
    final TuneConfig settings = tc;
    try (StudyStore store = StudyStore.open(db)) {
      Tuner tuner = new Tuner(tc, Tuner.settingsJson(tc, data.sha256()), evaluator, store, name, resume);
      replayed = tuner.replayed();
      if (format == OutputFormat.TEXT && replayed > 0) err.printf("resuming study '%s': %d finished trials replayed%n", name, replayed);
      trials = tuner.run(jobs, perTrial, (t, total) -> {
        if (format == OutputFormat.TEXT) {
          err.printf(Locale.ROOT, "trial %d %s %s=%s work=%d%n", t.number(), t.state().name().toLowerCase(Locale.ROOT), settings.metric(),
              fmt(t.value()), t.work());
          err.flush();
        }
      });
    }
    Map<String, Object> report = report(tc, name, db, trials, replayed);
    if (chart != null) {
      TuneHistoryChart.write(trials, tc.metric(), tc.maximize(), name, chart);
      report.put("chart", chart.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(out, report);
      return 0;
    }
    printText(out, tc, report, sorted(trials, tc.maximize()));
    return 0;
  }

  static final String IMPORTANCE_METHOD = "fANOVA main effects on a " + ParamImportance.TREES + "-tree random-forest surrogate of the ";

  /** Complete trials best first, then pruned ones best first, then failed ones by number. */
  static List<TrialRecord> sorted(List<TrialRecord> trials, boolean maximize) {
    List<TrialRecord> out = new ArrayList<>(trials);
    Comparator<TrialRecord> byState = Comparator.comparingInt(t -> t.state().ordinal());
    Comparator<TrialRecord> byValue = Comparator.comparingDouble(t -> Double.isNaN(t.value()) ? Double.POSITIVE_INFINITY : maximize ? -t.value() : t.value());
    out.sort(byState.thenComparing(byValue).thenComparingInt(TrialRecord::number));
    return out;
  }

  private static Map<String, Object> report(TuneConfig tc, String name, Path db, List<TrialRecord> trials, int replayed) {
    List<TrialRecord> order = sorted(trials, tc.maximize());
    TrialRecord best = order.isEmpty() || order.get(0).state() != TrialRecord.State.COMPLETE ? null : order.get(0);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("study", name);
    r.put("storage", db.toString());
    r.put("family", tc.family());
    r.put("metric", tc.metric());
    r.put("direction", tc.maximize() ? "maximize" : "minimize");
    r.put("sampler", tc.sampler());
    r.put("pruner", tc.pruner());
    r.put("split", tc.split().label());
    r.put("n_trials_total", trials.size());
    r.put("n_complete", count(trials, TrialRecord.State.COMPLETE));
    r.put("n_pruned", count(trials, TrialRecord.State.PRUNED));
    r.put("n_failed", count(trials, TrialRecord.State.FAILED));
    r.put("n_replayed", replayed);
    long work = 0;
    for (TrialRecord t : trials) work += t.work();
    r.put("work_total", work);
    if (best != null) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("number", best.number());
      b.put("value", JsonOut.number(best.value()));
      b.put("params", best.params());
      r.put("best", b);
      List<String> sets = new ArrayList<>();
      for (Map.Entry<String, String> e : bestParams(tc, best).entrySet()) sets.add(tc.family() + "." + e.getKey() + "=" + e.getValue());
      r.put("best_params_set", sets);
      r.put("best_params_yaml", yaml(tc, best));
    } else {
      r.put("best", null);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TrialRecord t : order) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", t.number());
      row.put("state", t.state().name().toLowerCase(Locale.ROOT));
      row.put("value", JsonOut.number(t.value()));
      row.put("params", t.params());
      row.put("seed", t.seed());
      row.put("work", t.work());
      row.put("steps", t.intermediate().length);
      row.put("seconds", JsonOut.number(t.seconds()));
      if (!t.error().isEmpty()) row.put("error", t.error());
      rows.add(row);
    }
    r.put("trials", rows);
    List<Trial> complete = new ArrayList<>();
    for (TrialRecord t : trials) if (t.state() == TrialRecord.State.COMPLETE) complete.add(new Trial(t.number(), t.params(), t.value()));
    Map<String, Object> shares = new LinkedHashMap<>();
    List<Map.Entry<String, Double>> byShare = new ArrayList<>(ParamImportance.of(tc.space(), complete, tc.seed()).entrySet());
    byShare.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    for (Map.Entry<String, Double> e : byShare) shares.put(e.getKey(), e.getValue());
    r.put("param_importance", shares);
    r.put("param_importance_method", IMPORTANCE_METHOD + complete.size() + " complete trials");
    return r;
  }

  /** The fixed params of the tune section with the best trial's on top, as --set values. */
  private static Map<String, String> bestParams(TuneConfig tc, TrialRecord best) {
    Map<String, String> m = new LinkedHashMap<>(new java.util.TreeMap<>(tc.params()));
    best.params().forEach((k, v) -> m.put(k, String.valueOf(v)));
    return m;
  }

  private static String yaml(TuneConfig tc, TrialRecord best) {
    StringBuilder sb = new StringBuilder("models:\n  - family: ").append(tc.family()).append('\n');
    if (!tc.variant().equals("balanced")) sb.append("    variant: ").append(tc.variant()).append('\n');
    sb.append("    params:\n");
    for (Map.Entry<String, String> e : bestParams(tc, best).entrySet()) sb.append("      ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    return sb.toString();
  }

  private static long count(List<TrialRecord> trials, TrialRecord.State s) {
    long n = 0;
    for (TrialRecord t : trials) if (t.state() == s) n++;
    return n;
  }

  @SuppressWarnings("unchecked")
  private static void printText(PrintWriter out, TuneConfig tc, Map<String, Object> report, List<TrialRecord> order) {
    out.printf(Locale.ROOT, "study %s (%s, %s %s, sampler %s, pruner %s, split %s): %d trials, %d complete, %d pruned, %d failed; work %d%n",
        report.get("study"), tc.family(), report.get("direction"), tc.metric(), tc.sampler(), tc.pruner(), tc.split().label(),
        report.get("n_trials_total"), report.get("n_complete"), report.get("n_pruned"), report.get("n_failed"), report.get("work_total"));
    Table table = new Table(List.of("trial", "state", tc.metric(), "work", "seconds", "params"));
    for (TrialRecord t : order) {
      table.row(List.of(String.valueOf(t.number()), t.state().name().toLowerCase(Locale.ROOT), fmt(t.value()), String.valueOf(t.work()),
          String.format(Locale.ROOT, "%.2f", t.seconds()), String.valueOf(t.params())));
    }
    table.print(out);
    Map<String, Object> best = (Map<String, Object>) report.get("best");
    if (best == null) {
      out.println("no trial completed");
    } else {
      out.printf(Locale.ROOT, "best: trial %s, %s %s%n", best.get("number"), tc.metric(), fmt((Double) best.get("value")));
      out.println("train with: " + String.join(" ", ((List<String>) report.get("best_params_set")).stream().map(s -> "--set " + s).toList()));
      out.print(report.get("best_params_yaml"));
      out.printf("count %s trials when deflating a Sharpe ratio of the chosen model%n", report.get("n_trials_total"));
    }
    Map<String, Object> shares = (Map<String, Object>) report.get("param_importance");
    if (shares.isEmpty()) {
      out.println("parameter importance: not assessed (needs 2 complete trials with different values and a parameter active in all of them)");
    } else {
      out.println("parameter importance (" + report.get("param_importance_method") + "; shares sum to 1):");
      Table importance = new Table(List.of("param", "importance"));
      for (Map.Entry<String, Object> e : shares.entrySet()) importance.row(List.of(e.getKey(), String.format(Locale.ROOT, "%.3f", (Double) e.getValue())));
      importance.print(out);
    }
    if (report.containsKey("chart")) out.println("chart: " + report.get("chart"));
    out.flush();
  }

  private static String fmt(Double v) {
    return v == null || !Double.isFinite(v) ? "nan" : String.format(Locale.ROOT, "%.5f", v);
  }
}
