package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.eval.Costs;
import dev.quiver.eval.PositionRule;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.Backtest;
import dev.quiver.experiment.BacktestResult;
import dev.quiver.experiment.BacktestSettings;
import dev.quiver.experiment.ExperimentBacktest;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.leakage.LeakageReport;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.split.CalendarWalkForward;
import dev.quiver.split.CombinatorialPurgedCv;
import dev.quiver.split.Holdout;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Splitter;
import dev.quiver.split.WalkForward;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code quiver backtest}: every model out of sample over the folds of a split, with trading metrics and a grade. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Fit every model on each fold's training rows (purged and embargoed from the labels' ends), predict the",
        "fold's test rows, and report per fold and pooled: ML metrics, a trading simulation with costs (a position",
        "taken at bar i earns bar i+1's return), the deflated Sharpe ratio and a grade with the rule that decided it.",
        "The experiment is --config FILE or train's flags (--data, --features, --label, --models, ...). Splits:",
        "  walk-forward  [--folds K] equal test blocks after a first training window of the same size, or",
        "                --train-size A --test-size B [--step C] (rows), or --train-days D --test-days D",
        "                [--step-days D] [--min-train-samples N]; [--expanding]",
        "  purged-kfold  [--folds K] [--embargo-pct P]",
        "  cpcv          [--groups N] [--test-groups K] [--embargo-pct P]",
        "  holdout       the experiment's train/validation/test fractions (validation for early stopping)",
        "The experiment's preprocess section (or --preprocess) is fitted per fold on that fold's training rows only.",
        "First a leakage self-test on a sample (exit 3 naming what leaks; --no-leakage-check skips it)."})
public final class BacktestCommand implements Callable<Integer> {

  private static final List<String> SPLITS = List.of("walk-forward", "purged-kfold", "cpcv", "holdout");
  private static final String DEFAULT_SPLIT = "walk-forward";
  private static final List<String> SPLIT_FLAGS = List.of("--folds", "--train-size", "--test-size", "--step", "--train-days", "--test-days",
      "--step-days", "--min-train-samples", "--expanding", "--embargo-pct", "--groups", "--test-groups");

  @Mixin
  ExperimentFlags experiment;

