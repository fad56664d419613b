package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.split.CalendarWalkForward;
import dev.quiver.split.CombinatorialPurgedCv;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Purge;
import dev.quiver.split.Rows;
import dev.quiver.split.Splitter;
import dev.quiver.split.TimeSeriesSplit;
import dev.quiver.split.Timeline;
import dev.quiver.split.WalkForward;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code quiver split}: the folds of an experiment, or of a bare row count, as text or JSON. */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = {"Show the train and test rows of each fold a split scheme makes.",
        "Purge and embargo applied, on an experiment's dataset (--config FILE) or on",
        "bare rows (--rows N --horizon H: row i's label reads rows (i, i+H]).",
        "Rows are 0-based, ranges half-open [from, to). Schemes and their flags:",
        "  holdout            [--fractions 0.7,0.2,0.1] [--min-samples N]",
        "  walk-forward       --train-size A --test-size B [--step C] [--expanding],",
        "                     or with --config: --train-days D --test-days D",
        "                     [--step-days D] [--min-train-samples N] [--expanding]",
        "  purged-kfold       [--folds K] [--embargo-pct P]",
        "  cpcv               [--groups N] [--test-groups K] [--embargo-pct P]",
        "  time-series-split  [--n-splits K] [--gap G] [--max-train-size M]",
        "                     [--test-size T]  (scikit-learn's indices, no purge)"})
public final class SplitCommand implements Callable<Integer> {

  private static final List<String> SCHEMES = List.of("holdout", "walk-forward", "purged-kfold", "cpcv", "time-series-split");

  /** Which schemes each scheme flag belongs to. */
  private static final Map<String, Set<String>> FLAG_SCHEMES = flagSchemes();

  @Option(names = "--config", paramLabel = "YAML", description = "Experiment file: split its dataset (default scheme: the experiment's split section).")
  Path config;

  @Option(names = "--rows", paramLabel = "N", description = "Split N bare rows instead of an experiment's dataset.")
  int rows;

  @Option(names = "--horizon", paramLabel = "H", defaultValue = "1", description = "With --rows: label end of row i is i + H, clipped to N - 1 (default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--scheme", paramLabel = "SCHEME", description = "holdout, walk-forward, purged-kfold, cpcv or time-series-split (default: holdout).")
  String scheme;

  @Option(names = "--fractions", split = ",", paramLabel = "TRAIN,VALID,TEST", description = "holdout: fractions summing to 1 (default: the experiment's, or 0.7,0.2,0.1).")
  List<Double> fractions;

  @Option(names = "--min-samples", paramLabel = "N", description = "holdout: rows each segment needs after purging (default: the experiment's, or 1 with --rows).")
  Integer minSamples;

  @Option(names = "--train-size", paramLabel = "A", description = "walk-forward: rows in the first training window.")
  int trainSize;

  @Option(names = "--test-size", paramLabel = "B", description = "walk-forward: rows per test block; time-series-split: test_size (default n / (n_splits + 1)).")
  Integer testSize;

  @Option(names = "--step", paramLabel = "C", description = "walk-forward: rows each fold moves forward (default: the test size).")
  Integer step;

  @Option(names = "--expanding", description = "walk-forward: train from the first row every fold (default: a rolling window).")
  boolean expanding;

  @Option(names = "--train-days", paramLabel = "D", description = "walk-forward with --config: days in the first training window.")
  int trainDays;

  @Option(names = "--test-days", paramLabel = "D", description = "walk-forward with --config: days per test window.")
  int testDays;

  @Option(names = "--step-days", paramLabel = "D", description = "walk-forward with --config: days each window moves forward (default: the test days).")
  Integer stepDays;

