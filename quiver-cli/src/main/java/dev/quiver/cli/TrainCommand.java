package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.AnalystTactician;
import dev.quiver.experiment.ExperimentResult;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.registry.ExperimentRegistration;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver train}: run an experiment from YAML or from flags and print its leaderboard. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train models on market data and print a leaderboard scored on the chronological test segment.",
        "Either --config experiment.yaml (see README.md) or --data FILE with the flags below, or --resume DIR."},
    footer = {"", "Exit codes: 0 every model fitted, 4 some failed (see the leaderboard), 1 none fitted or --fail-fast stopped,",
        "2 bad input, 130 stopped by Ctrl-C (finished models are kept in the run directory)."})
public final class TrainCommand implements Callable<Integer> {

  @Mixin
  ExperimentFlags experiment;

  @Option(names = "--device", paramLabel = "cpu|gpu",
      description = "Device of the deep families (mlp, lstm, cnn1d, cnn_lstm, transformer): cpu (default) or gpu, which uses CUDA when PYTORCH_LIBRARY_PATH names a CUDA libtorch and otherwise warns and trains on CPU.")
  String device;

  @Option(names = "--jobs", paramLabel = "N",
      description = "Models trained at once; each gets threads/N threads, whatever the plan's size (default: one per thread of the budget).")
  Integer jobs;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationText.class,
      description = "Wall-clock limit per model, e.g. 90s, 10m, 1h; a model past it is FAILED and the others go on (default: none).")
  java.time.Duration timeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
      description = "Extra attempts for a model whose failure may be transient (not bad input or a timeout), after 1 s, 2 s, 4 s... (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--fail-fast", description = "Stop at the first failed model (exit 1) instead of finishing the others (exit 4).")
  boolean failFast;

  @Option(names = "--memory", paramLabel = "SIZE", converter = ByteSize.class,
      description = "Native memory the running models may take together, e.g. 6g or 512m; a model estimated above it is refused (default: physical memory less the heap).")
  Long memory;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "A ready-made multi-model run on --data: analyst-tactician (random_forest analysts on 1h, 15m, 5m and 1m; a gradient_boosting tactician on 1m fed their out-of-fold predictions). Takes --symbols (first symbol), --seed, --threads, --jobs, --set random_forest.K=V / gradient_boosting.K=V, --cv-splits, --run-dir.")
  String preset;

  @Option(names = "--cv-splits", paramLabel = "N", defaultValue = "5",
      description = "Time-series CV folds within the training segment for --preset (default: ${DEFAULT-VALUE}).")
  int cvSplits;

  @Option(names = "--dry-run", description = "Print the job plan (in start order, with seeds and threads) and exit without training.")
  boolean dryRun;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "Save, journal and resume the run here: every fitted model, the journal, the experiment and the test predictions (default: a fresh runs/<timestamp>).")
  Path runDir;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continue the run in DIR: its experiment is read from there and journaled models are loaded instead of trained again.")
  Path resume;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--registry", paramLabel = "DIR",
      description = "Register every trained model in this model registry (created when missing) and print NAME@VERSION; overrides the experiment's registry.")
  Path registry;

  @Option(names = "--preprocess", paramLabel = "SPEC",
      description = "Preprocessing fitted on each model's training rows and saved inside its artifact, e.g. impute=median,scale=robust,clip=0.01,select=top:8 (overrides the experiment's preprocess).")
  String preprocess;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (preset != null) return runPreset();
    ExperimentConfig c;
    Path dir = runDir;
    if (resume != null) {
      if (experiment.config != null || experiment.data != null) throw new BadInputException(Where.none(), "--resume with --config or --data", "a resumed run reads its experiment from its run directory; drop --config and --data");
      c = RunDirectory.experiment(resume);
      if (experiment.threads != null) c = withThreads(c, experiment.threads);
      dir = resume;
    } else {
      if (experiment.config == null && experiment.data == null) {
        throw new BadInputException(Where.none(), "nothing to train on", "give --config experiment.yaml or --data FILE (try: quiver demo)");
      }
      c = experiment.experiment("train", registry);
      if (device != null) c = withModels(c, DeviceFlag.apply(device, c.models(), ModelFamilies.discover(), spec.commandLine().getErr()));
    }
    if (preprocess != null) c = ExperimentConfigs.withDefaults(c.withPreprocess(preprocess));
    ExecutorOptions options = executorOptions(c);
    if (dryRun) {
      PlanPrinter.print(c, new ExperimentRunner(ModelFamilies.discover(), options, Cancellation.none(), null).jobs(c), options, format,
          spec.commandLine().getOut());
      return 0;
    }
    if (dir == null) dir = RunDirectory.fresh(Path.of("runs"));
    return run(c, format, spec, options, dir, versions -> {});
  }

  private int runPreset() {
    if (!preset.equals("analyst-tactician")) throw BadInputException.unknown("preset", preset, List.of("analyst-tactician"));
    ExperimentFlags f = experiment;
    if (f.data == null) throw new BadInputException(Where.none(), "--preset needs --data FILE", "e.g. quiver train --preset analyst-tactician --data data/cn_index_futures_1m.csv.gz");
    if (f.config != null || resume != null || dryRun) throw new BadInputException(Where.none(), "--preset runs on --data alone", "drop --config, --resume and --dry-run");
    Map<String, Map<String, String>> overrides = PresetOverrides.parse(f.sets, List.of(AnalystTactician.ANALYST_FAMILY, AnalystTactician.TACTICIAN_FAMILY));
    ExecutorOptions options = executorOptions(f.threads);
    Path dir = runDir != null ? runDir : RunDirectory.fresh(Path.of("runs"));
    AnalystTactician.Options o = new AnalystTactician.Options(f.data.toString(), f.symbols == null || f.symbols.isEmpty() ? null : f.symbols.get(0),
        f.seed == null ? 42 : f.seed, options, overrides.get(AnalystTactician.ANALYST_FAMILY), overrides.get(AnalystTactician.TACTICIAN_FAMILY),
        cvSplits, 0.8, dir.resolve("models"));
    if (cvSplits < 2) throw new BadInputException(Where.none(), "--cv-splits " + cvSplits + " is below 2", "use 2 or more folds");
    AnalystTactician.Result result;
    try (ProgressObserver progress = new ProgressObserver("analyst-tactician", format == OutputFormat.JSON)) {
      result = new AnalystTactician(ModelFamilies.discover()).run(o, progress);
    }
    PresetPrinter.print(result, format, spec.commandLine().getOut());
    long ok = result.models().stream().filter(m -> m.status().equals("ok")).count();
    return ok == result.models().size() ? 0 : ok == 0 ? 1 : 4;
  }

  private ExecutorOptions executorOptions(ExperimentConfig c) {
    return executorOptions(c.threads());
  }

  private ExecutorOptions executorOptions(Integer threadBudget) {
    ThreadBudget budget = threadBudget == null ? ThreadBudget.machine() : new ThreadBudget(threadBudget);
    ExecutorOptions o = ExecutorOptions.of(budget).withRetries(retries, java.time.Duration.ofSeconds(1)).withFailFast(failFast);
    if (retries < 0) throw new BadInputException(Where.none(), "--retries " + retries + " is negative", "use 0 or more");
    if (jobs != null) {
      if (jobs < 1 || jobs > budget.cores()) {
        throw new BadInputException(Where.none(), "--jobs " + jobs + " does not fit a budget of " + budget.cores() + " threads",
            "use --jobs 1.." + budget.cores() + " or raise --threads");
      }
      o = o.withJobs(jobs);
    }
    if (timeout != null) o = o.withTimeout(timeout);
    if (memory != null) o = o.withNativeMemory(memory);
    return o;
  }

  private static ExperimentConfig withThreads(ExperimentConfig c, int threads) {
    return new ExperimentConfig(c.name(), c.seed(), threads, c.data(), c.timeframe(), c.higherTimeframes(), c.features(),
        c.higherFeatures(), c.label(), c.split(), c.models(), c.registry(), c.preprocess());
  }

  private static ExperimentConfig withModels(ExperimentConfig c, List<ExperimentConfig.ModelSpec> models) {
    return new ExperimentConfig(c.name(), c.seed(), c.threads(), c.data(), c.timeframe(), c.higherTimeframes(), c.features(),
        c.higherFeatures(), c.label(), c.split(), models, c.registry(), c.preprocess());
  }

  /**
   * Runs {@code c} with a progress display on stderr and prints the leaderboard; when the
   * experiment names a registry, registers every fitted model and prints {@code registered
   * NAME@VERSION (folder)} lines (on stderr with JSON output, so stdout stays one JSON document).
   */
  static int run(ExperimentConfig c, OutputFormat format, CommandSpec spec) {
    return run(c, format, spec, versions -> {});
  }

  /** As {@link #run(ExperimentConfig, OutputFormat, CommandSpec)}, then hands the registered versions to {@code after}. */
  static int run(ExperimentConfig c, OutputFormat format, CommandSpec spec, java.util.function.Consumer<List<ModelVersion>> after) {
    return run(c, null, format, spec, after);
  }

  /** As {@link #run(ExperimentConfig, OutputFormat, CommandSpec, java.util.function.Consumer)} on {@code data}, built from {@code c} before (null: build it). */
  static int run(ExperimentConfig c, Dataset data, OutputFormat format, CommandSpec spec, java.util.function.Consumer<List<ModelVersion>> after) {
    ThreadBudget budget = c.threads() == null ? ThreadBudget.machine() : new ThreadBudget(c.threads());
    return run(c, data, format, spec, ExecutorOptions.of(budget), null, after);
  }

  /**
   * Runs {@code c} as {@code options} say, saving and journaling into {@code runDir} when it is
   * not null. Exit code: 0 when every model was fitted, 4 when some failed and some were fitted,
   * 1 when none was, 130 when the run was stopped (Ctrl-C), after printing what finished.
   */
  static int run(ExperimentConfig c, OutputFormat format, CommandSpec spec, ExecutorOptions options, Path runDir,
      java.util.function.Consumer<List<ModelVersion>> after) {
    return run(c, null, format, spec, options, runDir, after);
  }

  private static int run(ExperimentConfig c, Dataset data, OutputFormat format, CommandSpec spec, ExecutorOptions options, Path runDir,
      java.util.function.Consumer<List<ModelVersion>> after) {
    Cancellation cancel = Cancellation.none();
    ExperimentRunner runner = new ExperimentRunner(ModelFamilies.discover(), options, cancel, runDir);
    java.io.PrintWriter err = spec.commandLine().getErr();
    if (runDir != null) {
      err.println("run directory: " + runDir + " (resume with: quiver train --resume " + runDir + ")");
      err.flush();
    }
    ExperimentRunner.splitNote(c).ifPresent(note -> {
      err.println("note: " + note);
      err.flush();
    });
    ExperimentResult result;
    try (StopOnInterrupt stop = new StopOnInterrupt(cancel); ProgressObserver progress = new ProgressObserver(c.name(), format == OutputFormat.JSON)) {
      result = runner.run(c, data, progress);
      LeaderboardPrinter.print(result, format, spec.commandLine().getOut());
      stop.finished();
    }
    if (c.registry() != null) {
      List<ModelVersion> versions;
      try (ModelRegistry registry = ModelRegistry.create(Path.of(c.registry().path()))) {
        versions = ExperimentRegistration.register(registry, result);
      }
      java.io.PrintWriter out = format == OutputFormat.JSON ? spec.commandLine().getErr() : spec.commandLine().getOut();
      if (format != OutputFormat.JSON && !versions.isEmpty()) out.println();
      for (ModelVersion v : versions) out.printf("registered %s (%s)%n", v.id(), v.directory());
      out.flush();
      after.accept(versions);
    }
    long ok = result.leaderboard().stream().filter(r -> r.status().equals("ok")).count();
    if (cancel.requested()) return 130;
    if (ok == result.leaderboard().size()) return 0;
    if (ok == 0 || options.failFast()) return 1;
    return 4;
  }
}
