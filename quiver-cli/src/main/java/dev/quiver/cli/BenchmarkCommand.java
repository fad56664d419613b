package dev.quiver.cli;

import dev.quiver.data.Bars;
import dev.quiver.data.IngestBenchmark;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.MetricsBenchmark;
import dev.quiver.features.FeatureSet;
import dev.quiver.features.FeaturesBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver benchmark NAME}: the speed targets, measured in this JVM after warm-up. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = {"Measure a speed target after JIT warm-up and print median and minimum wall time per run.",
        "  ingest    read a CSV.gz of bars into columnar Bars (default input: the bundled 144,000 futures bars)",
        "  features  compute the seed12 set on every symbol of the input (data already loaded)",
        "  metrics   every return metric of 1,000,000 seeded normal returns (java.util.Random(42), mean 0.0002, std 0.01)",
        "  fit-lightgbm, fit-xgboost, fit-random-forest, fit-gradient-boosting, fit-catboost",
        "            fit 100 trees on the seed12 features and next-bar direction of the input, chronological 80/20,",
        "            --threads native threads (default 2); prints fit time and test AUC",
        "  registry-list      quiver models list --format json over 10,000 registered versions (open, query, render)",
        "  registry-register  register a 100-tree LightGBM model (files, model.json, checksums, rename, index commit; no fsync unless --fsync)",
        "  registry-load      load a registered 100-tree LightGBM model, verifying every checksum, and make its first prediction",
        "  lstm      train an LSTM (2 x 64, lookback 60, batch 256) on 100,000 windows of the input's seed12 features,",
        "            --runs epochs after --warmups (default 3 after 1), --threads libtorch threads; epoch time and RSS per epoch",
        "  mlp-inference  one-row predict of a small trained mlp (default 10,000 calls after 2,000)",
        "  gan       train the return-path gan (windows of 32 log returns of the first symbol's closes, --runs epochs, default 10)",
        "            and print the realism of 5,000 generated paths: KS statistic, moments, autocorrelation of returns and |returns|",
        "  predict-row  single-row prediction latency (p50/p99 in microseconds) of 100-tree lightgbm and xgboost models",
        "  tpe         TPE sampler time per trial over a 1,000-trial study (4 dimensions; median_ms/min_ms per trial, last_100_mean_ms),",
        "            independent TPE at the top level, multivariate TPE under \"multivariate\"",
        "  tune-pruning  one 20-trial random LightGBM study (100 rounds a trial, holdout AUC) with no pruner, median and halving:",
        "            time, boosting rounds evaluated, work saved and the best AUC lost per pruner (--threads, default 2; --runs, default 1)",
        "  arima-auto  automatic ARIMA order (KPSS d, stepwise p, q <= 3 by AIC) on the first 5,000 closes of the input's first symbol",
        "  parallel           5 models (random forest, gradient boosting, lightgbm, logistic, xgboost) one after another, then side by side",
        "                     within --threads (default 2); prints the wall-time ratio",
        "  analyst-tactician  the whole analyst/tactician preset end to end on one symbol (--symbol, default the file's first) within --threads",
        "  backtest  walk-forward backtest of 100-tree LightGBM over the input's seed12 dataset in 20 folds (--threads, default 2);",
        "            prints the share of the time outside model fitting (target < 5%%)",
        "Compare with the Python peer on the same machine: see README.md, section Benchmarks."})
public final class BenchmarkCommand implements Callable<Integer> {

  static final List<String> NAMES = List.of("ingest", "features", "metrics", "fit-lightgbm", "fit-xgboost", "fit-random-forest",
      "fit-gradient-boosting", "registry-list", "registry-register", "registry-load", "predict-row", "fit-catboost", "arima-auto", "tpe", "tune-pruning",
      "parallel", "analyst-tactician", "backtest", "lstm", "mlp-inference", "gan");

  @Parameters(index = "0", paramLabel = "NAME", description = "One of: ${COMPLETION-CANDIDATES}; see the list above.", completionCandidates = Names.class)
  String name;

  @Option(names = "--input", paramLabel = "FILE", description = "Input file (default: data/cn_index_futures_1m.csv.gz).")
  Path input;

  @Option(names = "--runs", paramLabel = "N", description = "Measured runs (default: 30 for ingest, 200 for features, 100 for metrics, 3 for fits).")
  Integer runs;

  @Option(names = "--warmups", paramLabel = "N", description = "Unmeasured warm-up runs, so the JIT has compiled the hot loops (default: 20 for ingest, 300 for features, 200 for metrics, 1 for fits).")
  Integer warmups;