  @Option(names = "--min-train-samples", paramLabel = "N", defaultValue = "1", description = "walk-forward with --config: training rows a window needs to become a fold (default: ${DEFAULT-VALUE}).")
  int minTrainSamples;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "purged-kfold: number of folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--embargo-pct", paramLabel = "P", defaultValue = "0", description = "purged-kfold, cpcv: embargo of floor(P * n) rows after each test block (default: ${DEFAULT-VALUE}).")
  double embargoPct;

  @Option(names = "--groups", paramLabel = "N", defaultValue = "6", description = "cpcv: number of groups (default: ${DEFAULT-VALUE}).")
  int groups;

  @Option(names = "--test-groups", paramLabel = "K", defaultValue = "2", description = "cpcv: test groups per split (default: ${DEFAULT-VALUE}).")
  int testGroups;

  @Option(names = "--n-splits", paramLabel = "K", defaultValue = "5", description = "time-series-split: n_splits (default: ${DEFAULT-VALUE}).")
  int nSplits;

  @Option(names = "--gap", paramLabel = "G", defaultValue = "0", description = "time-series-split: rows dropped before each test block (default: ${DEFAULT-VALUE}).")
  int gap;

  @Option(names = "--max-train-size", paramLabel = "M", description = "time-series-split: keep only the latest M training rows.")
  Integer maxTrainSize;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  private static Map<String, Set<String>> flagSchemes() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("--fractions", Set.of("holdout"));
    m.put("--min-samples", Set.of("holdout"));
    for (String f : List.of("--train-size", "--step", "--expanding", "--train-days", "--test-days", "--step-days", "--min-train-samples")) m.put(f, Set.of("walk-forward"));
    m.put("--test-size", Set.of("walk-forward", "time-series-split"));
    m.put("--folds", Set.of("purged-kfold"));
    m.put("--embargo-pct", Set.of("purged-kfold", "cpcv"));
    m.put("--groups", Set.of("cpcv"));
    m.put("--test-groups", Set.of("cpcv"));
    for (String f : List.of("--n-splits", "--gap", "--max-train-size")) m.put(f, Set.of("time-series-split"));
    return m;
  }

  @Override
  public Integer call() {
    ParseResult given = spec.commandLine().getParseResult();
    List<Problem> problems = new ArrayList<>();
    String name = scheme == null ? "holdout" : scheme.trim().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(name)) throw BadInputException.unknown("split scheme", scheme, SCHEMES);
    if (config == null && !given.hasMatchedOption("--rows")) problems.add(flagProblem("--rows", "nothing to split: give --config experiment.yaml or --rows N"));
    if (config != null && given.hasMatchedOption("--rows")) problems.add(flagProblem("--rows", "--config and --rows both given: split either an experiment or bare rows"));
    if (config != null && given.hasMatchedOption("--horizon")) problems.add(flagProblem("--horizon", "--horizon is for --rows: an experiment's label gives its own label ends"));
    for (Map.Entry<String, Set<String>> e : FLAG_SCHEMES.entrySet()) {
      if (given.hasMatchedOption(e.getKey()) && !e.getValue().contains(name)) {
        problems.add(flagProblem(e.getKey(), e.getKey() + " does not apply to --scheme " + name + " (it is for " + String.join(", ", e.getValue().stream().sorted().toList()) + ")"));
      }
    }
    boolean bars = given.hasMatchedOption("--train-size") || (given.hasMatchedOption("--test-size") && name.equals("walk-forward")) || given.hasMatchedOption("--step");
    boolean days = given.hasMatchedOption("--train-days") || given.hasMatchedOption("--test-days") || given.hasMatchedOption("--step-days") || given.hasMatchedOption("--min-train-samples");
    if (name.equals("walk-forward")) checkWalkForward(given, bars, days, problems);
    if (given.hasMatchedOption("--fractions") && fractions.size() != 3) problems.add(flagProblem("--fractions", "--fractions needs three numbers TRAIN,VALID,TEST, got " + fractions.size()));
    if (!problems.isEmpty()) throw new BadInputException(problems, "see quiver split --help for each scheme's flags");

    Timeline timeline;
    ExperimentConfig experiment = null;
    if (config != null) {
      experiment = ExperimentConfigs.read(config);
      timeline = Timeline.of(ExperimentRunner.dataset(experiment, RunObserver.NONE));
    } else {
      timeline = Timeline.ofRows(rows, horizon);
    }
    Splitter splitter;
    if (scheme == null && experiment != null && !experiment.split().scheme().equals(Holdout.NAME)) {
      name = experiment.split().scheme();
      splitter = experiment.split().splitter();
    } else {
      splitter = splitter(name, bars, experiment);
    }
    List<Fold> result = splitter.folds(timeline);
    if (splitter instanceof TimeSeriesSplit t) warnWithoutPurge(timeline, t.gap());
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) JsonOut.print(out, json(name, timeline, splitter, result));
    else printText(out, name, timeline, splitter, result);
    return 0;
  }

  private void checkWalkForward(ParseResult given, boolean bars, boolean days, List<Problem> problems) {
    if (bars && days) {
      problems.add(flagProblem("--train-days", "walk-forward takes either row counts (--train-size, --test-size, --step) or days (--train-days, --test-days, --step-days, --min-train-samples), not both"));
    } else if (days) {
      if (config == null) problems.add(flagProblem("--train-days", "walk-forward in days needs bar times: use --config, or --train-size/--test-size/--step with --rows"));
      if (!given.hasMatchedOption("--train-days") || !given.hasMatchedOption("--test-days")) problems.add(flagProblem("--train-days", "walk-forward in days needs --train-days and --test-days"));
    } else if (!given.hasMatchedOption("--train-size") || !given.hasMatchedOption("--test-size")) {
      problems.add(flagProblem("--train-size", "walk-forward needs --train-size A and --test-size B (rows), or with --config --train-days and --test-days"));
    }
  }

  private static Problem flagProblem(String flag, String message) {
    return new Problem(Where.none(), flag, "split_flags", message);
  }

  private Splitter splitter(String name, boolean bars, ExperimentConfig experiment) {
    return switch (name) {
      case "holdout" -> holdout(experiment);
      case "walk-forward" -> bars
          ? new WalkForward(trainSize, testSize, step != null ? step : testSize, expanding)
          : new CalendarWalkForward(trainDays, testDays, stepDays != null ? stepDays : testDays, minTrainSamples, expanding);
      case "purged-kfold" -> new PurgedKFold(folds, embargoPct);
      case "cpcv" -> new CombinatorialPurgedCv(groups, testGroups, embargoPct);
      case "time-series-split" -> new TimeSeriesSplit(nSplits, gap, maxTrainSize, testSize);
      default -> throw new IllegalStateException("scheme " + name);
    };
  }

  private Holdout holdout(ExperimentConfig experiment) {
    ExperimentConfig.Split s = experiment == null ? null : experiment.split();
    double train = fractions != null ? fractions.get(0) : s != null ? s.train() : 0.7;
    double valid = fractions != null ? fractions.get(1) : s != null ? s.validation() : 0.2;
    double test = fractions != null ? fractions.get(2) : s != null ? s.test() : 0.1;
    int min = minSamples != null ? minSamples : s != null ? s.minSamples() : 1;
    return new Holdout(train, valid, test, min);
  }

  /**
   * Tells on stderr when the gap leaves training labels overlapping a test block: scikit-learn's
   * split does not purge. A label reading R rows ahead overlaps the test labels unless at least
   * R - 1 rows separate it from the block (one ending at the first test row is allowed, see Purge).
   */
  private void warnWithoutPurge(Timeline timeline, int gap) {
    int[] end = timeline.labelEnd();
    int reach = 0;
    for (int i = 0; i < end.length; i++) reach = Math.max(reach, end[i] - i);
    if (gap < reach - 1) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("note: time-series-split does not purge (scikit-learn's indices); labels read up to " + reach
          + " rows ahead, so training labels up to " + (reach - 1 - gap) + " rows before each test block overlap it: use --gap " + (reach - 1) + " or more");
      err.flush();
    }
  }

  private Map<String, Object> json(String name, Timeline timeline, Splitter splitter, List<Fold> result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scheme", name);
    root.put("rows", timeline.rows());
    if (config != null) root.put("config", config.toString());
    else root.put("horizon", horizon);
    if (splitter instanceof PurgedKFold k) root.put("embargo_rows", Purge.embargoRows(k.embargoPct(), timeline.rows()));
    if (splitter instanceof CombinatorialPurgedCv c) root.put("embargo_rows", Purge.embargoRows(c.embargoPct(), timeline.rows()));
    List<Map<String, Object>> list = new ArrayList<>();
    for (int f = 0; f < result.size(); f++) {
      Fold fold = result.get(f);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", fold.name());
      m.put("train", fold.train().toArray());
      if (splitter instanceof Holdout) m.put("validation", fold.validation().toArray());
      m.put("test", fold.test().toArray());
      if (splitter instanceof CombinatorialPurgedCv cv) m.put("test_groups", cv.testGroupsOf(f));
      list.add(m);
    }
    root.put("folds", list);
    if (splitter instanceof CombinatorialPurgedCv cv) {
      int[] bounds = cv.groupBounds(timeline.rows());
      List<int[]> groupRanges = new ArrayList<>();
      for (int g = 0; g < cv.groups(); g++) groupRanges.add(new int[] {bounds[g], bounds[g + 1]});
      root.put("groups", groupRanges);
      List<Map<String, Object>> paths = new ArrayList<>();
      for (CombinatorialPurgedCv.BacktestPath p : cv.paths()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", p.index());
        m.put("split_of_group", p.splitOfGroup());
        paths.add(m);
      }
      root.put("paths", paths);
    }
    return root;
  }

  private void printText(PrintWriter out, String name, Timeline timeline, Splitter splitter, List<Fold> result) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%s: %d fold%s over %,d rows", name, result.size(), result.size() == 1 ? "" : "s", timeline.rows()));
    head.append(config != null ? " of " + config : " (label end of row i = i + " + horizon + ")");
    if (splitter instanceof PurgedKFold || splitter instanceof CombinatorialPurgedCv) {
      int e = Purge.embargoRows(splitter instanceof PurgedKFold k ? k.embargoPct() : ((CombinatorialPurgedCv) splitter).embargoPct(), timeline.rows());
      head.append(String.format(Locale.ROOT, ", embargo %,d row%s", e, e == 1 ? "" : "s"));
    }
    out.println(head);
    boolean valid = splitter instanceof Holdout;
    boolean cpcv = splitter instanceof CombinatorialPurgedCv;
    List<String> header = new ArrayList<>(List.of("fold", "train rows", "train"));
    if (valid) header.addAll(List.of("validation rows", "validation"));
    header.addAll(List.of("test rows", "test"));
    if (cpcv) header.add("test groups");
    Table table = new Table(header);
    for (int f = 0; f < result.size(); f++) {
      Fold fold = result.get(f);
      List<String> cells = new ArrayList<>(List.of(fold.name(), count(fold.train()), ranges(fold.train())));
      if (valid) cells.addAll(List.of(count(fold.validation()), ranges(fold.validation())));
      cells.addAll(List.of(count(fold.test()), ranges(fold.test())));
      if (cpcv) cells.add(joined(((CombinatorialPurgedCv) splitter).testGroupsOf(f)));
      table.row(cells);
    }
    table.print(out);
    if (splitter instanceof CombinatorialPurgedCv cv) {
      out.println();
      out.println(cv.pathCount() + " backtest paths; path p takes group g's test predictions from split (fold) number:");
      for (CombinatorialPurgedCv.BacktestPath p : cv.paths()) out.println("  path " + p.index() + ": " + joined(p.splitOfGroup()) + "  (groups 0.." + (cv.groups() - 1) + ")");
    }
    out.flush();
  }

  private static String count(Rows r) {
    return String.format(Locale.ROOT, "%,d", r.size());
  }

  /** The ranges as [from, to), the first four and a count of the rest. */
  private static String ranges(Rows r) {
    if (r.isEmpty()) return "-";
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(4, r.rangeCount());
    for (int k = 0; k < shown; k++) sb.append(k == 0 ? "" : " ").append('[').append(r.from(k)).append(", ").append(r.to(k)).append(')');
    if (r.rangeCount() > shown) sb.append(" +").append(r.rangeCount() - shown).append(" more ranges");
    return sb.toString();
  }

  private static String joined(int[] values) {
    StringBuilder sb = new StringBuilder();
    for (int v : values) sb.append(sb.isEmpty() ? "" : ",").append(v);
    return sb.toString();
  }
}
