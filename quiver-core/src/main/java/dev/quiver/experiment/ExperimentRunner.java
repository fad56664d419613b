package dev.quiver.experiment;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.data.Bars;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.Policy;
import dev.quiver.data.ReadOptions;
import dev.quiver.data.ResampleOptions;
import dev.quiver.data.Resampler;
import dev.quiver.data.Timeframe;
import dev.quiver.data.TimestampFormat;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.ForecastRanking;
import dev.quiver.eval.MulticlassMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.ensemble.CascadeModel;
import dev.quiver.exec.CostModel;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.FamilyCosts;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.LocalExecutor;
import dev.quiver.exec.RunJournal;
import dev.quiver.exec.Slice;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.features.MultiTimeframe;
import dev.quiver.labels.Labeler;
import dev.quiver.labels.Labelers;
import dev.quiver.labels.Targets;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelStore;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Predictions;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.preprocess.PreprocessingTrainer;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one experiment end to end: load and validate bars, resample, compute causal features on
 * every timeframe and join the higher ones as-of their close, label, build the dataset once,
 * split chronologically, fit every model within the thread budget, and score each on the test
 * segment only. Composes the pipeline's pieces and nothing else.
 *
 * <p>With a run directory, the run can be resumed: the experiment is written there as {@value
 * #EXPERIMENT_FILE}, every fitted model is saved under {@code models/} and journaled in {@link
 * RunJournal#FILE} as soon as it is fitted, and the test-segment predictions of every fitted model
 * go to {@value #PREDICTIONS_FILE} at the end. Running again on the same directory loads the
 * journaled models instead of fitting them, so the leaderboard and predictions come out the same
 * as an uninterrupted run.
 */
public final class ExperimentRunner {

  /**
   * The extra leaderboard metric of a {@code cascade} model: the share of the test rows its
   * expensive model scored, in [0, 1] ({@code 1 - share} is the compute it saved).
   */
  public static final String EXPENSIVE_SHARE = "expensive_share";

  /** Stages reported to the observer before the training jobs. */
  public static final int STAGES = 5;

  /** The experiment as run, in a run directory (JSON). */
  public static final String EXPERIMENT_FILE = "experiment.json";

  /** Test-segment predictions of every fitted model, in a run directory (CSV: time, then one column per model). */
  public static final String PREDICTIONS_FILE = "predictions.csv";

  /**
   * Per-job checkpoint folders of iterative trainers, in a run directory ({@link
   * TrainContext#checkpointDir}); a job's folder is removed once its model is saved and journaled.
   */
  public static final String CHECKPOINTS = "checkpoints";

  private final ModelFamilies families;
  private final ExecutorOptions options;
  private final Cancellation cancel;
  private final Path runDir;

  /**
   * What a person should know when the experiment's split section names a scheme other than the
   * chronological holdout: {@link #run} (quiver train) still scores one holdout with the default
   * fractions, and the scheme's folds apply to {@code quiver backtest} and {@code quiver split} with
   * the same file. Empty for a holdout section, whose fractions {@link #run} honours.
   */
  public static java.util.Optional<String> splitNote(ExperimentConfig config) {
    if (config.split() == null) return java.util.Optional.empty();
    String scheme = config.split().scheme();
    if (scheme.equals(Holdout.NAME)) return java.util.Optional.empty();
    ExperimentConfig.Split s = config.split();
    String fractions = String.format(java.util.Locale.ROOT, "train %s / validation %s / test %s", s.train() == null ? 0.7 : s.train(),
        s.validation() == null ? 0.2 : s.validation(), s.test() == null ? 0.1 : s.test());
    return java.util.Optional.of("the split section names " + scheme + "; quiver train scores one chronological holdout"
        + " (" + fractions + "), and the " + scheme + " folds apply to quiver backtest and quiver split"
        + " with this file");
  }

  public ExperimentRunner(ModelFamilies families, ThreadBudget budget, Cancellation cancel) {
    this(families, ExecutorOptions.of(budget), cancel, null);
  }

  /**
   * A runner scheduling jobs as {@code options} say (costs left {@link CostModel#FLAT} are
   * estimated from the families and the training shape) and, when {@code runDir} is not null,
   * saving and journaling every fitted model there (see the class comment).
   */
  public ExperimentRunner(ModelFamilies families, ExecutorOptions options, Cancellation cancel, Path runDir) {
    this.families = families;
    this.options = options;
    this.cancel = cancel;
    this.runDir = runDir;
  }

  /**
   * The experiment's job plan, in experiment order, without reading any data: one job per model
   * on the experiment's timeframe, symbols and holdout fold, each seed derived from the experiment
   * seed and the job's identity ({@link TrainJob#planned}).
   *
   * @throws BadInputException with every problem of the settings
   */
  public List<TrainJob> jobs(ExperimentConfig config) {
    return plan(config).jobs;
  }

  public ExperimentResult run(ExperimentConfig config, RunObserver observer) {
    return run(config, null, observer);
  }

  /**
   * As {@link #run(ExperimentConfig, RunObserver)} on {@code built}, the dataset {@link #dataset}
   * already built from this experiment (null: build it here), so a caller that goes on with the
   * same data (a backtest after training) loads, features and labels it once. A reused dataset is
   * reported as one stage instead of the three of building it.
   */
  public ExperimentResult run(ExperimentConfig config, Dataset built, RunObserver observer) {
    long start = System.nanoTime();
    Plan plan = plan(config);
    observer.planned(built == null ? STAGES : STAGES - 2, plan.jobs.size());
    Dataset data;
    if (built == null) {
      data = buildDataset(config, plan.data, plan.auxiliary, observer);
    } else {
      data = built;
      observer.stage(String.format(java.util.Locale.ROOT, "reused the dataset built before (%,d rows)", data.rows()));
    }
    Fold fold = new Holdout(config.split().train(), config.split().validation(), config.split().test(), config.split().minSamples()).fold(data);
    TrainSet train = data.trainSet(fold.trainFrom(), fold.trainTo());
    TrainSet valid = fold.validTo() > fold.validFrom() ? data.trainSet(fold.validFrom(), fold.validTo()) : null;
    TrainSet test = data.trainSet(fold.testFrom(), fold.testTo());
    observer.stage(String.format(java.util.Locale.ROOT, "dataset %,d rows x %d features; train %,d / validation %,d / test %,d",
        data.rows(), data.featureNames().size(), train.rows(), valid == null ? 0 : valid.rows(), test.rows()));

    FitInfo info = new FitInfo("", data.sha256(), fold.name());
    ExecutorOptions opts = options.costs() == CostModel.FLAT ? options.withCosts(new FamilyCosts(train.rows(), data.featureNames().size())) : options;
    Resumed resumed = resume(config, plan.jobs, observer);
    List<TrainJob> todo = plan.jobs.stream().filter(j -> !resumed.done.containsKey(j.name())).toList();
    RunJournal journal = runDir == null ? null : RunJournal.in(runDir);
    List<JobResult> fresh = new LocalExecutor(opts, cancel).run(todo, (job, ctx) -> {
      Params p = plan.params.get(job.name());
      long t0 = System.nanoTime();
      Trainer trainer = families.get(job.family()).trainer(p);
      if (config.preprocess() != null) trainer = new PreprocessingTrainer(PreprocessSpec.parse(config.preprocess()), trainer);
      Path checkpoints = runDir == null ? null : runDir.resolve(CHECKPOINTS).resolve(folderName(job));
      FittedModel m = trainer.fit(train, valid, ctx.withCheckpointDir(checkpoints), new FitInfo(job.variant(), info.dataSha256(), info.fold()));
      if (journal != null && !ctx.cancel().requested()) {
        keep(journal, job, m, (System.nanoTime() - t0) / 1e9);
        if (Files.exists(checkpoints)) deleteTree(checkpoints);
      }
      return m;
    }, observer);
    List<JobResult> results = new ArrayList<>();
    int k = 0;
    for (TrainJob j : plan.jobs) results.add(resumed.done.containsKey(j.name()) ? resumed.done.get(j.name()) : fresh.get(k++));

    List<double[]> predictions = new ArrayList<>();
    List<LeaderboardRow> rows = new ArrayList<>();
    for (JobResult r : results) {
      Predictions p = r.status() == JobResult.Status.OK ? r.model().predict(test.x()) : null;
      predictions.add(p == null ? null : p.values());
      rows.add(score(r, p, test, data.task()));
    }
    if (runDir != null) writePredictions(results, predictions, Arrays.copyOfRange(data.time(), fold.testFrom(), fold.testTo()));
    rows.sort(leaderboardOrder(data.task()));
    observer.stage("scored " + results.size() + " model" + (results.size() == 1 ? "" : "s") + " on the test segment");

    DatasetSummary summary = new DatasetSummary(config.data().path(), data.symbols(), plan.data.timeframe.label(),
        plan.data.higher.stream().map(Timeframe::label).toList(), plan.data.labeler.name(), data.task().name().toLowerCase(),
        data.rows(), data.featureNames(), segment(data, fold.trainFrom(), fold.trainTo()),
        segment(data, fold.validFrom(), fold.validTo()), segment(data, fold.testFrom(), fold.testTo()), data.sha256());
    return new ExperimentResult(config, summary, rows, results, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The experiment's dataset, built exactly as {@link #run} builds it: load and validate the
   * bars, keep the chosen symbols, resample, compute and join the features, label, and drop the
   * warm-up rows, with the auxiliary labels that the models' families on the class path ({@link
   * ModelFamilies#discover}) ask for; a model whose family is not on the class path is skipped here
   * (training it fails later, naming it). Reports three stages to {@code observer}.
   *
   * @throws BadInputException with every problem of the timeframes and label, or of the data
   */
  public static Dataset dataset(ExperimentConfig config, RunObserver observer) {
    ModelFamilies families = ModelFamilies.discover();
    List<ExperimentConfig.ModelSpec> known = new ArrayList<>();
    for (ExperimentConfig.ModelSpec m : config.models()) if (families.all().containsKey(m.family())) known.add(m);
    return dataset(config, observer, auxiliaryLabels(known, families));
  }

  /**
   * The experiment's dataset as {@link #run} builds it for its models: the bars loaded, validated,
   * resampled, featured and labelled, plus the auxiliary labels the models' families ask for
   * ({@link #auxiliaryLabels}), computed on the same rows with the main label's horizon.
   */
  public static Dataset dataset(ExperimentConfig config, RunObserver observer, ModelFamilies families) {
    return dataset(config, observer, auxiliaryLabels(config, families));
  }

  private static Dataset dataset(ExperimentConfig config, RunObserver observer, List<String> auxiliary) {
    List<Problem> problems = new ArrayList<>();
    DataPlan plan = dataPlan(config, problems);
    if (!problems.isEmpty()) throw new BadInputException(problems, "fix the experiment settings above");
    return buildDataset(config, plan, auxiliary, observer);
  }

  /** The auxiliary label specs ({@link ModelFamily#auxiliaryLabels}) of the experiment's models, each once, in model order. */
  public static List<String> auxiliaryLabels(ExperimentConfig config, ModelFamilies families) {
    return auxiliaryLabels(config.models(), families);
  }

  private static List<String> auxiliaryLabels(List<ExperimentConfig.ModelSpec> models, ModelFamilies families) {
    List<List<String>> asked = new ArrayList<>();
    for (ExperimentConfig.ModelSpec m : models) {
      Map<String, String> overrides = new LinkedHashMap<>();
      m.params().forEach((k, v) -> overrides.put(k, String.valueOf(v)));
      ModelFamily family = families.get(m.family());
      asked.add(family.auxiliaryLabels(family.params(m.variant(), overrides)));
    }
    return dev.quiver.labels.AuxiliaryLabels.union(asked);
  }

  private static Dataset buildDataset(ExperimentConfig config, DataPlan plan, List<String> auxiliary, RunObserver observer) {
    LoadedData loaded = MarketData.load(Path.of(config.data().path()), readOptions(config.data()));
    List<Bars> series = selectSymbols(loaded.series(), config.data().symbols(), config.data().path());
    long bars = series.stream().mapToLong(Bars::size).sum();
    observer.stage(String.format(java.util.Locale.ROOT, "loaded %,d bars of %d symbol%s (%s)", bars, series.size(),
        series.size() == 1 ? "" : "s", loaded.report().clean() ? "validated, clean" : loaded.report().problems().size() + " problems handled by policy " + loaded.report().policy()));

    List<Bars> base = new ArrayList<>();
    List<Map<Timeframe, Bars>> higher = new ArrayList<>();
    for (Bars s : series) {
      Bars b = toTimeframe(s, plan.timeframe, config.data().path());
      base.add(b);
      Map<Timeframe, Bars> h = new LinkedHashMap<>();
      for (Timeframe tf : plan.higher) h.put(tf, Resampler.resample(b, tf, ResampleOptions.defaults()).bars());
      higher.add(h);
    }
    observer.stage("resampled to " + plan.timeframe + (plan.higher.isEmpty() ? "" : " and " + plan.higher));

    List<String> extras = new ArrayList<>(base.get(0).extras().keySet());
    FeatureSet set = FeatureSet.parse(config.features(), extras);
    FeatureSet higherSet = FeatureSet.parse(config.higherFeatures() == null ? config.features() : config.higherFeatures(), extras);
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    Map<String, Labeler> auxLabelers = new LinkedHashMap<>();
    for (String spec : auxiliary) auxLabelers.put(spec, dev.quiver.labels.AuxiliaryLabels.resolve(spec, plan.labeler.horizon()));
    Map<String, List<Targets>> auxTargets = new LinkedHashMap<>();
    for (String spec : auxiliary) auxTargets.put(spec, new ArrayList<>());
    for (int k = 0; k < base.size(); k++) {
      Bars b = base.get(k);
      FeatureFrame f = set.compute(b);
      if (!plan.higher.isEmpty()) f = MultiTimeframe.join(b, f, higher.get(k), higherSet);
      Targets t = plan.labeler.label(b);
      int first = firstCompleteRow(f, set.lookback());
      frames.add(sliceFrame(f, first));
      targets.add(sliceTargets(t, first));
      for (Map.Entry<String, Labeler> a : auxLabelers.entrySet()) auxTargets.get(a.getKey()).add(sliceTargets(a.getValue().label(b), first));
    }
    observer.stage(frames.get(0).names().size() + " features computed, label " + plan.labeler.name()
        + (auxLabelers.isEmpty() ? "" : ", auxiliary " + String.join(", ", auxLabelers.values().stream().map(Labeler::name).toList())));

    return DatasetBuilder.build(frames, targets, 0, auxTargets);
  }

  /** Everything that can be checked before reading data, with every problem collected. */
  private Plan plan(ExperimentConfig config) {
    List<Problem> problems = new ArrayList<>();
    DataPlan data = dataPlan(config, problems);
    List<TrainJob> jobs = new ArrayList<>();
    Map<String, Params> params = new LinkedHashMap<>();
    for (ExperimentConfig.ModelSpec m : config.models()) {
      Map<String, String> overrides = new LinkedHashMap<>();
      m.params().forEach((k, v) -> overrides.put(k, String.valueOf(v)));
      try {
        ModelFamily family = families.get(m.family());
        if (data.labeler != null && !Labelers.classes(data.labeler).isEmpty() && !family.tasks().contains(Task.MULTICLASS)) {
          throw new BadInputException(Where.none(), "family '" + m.family() + "' does not support multiclass labels such as " + data.labeler.name(),
              "use a family that does: " + String.join(", ", supporting(Task.MULTICLASS)) + ", or a binary label such as direction");
        }
        params.put(m.name(), family.params(m.variant(), overrides));
        jobs.add(TrainJob.planned(m.name(), m.family(), m.variant(), overrides, slice(config), config.seed()));
      } catch (BadInputException e) {
        for (Problem p : e.problems()) {
          problems.add(new Problem(Where.cell("experiment", 0, "models." + m.name()), p.value(), p.rule(),
              "model '" + m.name() + "': " + p.message() + (e.fix().isEmpty() ? "" : " (" + e.fix() + ")")));
        }
      }
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "fix the experiment settings above");
    List<List<String>> asked = new ArrayList<>();
    for (ExperimentConfig.ModelSpec m : config.models()) asked.add(families.get(m.family()).auxiliaryLabels(params.get(m.name())));
    return new Plan(data, jobs, params, dev.quiver.labels.AuxiliaryLabels.union(asked));
  }

  /** The names of the families that fit {@code task}, sorted. */
  private List<String> supporting(Task task) {
    List<String> names = new ArrayList<>();
    for (ModelFamily f : families.all().values()) if (f.tasks().contains(task)) names.add(f.name());
    names.sort(null);
    return names;
  }

  private static Slice slice(ExperimentConfig config) {
    List<String> symbols = config.data().symbols();
    return new Slice(config.data().path(), config.timeframe(), symbols.isEmpty() ? Slice.ALL_SYMBOLS : String.join(",", symbols), Holdout.NAME);
  }

  /** Journaled jobs of the run directory whose model loads, by job name; writes the experiment when new. */
  private Resumed resume(ExperimentConfig config, List<TrainJob> jobs, RunObserver observer) {
    Map<String, JobResult> done = new LinkedHashMap<>();
    if (runDir == null) return new Resumed(done);
    try {
      Files.createDirectories(runDir);
      Path experiment = runDir.resolve(EXPERIMENT_FILE);
      if (!Files.exists(experiment)) {
        dev.quiver.data.AtomicFile.write(experiment, temp -> Files.write(temp, dev.quiver.model.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(config)));
      }
    } catch (IOException e) {
      throw new BadInputException(Where.file(runDir), "cannot use the run directory: " + e.getMessage(), "give a writable --run-dir");
    }
    Map<String, RunJournal.Entry> finished = RunJournal.in(runDir).finished();
    for (TrainJob j : jobs) {
      RunJournal.Entry e = finished.get(j.identity());
      if (e == null || e.seed() != j.seed() || !Files.isDirectory(runDir.resolve(e.model()))) continue;
      JobResult r = JobResult.ok(j, ModelStore.load(runDir.resolve(e.model()), families), e.fitSeconds());
      done.put(j.name(), r);
      observer.finished(r);
    }
    return new Resumed(done);
  }

  private record Resumed(Map<String, JobResult> done) {}

  /** Saves {@code m} under models/ (replacing a folder left by a crash before its journal line) and journals it. */
  private void keep(RunJournal journal, TrainJob job, FittedModel m, double fitSeconds) {
    String folder = "models/" + folderName(job);
    Path dir = runDir.resolve(folder);
    if (Files.exists(dir)) deleteTree(dir);
    ModelStore.save(m, job.family(), dir);
    journal.append(new RunJournal.Entry(job.identity(), job.name(), job.family(), job.seed(), fitSeconds, folder));
  }

  /** The job's folder name under models/ and checkpoints/: its name made file-safe, then its seed. */
  private static String folderName(TrainJob job) {
    return job.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Long.toHexString(job.seed());
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new dev.quiver.error.InternalException("cannot remove the unjournaled model folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private void writePredictions(List<JobResult> results, List<double[]> predictions, long[] time) {
    StringBuilder csv = new StringBuilder("time");
    for (JobResult r : results) if (r.status() == JobResult.Status.OK) csv.append(',').append(r.job().name());
    csv.append('\n');
    for (int i = 0; i < time.length; i++) {
      csv.append(Instant.ofEpochMilli(time[i]));
      for (double[] p : predictions) if (p != null) csv.append(',').append(p[i]);
      csv.append('\n');
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    dev.quiver.data.AtomicFile.write(runDir.resolve(PREDICTIONS_FILE), temp -> Files.write(temp, bytes));
  }

  /** The timeframes and the labeler, each problem added to {@code problems} (fields null where one was found). */
  private static DataPlan dataPlan(ExperimentConfig config, List<Problem> problems) {
    Timeframe tf = null;
    try {
      tf = Timeframe.parse(config.timeframe());
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
    List<Timeframe> higher = new ArrayList<>();
    for (String h : config.higherTimeframes()) {
      try {
        Timeframe t = Timeframe.parse(h);
        if (tf != null && t.millis() <= tf.millis()) {
          problems.add(new Problem(Where.cell("experiment", 0, "higher_timeframes"), h, "timeframe_not_higher",
              "higher timeframe " + h + " is not longer than the base timeframe " + tf));
        } else if (!higher.contains(t)) higher.add(t);
      } catch (BadInputException e) {
        problems.addAll(e.problems());
      }
    }
    Labeler labeler = null;
    try {
      labeler = Labelers.parse(config.label());
    } catch (BadInputException e) {
      problems.addAll(e.problems());
    }
    return new DataPlan(tf, higher, labeler);
  }

  private record DataPlan(Timeframe timeframe, List<Timeframe> higher, Labeler labeler) {}

  private record Plan(DataPlan data, List<TrainJob> jobs, Map<String, Params> params, List<String> auxiliary) {}

  public static ReadOptions readOptions(ExperimentConfig.Data d) {
    ReadOptions o = ReadOptions.defaults().withPolicy(Policy.parse(d.policy())).withZone(zone(d.zone()));
    if (d.columns() != null && !d.columns().isBlank()) o = o.withColumns(dev.quiver.data.ColumnMapping.parse(d.columns()));
    if (d.timestampFormat() != null && !d.timestampFormat().isBlank()) o = o.withTimestampFormat(parseTimestampFormat(d.timestampFormat()));
    return o;
  }

  /** A zone id, or a bad-input error saying what is valid. */
  public static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (java.time.DateTimeException e) {
      throw new BadInputException(Where.none(), "unknown time zone '" + text + "'", "use a region such as Asia/Shanghai or an offset such as +08:00");
    }
  }

  /** "iso", "epoch_s" (or "epoch_seconds"), "epoch_ms" (or "epoch_millis"). */
  public static TimestampFormat parseTimestampFormat(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "iso" -> TimestampFormat.ISO;
      case "epoch_s", "epoch_seconds", "s" -> TimestampFormat.EPOCH_SECONDS;
      case "epoch_ms", "epoch_millis", "ms" -> TimestampFormat.EPOCH_MILLIS;
      default -> throw BadInputException.unknown("timestamp format", text, List.of("iso", "epoch_s", "epoch_ms"));
    };
  }

  private static List<Bars> selectSymbols(List<Bars> series, List<String> wanted, String file) {
    if (series.isEmpty()) throw new BadInputException(Where.file(file), "no bars left after validation", "check the data or use --policy repair");
    if (wanted.isEmpty()) return series;
    List<Bars> out = new ArrayList<>();
    List<String> have = series.stream().map(Bars::symbol).toList();
    for (String w : wanted) {
      int i = have.indexOf(w);
      if (i < 0) throw BadInputException.unknown("symbol in " + file, w, have);
      out.add(series.get(i));
    }
    return out;
  }

  /** {@code s} at timeframe {@code tf}: itself, or resampled (complete buckets only) when finer; coarser fails. */
  public static Bars toTimeframe(Bars s, Timeframe tf, String file) {
    if (s.timeframe() == tf) return s;
    if (s.timeframe().millis() > tf.millis()) {
      throw new BadInputException(Where.file(file), s.symbol() + " has " + s.timeframe() + " bars, which cannot be made into finer " + tf + " bars",
          "use --timeframe " + s.timeframe() + " or coarser");
    }
    return Resampler.resample(s, tf, ResampleOptions.defaults()).bars();
  }

  /** The first row at or after the warm-up where every feature holds a value. */
  private static int firstCompleteRow(FeatureFrame f, int lookback) {
    outer:
    for (int i = Math.max(0, lookback); i < f.rows(); i++) {
      for (double[] c : f.columns()) if (Double.isNaN(c[i])) continue outer;
      return i;
    }
    return f.rows();
  }

  private static FeatureFrame sliceFrame(FeatureFrame f, int from) {
    List<double[]> cols = new ArrayList<>();
    for (double[] c : f.columns()) cols.add(Arrays.copyOfRange(c, from, c.length));
    return new FeatureFrame(f.symbol(), Arrays.copyOfRange(f.time(), from, f.rows()), f.names(), cols);
  }

  private static Targets sliceTargets(Targets t, int from) {
    int[] end = Arrays.copyOfRange(t.end(), from, t.size());
    for (int i = 0; i < end.length; i++) if (end[i] >= 0) end[i] -= from;
    return new Targets(t.name(), t.task(), Arrays.copyOfRange(t.y(), from, t.size()), end,
        Arrays.copyOfRange(t.forwardReturn(), from, t.size()), t.classes());
  }

  private static LeaderboardRow score(JobResult r, Predictions p, TrainSet test, Task task) {
    TrainJob j = r.job();
    if (r.status() != JobResult.Status.OK) {
      return new LeaderboardRow(j.name(), j.family(), j.variant(), r.status().name().toLowerCase(), Map.of(), r.fitSeconds(), test.rows(), r.error());
    }
    Map<String, Double> m = metrics(task, test.y(), p, test.forwardReturn());
    if (r.model() instanceof CascadeModel cascade) {
      m = new java.util.LinkedHashMap<>(m);
      m.put(EXPENSIVE_SHARE, cascade.run(test.x()).expensiveShare());
    }
    return new LeaderboardRow(j.name(), j.family(), j.variant(), "ok", m, r.fitSeconds(), test.rows(), "");
  }

  /**
   * The leaderboard metrics of predictions {@code p} for targets {@code y}, with the targets read
   * as the realised returns for a regression task's auc and ic (true of the {@code return:H}
   * label; see {@link #metrics(Task, float[], double[], double[])}).
   */
  public static Map<String, Double> metrics(Task task, float[] y, double[] p) {
    return metrics(task, y, p, null);
  }

  /**
   * The leaderboard metrics of predictions {@code p} for targets {@code y}: auc, accuracy,
   * precision, recall, f1 (threshold 0.5), log_loss and brier (mean squared error of the
   * probability) for {@link Task#BINARY}; rmse, mae, r2, directional_accuracy, then auc and ic
   * otherwise. In that order. A regression model's auc is its forecast scored against the sign of
   * the realised return (a zero return counts as not up) and its ic the Spearman rank correlation
   * of forecast and realised return ({@link ForecastRanking}), so every family is comparable with a
   * classifier on one table.
   *
   * @param realised each row's realised label return ({@link TrainSet#forwardReturn()}); null to
   *     read the targets {@code y} as the returns
   */
  public static Map<String, Double> metrics(Task task, float[] y, double[] p, double[] realised) {
    if (task == Task.MULTICLASS) throw new IllegalArgumentException("multiclass metrics need the class probabilities: use multiclassMetrics");
    Map<String, Double> m = new LinkedHashMap<>();
    if (task == Task.BINARY) {
      ClassificationMetrics c = ClassificationMetrics.of(y, p, 0.5);
      m.put("auc", c.auc());
      m.put("accuracy", c.accuracy());
      m.put("precision", c.precision());
      m.put("recall", c.recall());
      m.put("f1", c.f1());
      m.put("log_loss", c.logLoss());
      m.put("brier", c.brier());
    } else {
      RegressionMetrics c = RegressionMetrics.of(y, p);
      m.put("rmse", c.rmse());
      m.put("mae", c.mae());
      m.put("r2", c.r2());
      m.put("directional_accuracy", c.directionalAccuracy());
      double[] returns = realised;
      if (returns == null) {
        returns = new double[y.length];
        for (int i = 0; i < y.length; i++) returns[i] = y[i];
      }
      ForecastRanking r = ForecastRanking.of(p, returns);
      m.put("auc", r.auc());
      m.put("ic", r.ic());
    }
    return m;
  }

  /**
   * The leaderboard metrics of any task's predictions: {@link #multiclassMetrics} for a multiclass
   * task (with {@code realised} for its ic), else {@link #metrics(Task, float[], double[], double[])}
   * on the values.
   */
  public static Map<String, Double> metrics(Task task, float[] y, Predictions p, double[] realised) {
    return task == Task.MULTICLASS ? multiclassMetrics(y, p, realised) : metrics(task, y, p.values(), realised);
  }

  /**
   * The leaderboard metrics of multiclass predictions {@code p} for class ids {@code y}, in this
   * order: accuracy, macro_f1, log_loss (multi-class), auc (macro one-vs-rest; see {@link
   * MulticlassMetrics}), then ic, the Spearman rank correlation of the trading score ({@link
   * Predictions#values()}, P(last class) - P(first class)) with the realised label return (NaN
   * when {@code realised} is null).
   *
   * @throws IllegalArgumentException when {@code p} carries no class probabilities
   */
  public static Map<String, Double> multiclassMetrics(float[] y, Predictions p, double[] realised) {
    if (p.probabilities() == null) throw new IllegalArgumentException("multiclass metrics need class probabilities, got " + p.task() + " predictions");
    MulticlassMetrics c = MulticlassMetrics.of(y, p.probabilities(), p.classes());
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", c.accuracy());
    m.put("macro_f1", c.macroF1());
    m.put("log_loss", c.logLoss());
    m.put("auc", c.macroAuc());
    m.put("ic", realised == null ? Double.NaN : ForecastRanking.of(p.values(), realised).ic());
    return m;
  }

  private static Comparator<LeaderboardRow> leaderboardOrder(Task task) {
    Comparator<LeaderboardRow> okFirst = Comparator.comparing(r -> !r.status().equals("ok"));
    Comparator<LeaderboardRow> byScore = task != Task.REGRESSION
        ? Comparator.comparingDouble((LeaderboardRow r) -> -nanLast(r.metric("auc")))
        : Comparator.comparingDouble((LeaderboardRow r) -> nanLastAsc(r.metric("rmse")));
    return okFirst.thenComparing(byScore).thenComparing(LeaderboardRow::model);
  }

  private static double nanLast(double x) {
    return Double.isNaN(x) ? Double.NEGATIVE_INFINITY : x;
  }

  private static double nanLastAsc(double x) {
    return Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
  }

  private static DatasetSummary.Segment segment(Dataset d, int from, int to) {
    if (to <= from) return new DatasetSummary.Segment(0, null, null);
    return new DatasetSummary.Segment(to - from, Instant.ofEpochMilli(d.time()[from]), Instant.ofEpochMilli(d.time()[to - 1]));
  }
}