  @Option(names = "--set", paramLabel = "SPEC", defaultValue = "seed12", description = "Feature spec for the features benchmark (default: ${DEFAULT-VALUE}).")
  String set;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Native threads of a fit benchmark (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--variant", paramLabel = "VARIANT", defaultValue = "balanced", description = "Variant of a fit benchmark's family (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Parameter override of a fit benchmark's family (repeatable), e.g. --param max_depth=8.")
  Map<String, String> params;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--registry", paramLabel = "DIR",
      description = "Registry for the registry benchmarks (default: a temporary one, deleted after); registry-list fills it to 10,000 versions once and reuses it.")
  Path registry;

  @Option(names = "--fsync", description = "registry-register: sync every file and folder to disk (the target excludes fsync).")
  boolean fsync;

  @Option(names = "--symbol", paramLabel = "SYMBOL", description = "analyst-tactician: the symbol (default: the file's first).")
  String symbol;

  @Spec
  CommandSpec spec;

  /** The benchmark names, for help. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }

  @Override
  public Integer call() {
    if (!NAMES.contains(name)) throw BadInputException.unknown("benchmark", name, NAMES);
    if (name.startsWith("fit-")) return fit();
    if (name.equals("gan")) return DeepBenchmarks.gan(input != null ? input : BundledData.file(BundledData.FUTURES_1M), runs, threads, format, spec.commandLine().getOut());
    if (name.equals("lstm") || name.equals("mlp-inference")) {
      return DeepBenchmarks.run(name, input != null ? input : BundledData.file(BundledData.FUTURES_1M), runs, warmups, threads, params, format,
          spec.commandLine().getOut());
    }
    if (name.equals("predict-row")) return predictRow();
    if (name.equals("arima-auto")) return arimaAuto();
    if (name.equals("tpe")) return tpe();
    if (name.equals("tune-pruning")) return tunePruning();
    if (name.equals("parallel")) return ExecBenchmarks.parallel(input != null ? input : BundledData.file(BundledData.FUTURES_1M), threads, format, spec.commandLine().getOut());
    if (name.equals("analyst-tactician")) {
      return ExecBenchmarks.analystTactician(input != null ? input : BundledData.file(BundledData.FUTURES_1M), symbol, threads, format, spec.commandLine().getOut());
    }
    if (name.equals("backtest")) return backtest();
    if (name.startsWith("registry-")) {
      Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
      RegistryBenchmarks.Result r = new RegistryBenchmarks(file, registry, fsync, spec.commandLine().getErr()).run(name, runs, warmups);
      return report(r.nanos(), r.runs(), r.warmups(), r.count(), r.unit(), r.where(), r.extra());
    }
    boolean ingest = name.equals("ingest");
    boolean metrics = name.equals("metrics");
    int runs = this.runs != null ? this.runs : ingest ? 30 : metrics ? 100 : 200;
    int warmups = this.warmups != null ? this.warmups : ingest ? 20 : metrics ? 200 : 300;
    if (runs < 1 || warmups < 0) throw new BadInputException("--runs must be >= 1 and --warmups >= 0");
    long[] nanos;
    long rows;
    Map<String, Object> extra = new LinkedHashMap<>();
    String source;
    if (metrics) {
      double[] returns = MetricsBenchmark.seededReturns(MetricsBenchmark.DEFAULT_SIZE, MetricsBenchmark.DEFAULT_SEED);
      nanos = MetricsBenchmark.run(returns, 252, warmups, runs);
      rows = returns.length;
      source = "generated (seed " + MetricsBenchmark.DEFAULT_SEED + ")";
    } else if (ingest) {
      Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
      source = file.toString();
      nanos = IngestBenchmark.run(file, warmups, runs);
      rows = MarketData.load(file, ReadOptions.defaults()).report().rowsKept();
    } else {
      Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
      source = file.toString();
      List<Bars> series = MarketData.load(file, ReadOptions.defaults()).series();
      FeatureSet features = FeatureSet.parse(set, series.get(0).extras().keySet());
      nanos = FeaturesBenchmark.run(series, features, warmups, runs);
      rows = series.stream().mapToLong(Bars::size).sum();
      extra.put("features", features.names());
    }
    return report(nanos, runs, warmups, rows, "rows", source, extra);
  }

  private int report(long[] nanos, int runs, int warmups, long rows, String unit, String where, Map<String, Object> extra) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double median = (sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0) / 1e6;
    double min = sorted[0] / 1e6;
    double max = sorted[sorted.length - 1] / 1e6;
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("runs", runs);
      m.put("warmups", warmups);
      m.put("median_ms", median);
      m.put("min_ms", min);
      m.put("max_ms", max);
      m.put("input", where);
      m.put(unit, rows);
      m.putAll(extra);
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "%s: %,d %s from %s%n", name, rows, unit, Path.of(where).getFileName());
      out.printf(Locale.ROOT, "median %.3f ms, min %.3f ms, max %.3f ms over %d runs (after %d warm-up runs)%n", median, min, max, runs, warmups);
      if (unit.equals("rows")) out.printf(Locale.ROOT, "throughput %.1f million rows/s (median)%n", rows / (median / 1e3) / 1e6);
      for (Map.Entry<String, Object> e : extra.entrySet()) if (!unit.equals("rows") || name.equals("backtest")) out.printf(Locale.ROOT, "%s: %s%n", e.getKey(), e.getValue());
      out.flush();
    }
    return 0;
  }

  /** Top level: the model with the higher p99 (name in "slowest"); median_ms/min_ms are its per-row p50 and minimum. */
  private int predictRow() {
    int runs = this.runs != null ? this.runs : 100_000;
    int warmups = this.warmups != null ? this.warmups : 20_000;
    if (runs < 1 || warmups < 0 || threads < 1) throw new BadInputException("--runs and --threads must be >= 1 and --warmups >= 0");
    Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
    Map<String, Object> models = PredictRowBenchmark.run(FitBenchmark.dataset(file), threads, warmups, runs);
    String slowest = null;
    for (Map.Entry<String, Object> e : models.entrySet()) {
      if (slowest == null || p(models.get(slowest), "p99_us") < p(e.getValue(), "p99_us")) slowest = e.getKey();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("runs", runs);
      m.put("warmups", warmups);
      m.put("median_ms", p(models.get(slowest), "p50_us") / 1e3);
      m.put("min_ms", p(models.get(slowest), "min_us") / 1e3);
      m.put("p50_us", p(models.get(slowest), "p50_us"));
      m.put("p99_us", p(models.get(slowest), "p99_us"));
      m.put("slowest", slowest);
      m.put("input", file.toString());
      m.put("models", models);
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "%s: %,d timed single-row predictions per model (after %,d warm-up) on rows of %s%n", name, runs, warmups, file.getFileName());
      for (Map.Entry<String, Object> e : models.entrySet()) {
        out.printf(Locale.ROOT, "%-8s p50 %.1f us, p99 %.1f us, min %.1f us (%s); batch API p50 %.1f us, p99 %.1f us%n", e.getKey(),
            p(e.getValue(), "p50_us"), p(e.getValue(), "p99_us"), p(e.getValue(), "min_us"), ((Map<?, ?>) e.getValue()).get("path"),
            p(e.getValue(), "batch_api_p50_us"), p(e.getValue(), "batch_api_p99_us"));
      }
      out.flush();
    }
    return 0;
  }

  private static double p(Object model, String key) {
    return ((Number) ((Map<?, ?>) model).get(key)).doubleValue();
  }

  private int backtest() {
    int runs = this.runs != null ? this.runs : 3;
    int warmups = this.warmups != null ? this.warmups : 1;
    if (runs < 1 || warmups < 0 || threads < 1) throw new BadInputException("--runs and --threads must be >= 1 and --warmups >= 0");
    Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
    BacktestBenchmark.Result r = BacktestBenchmark.run(FitBenchmark.dataset(file), threads, warmups, runs);
    double[] share = r.shareOutsideFitting().clone();
    Arrays.sort(share);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("folds", r.folds());
    extra.put("threads", threads);
    extra.put("share_outside_fitting", share[share.length / 2]);
    extra.put("share_outside_fitting_max", share[share.length - 1]);
    double[] outside = r.secondsOutsideFitting().clone();
    Arrays.sort(outside);
    extra.put("outside_fitting_ms", outside[outside.length / 2] * 1e3);
    extra.put("share_definition", "1 - (wall time inside trainer fit calls, union over concurrent jobs) / (wall time of the whole backtest run)");
    return report(r.nanos(), runs, warmups, r.rows(), "rows", file.toString(), extra);
  }

  private int fit() {
    int runs = this.runs != null ? this.runs : 3;
    int warmups = this.warmups != null ? this.warmups : 1;
    if (runs < 1 || warmups < 0 || threads < 1) throw new BadInputException("--runs and --threads must be >= 1 and --warmups >= 0");
    Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
    FitBenchmark.Spec fitSpec = FitBenchmark.spec(name);
    FitBenchmark.params(fitSpec, variant, params == null ? Map.of() : params); // bad settings fail before the data is read
    dev.quiver.dataset.Dataset data = FitBenchmark.dataset(file);
    FitBenchmark.Result r = FitBenchmark.run(fitSpec, data, variant, params == null ? Map.of() : params, threads, 42, warmups, runs);
    long[] sorted = r.nanos().clone();
    Arrays.sort(sorted);
    double median = (sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0) / 1e6;
    double min = sorted[0] / 1e6;
    double max = sorted[sorted.length - 1] / 1e6;
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("family", fitSpec.family());
      m.put("variant", variant);
      m.put("runs", runs);
      m.put("warmups", warmups);
      m.put("median_ms", median);
      m.put("min_ms", min);
      m.put("max_ms", max);
      m.put("auc", JsonOut.number(r.auc()));
      m.put("threads", threads);
      m.put("input", file.toString());
      m.put("train_rows", r.trainRows());
      m.put("test_rows", r.testRows());
      m.put("features", r.features());
      m.put("params", r.params());
      JsonOut.print(out, m);
    } else {
      out.printf(Locale.ROOT, "%s: %s (%s) on %,d train rows x %d features of %s, %d threads%n", name, fitSpec.family(), variant, r.trainRows(),
          r.features().size(), file.getFileName(), threads);
      out.printf(Locale.ROOT, "fit median %.3f s, min %.3f s, max %.3f s over %d runs (after %d warm-up runs)%n", median / 1e3, min / 1e3, max / 1e3,
          runs, warmups);
      out.printf(Locale.ROOT, "test AUC %.4f on the last %,d rows (next-bar direction)%n", r.auc(), r.testRows());
      out.flush();
    }
    return 0;
  }

  private int arimaAuto() {
    int runs = this.runs != null ? this.runs : 5;
    int warmups = this.warmups != null ? this.warmups : 2;
    if (runs < 1 || warmups < 0) throw new BadInputException("--runs must be >= 1 and --warmups >= 0");
    Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
    Bars bars = MarketData.load(file, ReadOptions.defaults()).series().get(0);
    double[] y = Arrays.copyOf(bars.close(), Math.min(bars.size(), dev.quiver.forecast.ArimaBenchmark.DEFAULT_SIZE));
    dev.quiver.forecast.AutoArimaOptions options = dev.quiver.forecast.AutoArimaOptions.defaults();
    long[] nanos = dev.quiver.forecast.ArimaBenchmark.run(y, options, warmups, runs);
    dev.quiver.forecast.AutoArima.Result r = dev.quiver.forecast.AutoArima.fit(y, options);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("symbol", bars.symbol());
    extra.put("order", r.best().order().toString());
    extra.put("orders_tried", r.tried().size());
    return report(nanos, runs, warmups, y.length, "points", file.toString(), extra);
  }

  /** Top level: the three studies of a run together; {@code pruners} holds each pruner's time, work, work saved and best-AUC gap. */
  private int tunePruning() {
    int runs = this.runs != null ? this.runs : 1;
    int warmups = this.warmups != null ? this.warmups : 0;
    if (runs < 1 || warmups < 0 || threads < 1) throw new BadInputException("--runs and --threads must be >= 1 and --warmups >= 0");
    Path file = input != null ? input : BundledData.file(BundledData.FUTURES_1M);
    TunePruningBenchmark.Result r = TunePruningBenchmark.run(FitBenchmark.dataset(file), threads, warmups, runs);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("rounds_per_trial", TunePruningBenchmark.ROUNDS);
    extra.put("threads", threads);
    extra.put("pruners", r.pruners());
    return report(r.nanos(), runs, warmups, TunePruningBenchmark.TRIALS, "trials", file.toString(), extra);
  }

  /** Top level: independent TPE; {@code multivariate} holds the same figures for the joint sampler. */
  private int tpe() {
    int runs = this.runs != null ? this.runs : 1;
    int warmups = this.warmups != null ? this.warmups : 1;
    if (runs < 1 || warmups < 0) throw new BadInputException("--runs must be >= 1 and --warmups >= 0");
    int trials = dev.quiver.tune.TpeBenchmark.DEFAULT_TRIALS;
    long[] perTrial = null;
    Map<String, Object> extra = new LinkedHashMap<>();
    for (boolean joint : new boolean[] {false, true}) {
      java.util.function.Supplier<dev.quiver.tune.Sampler> sampler = joint ? dev.quiver.tune.MultivariateTpeSampler::new : dev.quiver.tune.TpeSampler::new;
      for (int w = 0; w < warmups; w++) dev.quiver.tune.TpeBenchmark.run(sampler.get(), trials, 100 + w);
      long[] all = new long[runs * trials];
      double last100 = 0;
      for (int r = 0; r < runs; r++) {
        long[] t = dev.quiver.tune.TpeBenchmark.run(sampler.get(), trials, r);
        System.arraycopy(t, 0, all, r * trials, trials);
        for (int i = trials - 100; i < trials; i++) last100 += t[i] / 1e6 / (100.0 * runs);
      }
      if (!joint) {
        perTrial = all;
        extra.put("last_100_mean_ms", last100);
        extra.put("studies", runs);
      } else {
        long[] sorted = all.clone();
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median_ms", sorted[sorted.length / 2] / 1e6);
        m.put("min_ms", sorted[0] / 1e6);
        m.put("last_100_mean_ms", last100);
        extra.put("multivariate", m);
      }
    }
    return report(perTrial, runs, warmups, trials, "trials", "generated", extra);
  }
}