  @Option(names = "--split", paramLabel = "SCHEME",
      description = "walk-forward, purged-kfold, cpcv or holdout (default: the experiment file's split section when it names a scheme, else walk-forward).")
  String split;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "walk-forward (without sizes) and purged-kfold: number of folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--train-size", paramLabel = "A", description = "walk-forward: rows in the training window.")
  Integer trainSize;

  @Option(names = "--test-size", paramLabel = "B", description = "walk-forward: rows per test block.")
  Integer testSize;

  @Option(names = "--step", paramLabel = "C", description = "walk-forward: rows each fold moves forward (default: the test size).")
  Integer step;

  @Option(names = "--train-days", paramLabel = "D", description = "walk-forward: days in the training window.")
  Integer trainDays;

  @Option(names = "--test-days", paramLabel = "D", description = "walk-forward: days per test window.")
  Integer testDays;

  @Option(names = "--step-days", paramLabel = "D", description = "walk-forward: days each window moves forward (default: the test days).")
  Integer stepDays;

  @Option(names = "--min-train-samples", paramLabel = "N", defaultValue = "1", description = "walk-forward in days: training rows a window needs to become a fold (default: ${DEFAULT-VALUE}).")
  int minTrainSamples;

  @Option(names = "--expanding", description = "walk-forward: train from the first row every fold (default: a rolling window).")
  boolean expanding;

  @Option(names = "--embargo-pct", paramLabel = "P", defaultValue = "0.01", description = "purged-kfold, cpcv: embargo of floor(P * n) rows after each test block (default: ${DEFAULT-VALUE}).")
  double embargoPct;

  @Option(names = "--groups", paramLabel = "N", defaultValue = "6", description = "cpcv: number of groups (default: ${DEFAULT-VALUE}).")
  int groups;

  @Option(names = "--test-groups", paramLabel = "K", defaultValue = "2", description = "cpcv: test groups per split (default: ${DEFAULT-VALUE}).")
  int testGroups;

  @Option(names = "--fee-bps", paramLabel = "BPS", defaultValue = "1", description = "Fee in basis points per unit of turnover (default: ${DEFAULT-VALUE}).")
  double feeBps;

  @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "0", description = "Slippage in basis points per unit of turnover (default: ${DEFAULT-VALUE}).")
  double slippageBps;

  @Option(names = "--band", paramLabel = "B", defaultValue = "0.02", description = "Classification: long at P(up) >= 0.5 + B, short at <= 0.5 - B, flat between (default: ${DEFAULT-VALUE}).")
  double band;

  @Option(names = "--score-band", paramLabel = "T", defaultValue = "0.05",
      description = "Multiclass: long at score P(up) - P(down) > T, short at < -T, flat between (default: ${DEFAULT-VALUE}).")
  double scoreBand;

  @Option(names = "--periods-per-year", paramLabel = "N", description = "Return periods per year for annualising (default: estimated from the bar times).")
  Double periodsPerYear;

  @Option(names = "--trials", paramLabel = "N", description = "Configurations tried in the research so far, for the deflated Sharpe ratio (default: the number of models).")
  Long trials;

  @Option(names = "--report", paramLabel = "DIR", description = "Write equity-curve and drawdown charts (PNG) of every model into DIR (created when missing).")
  Path report;

  @Option(names = "--no-leakage-check", description = "Skip the leakage self-test that runs first (see quiver check leakage).")
  boolean noLeakageCheck;

  @Option(names = "--leakage-sample-bars", paramLabel = "N", defaultValue = "20000",
      description = "Bars of each symbol the leakage self-test uses, from the first (default: ${DEFAULT-VALUE}; 0: all).")
  int leakageSampleBars;

  @Option(names = "--preprocess", paramLabel = "SPEC",
      description = "Preprocessing in front of every model, fitted on each fold's training rows only, e.g. impute=median,scale=robust,clip=0.01,select=top:8 (overrides the experiment's preprocess).")
  String preprocess;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    String scheme = split == null ? DEFAULT_SPLIT : split.trim().toLowerCase(Locale.ROOT);
    if (!SPLITS.contains(scheme)) throw BadInputException.unknown("split scheme", split, SPLITS);
    checkFlags(scheme);
    experiment.equalWeightsBaseline = true;
    ExperimentConfig c = experiment.experiment("backtest");
    if (preprocess != null) c = ExperimentConfigs.withDefaults(c.withPreprocess(preprocess));
    Splitter fromFile = split == null ? splitFromFile(c) : null;
    LeakageReport leakage = null;
    if (!noLeakageCheck) {
      leakage = CheckLeakageCommand.run(c, List.of(0.5, 0.8), leakageSampleBars, dev.quiver.leakage.AssociationCheck.DEFAULT_LIMIT);
      if (!leakage.clean()) {
        if (format == OutputFormat.JSON) JsonOut.print(spec.commandLine().getOut(), Map.of("leakage_check", LeakagePrinter.json(leakage)));
        else LeakagePrinter.text(leakage, c.models().size(), spec.commandLine().getOut());
        spec.commandLine().getErr().println("error: the leakage self-test failed; fix the features or models named above, or run with --no-leakage-check");
        spec.commandLine().getErr().flush();
        return LeakagePrinter.LEAKAGE_EXIT;
      }
    }
    Dataset data = ExperimentRunner.dataset(c, RunObserver.NONE, ModelFamilies.discover());
    BacktestSettings settings = settings(fromFile != null ? fromFile : splitter(scheme, c, data.rows()))
        .withPreprocess(c.preprocess() == null ? null : PreprocessSpec.parse(c.preprocess()));
    ThreadBudget budget = c.threads() == null ? ThreadBudget.machine() : new ThreadBudget(c.threads());
    BacktestResult result;
    try (ProgressObserver progress = new ProgressObserver("backtest", format == OutputFormat.JSON)) {
      result = new Backtest(ModelFamilies.discover(), budget, Cancellation.none())
          .run(data, ExperimentBacktest.nextReturns(c, data), ExperimentBacktest.models(c), settings, progress);
    }
    if (report != null) {
      List<Path> written = BacktestCharts.write(result, report);
      java.io.PrintWriter note = format == OutputFormat.JSON ? spec.commandLine().getErr() : spec.commandLine().getOut();
      for (Path p : written) note.println("wrote " + p);
      note.flush();
    }
    if (leakage == null && format == OutputFormat.TEXT) spec.commandLine().getOut().println("leakage self-test skipped (--no-leakage-check)");
    BacktestPrinter.print(c, data, result, leakage, format, spec.commandLine().getOut());
    return result.models().stream().anyMatch(m -> m.ok()) ? 0 : 1;
  }

  /** Flags that belong to another scheme are refused, all at once. */
  private void checkFlags(String scheme) {
    ParseResult given = spec.commandLine().getParseResult();
    Map<String, Set<String>> owners = new LinkedHashMap<>();
    for (String f : List.of("--train-size", "--test-size", "--step", "--train-days", "--test-days", "--step-days", "--min-train-samples", "--expanding")) {
      owners.put(f, Set.of("walk-forward"));
    }
    owners.put("--folds", Set.of("walk-forward", "purged-kfold"));
    owners.put("--embargo-pct", Set.of("purged-kfold", "cpcv"));
    owners.put("--groups", Set.of("cpcv"));
    owners.put("--test-groups", Set.of("cpcv"));
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : owners.entrySet()) {
      if (given.hasMatchedOption(e.getKey()) && !e.getValue().contains(scheme)) {
        problems.add(new Problem(Where.none(), e.getKey(), "split_flags", e.getKey() + " does not apply to --split " + scheme
            + " (it is for " + String.join(", ", e.getValue().stream().sorted().toList()) + ")"));
      }
    }
    boolean rows = trainSize != null || testSize != null || step != null;
    boolean days = trainDays != null || testDays != null || stepDays != null;
    if (rows && days) problems.add(new Problem(Where.none(), "--train-days", "split_flags", "walk-forward takes row counts (--train-size, --test-size, --step) or days (--train-days, --test-days, --step-days), not both"));
    if (rows && (trainSize == null || testSize == null)) problems.add(new Problem(Where.none(), "--train-size", "split_flags", "walk-forward in rows needs --train-size and --test-size"));
    if (days && (trainDays == null || testDays == null)) problems.add(new Problem(Where.none(), "--train-days", "split_flags", "walk-forward in days needs --train-days and --test-days"));
    if ((rows || days) && given.hasMatchedOption("--folds")) problems.add(new Problem(Where.none(), "--folds", "split_flags", "walk-forward takes --folds or window sizes, not both"));
    if (!(band > 0 && band <= 0.5)) problems.add(new Problem(Where.none(), String.valueOf(band), "band", "--band must be in (0, 0.5], got " + band));
    if (!(scoreBand >= 0 && scoreBand < 1)) {
      problems.add(new Problem(Where.none(), String.valueOf(scoreBand), "score_band", "--score-band must be in [0, 1), got " + scoreBand));
    }
    if (!(feeBps >= 0) || !(slippageBps >= 0)) problems.add(new Problem(Where.none(), "--fee-bps", "costs", "--fee-bps and --slippage-bps must be >= 0"));
    if (periodsPerYear != null && !(periodsPerYear > 0)) problems.add(new Problem(Where.none(), String.valueOf(periodsPerYear), "periods_per_year", "--periods-per-year must be positive"));
    if (trials != null && trials < 1) problems.add(new Problem(Where.none(), String.valueOf(trials), "trials", "--trials must be >= 1"));
    if (folds < 1) problems.add(new Problem(Where.none(), String.valueOf(folds), "folds", "--folds must be >= 1"));
    if (!problems.isEmpty()) throw new BadInputException(problems, "see quiver backtest --help");
  }

  /**
   * The splitter of the experiment file's {@code split:} section when it names a scheme other than
   * holdout (and no split flag is given, which would be ambiguous), else null.
   */
  private Splitter splitFromFile(ExperimentConfig c) {
    if (c.split() == null || c.split().scheme().equals(Holdout.NAME)) return null;
    List<String> flags = new ArrayList<>();
    for (String f : SPLIT_FLAGS) if (spec.commandLine().getParseResult().hasMatchedOption(f)) flags.add(f);
    if (!flags.isEmpty()) {
      throw new BadInputException(Where.none(), String.join(", ", flags) + " given while the experiment file's split section names "
          + c.split().scheme(), "add --split SCHEME to use the flags, or set the split in the experiment file only");
    }
    return c.split().splitter();
  }

  private BacktestSettings settings(Splitter splitter) {
    BacktestSettings s = BacktestSettings.of(splitter)
        .withCosts(new Costs(feeBps, slippageBps))
        .withBinaryRule(PositionRule.Thresholds.symmetric(band))
        .withMulticlassRule(new PositionRule.ScoreBand(scoreBand));
    if (periodsPerYear != null) s = s.withPeriodsPerYear(periodsPerYear);
    if (trials != null) s = s.withConfigurationsTried(trials);
    return s;
  }

  private Splitter splitter(String scheme, ExperimentConfig c, int n) {
    return switch (scheme) {
      case "walk-forward" -> {
        if (trainSize != null) yield new WalkForward(trainSize, testSize, step != null ? step : testSize, expanding);
        if (trainDays != null) yield new CalendarWalkForward(trainDays, testDays, stepDays != null ? stepDays : testDays, minTrainSamples, expanding);
        int test = n / (folds + 1);
        if (test < 1) throw new BadInputException(Where.none(), n + " rows cannot make " + folds + " walk-forward folds", "use fewer --folds or more data");
        yield new WalkForward(n - folds * test, test, test, expanding);
      }
      case "purged-kfold" -> new PurgedKFold(folds, embargoPct);
      case "cpcv" -> new CombinatorialPurgedCv(groups, testGroups, embargoPct);
      case "holdout" -> new Holdout(c.split().train(), c.split().validation(), c.split().test(), c.split().minSamples());
      default -> throw new IllegalStateException("scheme " + scheme);
    };
  }
}
