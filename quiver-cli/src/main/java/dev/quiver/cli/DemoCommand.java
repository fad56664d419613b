package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.Backtest;
import dev.quiver.experiment.BacktestResult;
import dev.quiver.experiment.BacktestSettings;
import dev.quiver.experiment.ExperimentBacktest;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.split.WalkForward;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver demo}: the whole pipeline on the bundled real futures bars. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the whole pipeline on bundled real data: 144,000 one-minute bars of three CFFEX index futures",
        "(data/cn_index_futures_1m.csv.gz). Validates, resamples to 5m/15m/1h, computes causal features on every",
        "timeframe, joins the higher ones as-of their last closed bar, labels next-bar direction, splits 0.7/0.2/0.1 in time,",
        "trains LightGBM and logistic regression side by side and prints a leaderboard scored on the test segment,",
        "then a 3-fold walk-forward backtest with trading metrics and a grade per model (text output; --no-backtest skips it).",
        "Both models are registered in a model registry (by default models/ under a fresh runs/<timestamp> folder) and the demo",
        "ends with quiver models list."})
public final class DemoCommand implements Callable<Integer> {

  /** The features of the demo: the reference seed12 set and a few standard indicators. */
  static final String FEATURES = "seed12,rsi_14,atr_14,bb_pctb_20,ret_5,ret_std_20,zscore_20,volume_zscore_20,minute_of_day";

  @Option(names = "--input", paramLabel = "FILE", description = "Use this file instead of the bundled futures bars.")
  Path input;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--registry", paramLabel = "DIR",
      description = "Register the trained models in this model registry (created when missing; default: RUN_DIR/models).")
  Path registry;

  @Option(names = "--run-dir", paramLabel = "DIR", description = "The demo's run folder, holding its registry (default: a fresh runs/<timestamp>).")
  Path runDir;

  @Option(names = "--no-backtest", description = "Skip the walk-forward backtest after the leaderboard.")
  boolean noBacktest;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "Run a ready-made multi-model run on the demo data instead: analyst-tactician (random_forest analysts on 1h, 15m, 5m"
          + " and 1m, a gradient_boosting tactician on 1m fed their out-of-fold predictions; the same as quiver train --preset"
          + " analyst-tactician --data FILE).")
  String preset;

  static final int BACKTEST_FOLDS = 3;
  static final int BACKTEST_TREES = 50;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path data = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
    if (preset != null) return runPreset(data);
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("demo", seed, null,
        new ExperimentConfig.Data(data.toString(), null, null, null, "fail", List.of()),
        "1m", List.of("5m", "15m", "1h"), FEATURES, "seed12,rsi_14,atr_14", "direction", null,
        List.of(new ExperimentConfig.ModelSpec("lightgbm", null, null, Map.of()),
            new ExperimentConfig.ModelSpec("logistic", null, null, Map.of())),
        ExperimentConfig.Registry.of(registryDir().toString())));
    long t0 = System.nanoTime();
    Dataset dataset;
    try (ProgressObserver progress = new ProgressObserver("dataset", format == OutputFormat.JSON)) {
      progress.planned(3, 0);
      dataset = ExperimentRunner.dataset(c, progress);
    }
    double datasetSeconds = (System.nanoTime() - t0) / 1e9;
    if (format == OutputFormat.TEXT) {
      spec.commandLine().getOut().printf(java.util.Locale.ROOT, "dataset built once in %.1f s, for the train and backtest steps%n%n", datasetSeconds);
      spec.commandLine().getOut().flush();
    }
    int exit = TrainCommand.run(c, dataset, format, spec, versions -> {});
    if (format == OutputFormat.JSON) return exit;
    if (exit == 0 && !noBacktest) backtest(c, dataset, datasetSeconds);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%n$ quiver models list --registry %s%n", registryDir());
    try (ModelRegistry r = ModelRegistry.open(registryDir())) {
      ModelsListCommand.print(r.list(null, null, false), OutputFormat.TEXT, out);
    }
    out.printf("%nNext: quiver demo --preset analyst-tactician (the multi-timeframe analyst/tactician run), quiver backtest --help, quiver tune --help%n");
    out.flush();
    return exit;
  }

  /** {@code quiver train --preset NAME --data FILE} with the demo's seed, run folder and format, on this command's streams. */
  private int runPreset(Path data) {
    List<String> args = new java.util.ArrayList<>(List.of("train", "--preset", preset, "--data", data.toString(), "--seed", Long.toString(seed),
        "--format", format.name().toLowerCase(java.util.Locale.ROOT)));
    if (runDir != null) args.addAll(List.of("--run-dir", runDir.toString()));
    if (format == OutputFormat.TEXT) {
      spec.commandLine().getOut().printf("$ quiver %s%n", String.join(" ", args));
      spec.commandLine().getOut().flush();
    }
    picocli.CommandLine train = QuiverCommand.commandLine();
    train.setOut(spec.commandLine().getOut());
    train.setErr(spec.commandLine().getErr());
    return train.execute(args.toArray(String[]::new));
  }

  /** {@code --registry}, else {@code models/} in the run folder (chosen once per demo). */
  private Path registryDir() {
    if (registry == null) registry = (runDir != null ? runDir : RunDirectory.fresh(Path.of("runs"))).resolve("models");
    return registry;
  }

  /**
   * A short walk-forward backtest of the dataset the train step used (built once, {@code datasetSeconds}
   * to build, not built again): 3 rolling folds, LightGBM at
   * {@value #BACKTEST_TREES} trees and logistic regression, trading metrics with 1 bp costs and a grade.
   */
  private int backtest(ExperimentConfig trained, Dataset data, double datasetSeconds) {
    PrintWriter out = spec.commandLine().getOut();
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig(trained.name(), trained.seed(), trained.threads(), trained.data(),
        trained.timeframe(), trained.higherTimeframes(), trained.features(), trained.higherFeatures(), trained.label(), null,
        List.of(new ExperimentConfig.ModelSpec("lightgbm", null, null, Map.of("num_iterations", BACKTEST_TREES)),
            new ExperimentConfig.ModelSpec("logistic", null, null, Map.of())), null));
    out.printf("%n$ quiver backtest --split walk-forward --folds %d --set lightgbm.num_iterations=%d  (same data, features and label)%n"
        + "(kept short for the demo: %d folds and LightGBM at %d trees instead of its default 300; run quiver backtest for the full one)%n",
        BACKTEST_FOLDS, BACKTEST_TREES, BACKTEST_FOLDS, BACKTEST_TREES);
    out.printf(java.util.Locale.ROOT, "(reusing the dataset the train step built: no second load, feature or label pass, %.1f s saved)%n",
        datasetSeconds);
    out.flush();
    long t0 = System.nanoTime();
    int test = data.rows() / (BACKTEST_FOLDS + 1);
    BacktestSettings settings = BacktestSettings.of(new WalkForward(data.rows() - BACKTEST_FOLDS * test, test, test, false));
    BacktestResult result;
    try (ProgressObserver progress = new ProgressObserver("backtest", false)) {
      result = new Backtest(ModelFamilies.discover(), ThreadBudget.machine(), Cancellation.none())
          .run(data, ExperimentBacktest.nextReturns(c, data), ExperimentBacktest.models(c), settings, progress);
    }
    BacktestPrinter.print(c, data, result, null, OutputFormat.TEXT, out);
    out.printf(java.util.Locale.ROOT, "backtest step %.1f s, dataset built once in %.1f s for both steps%n", (System.nanoTime() - t0) / 1e9,
        datasetSeconds);
    return 0;
  }
}
