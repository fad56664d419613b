package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.leakage.ExperimentLeakage;
import dev.quiver.leakage.LeakageCheck;
import dev.quiver.leakage.LeakageReport;
import dev.quiver.model.ModelFamilies;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quiver check leakage}: does any feature or model read the future? Exit 3 when one does. */
@Command(name = "leakage", mixinStandardHelpOptions = true,
    description = {"Perturb the bars after each cut, rebuild the experiment's dataset and fail (exit 3) naming every feature",
        "whose value at or before a cut moved, and every model whose prediction there moved (trained on rows labelled",
        "before the cut). Also names features whose median |rank IC| with the label's forward return is implausibly",
        "high (a column that is the next bar's return). Exit 0 when clean, 2 on bad input. The experiment's preprocess",
        "section (or --preprocess) stands in front of every model, fitted on the rows it trains on.",
        "The experiment is --config FILE or train's flags (--data, --features, --label, --models, ...)."})
public final class CheckLeakageCommand implements Callable<Integer> {

  @Mixin
  ExperimentFlags experiment;

  @Option(names = "--cuts", split = ",", paramLabel = "F", defaultValue = "0.5,0.8", description = "Cut points as fractions of the bars (default: ${DEFAULT-VALUE}).")
  List<Double> cuts;

  @Option(names = "--sample-bars", paramLabel = "N", defaultValue = "0", description = "Use only the first N bars of each symbol (default: ${DEFAULT-VALUE}, all).")
  int sampleBars;

  @Option(names = "--max-rank-ic", paramLabel = "X", defaultValue = "0.3", description = "Median |rank IC| from which a feature is suspect (default: ${DEFAULT-VALUE}).")
  double maxRankIc;

  @Option(names = "--preprocess", paramLabel = "SPEC",
      description = "Preprocessing in front of every model, fitted on the rows each model trains on, e.g. impute=median,scale=robust (overrides the experiment's preprocess).")
  String preprocess;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ExperimentConfig c = experiment.experiment("check");
    if (preprocess != null) c = ExperimentConfigs.withDefaults(c.withPreprocess(preprocess));
    LeakageReport r = run(c, cuts, sampleBars, maxRankIc);
    if (format == OutputFormat.JSON) JsonOut.print(spec.commandLine().getOut(), LeakagePrinter.json(r));
    else LeakagePrinter.text(r, c.models().size(), spec.commandLine().getOut());
    return r.clean() ? 0 : LeakagePrinter.LEAKAGE_EXIT;
  }

  /** The check of {@code c}, its flags validated. */
  static LeakageReport run(ExperimentConfig c, List<Double> cuts, int sampleBars, double maxRankIc) {
    if (sampleBars < 0) throw new BadInputException(Where.none(), "--sample-bars must be >= 0, got " + sampleBars, "give 0 for every bar");
    if (!(maxRankIc > 0 && maxRankIc <= 1)) throw new BadInputException(Where.none(), "--max-rank-ic must be in (0, 1], got " + maxRankIc, "e.g. 0.3");
    double[] f = new double[cuts.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = cuts.get(i);
      if (!(f[i] > 0 && f[i] < 1)) throw new BadInputException(Where.none(), "cut " + f[i] + " is not a fraction in (0, 1)", "e.g. --cuts 0.5,0.8");
    }
    int threads = c.threads() == null ? Runtime.getRuntime().availableProcessors() : c.threads();
    return ExperimentLeakage.check(c, sampleBars, ModelFamilies.discover(),
        new LeakageCheck.Settings(f, c.seed(), threads, maxRankIc, dev.quiver.leakage.AssociationCheck.DEFAULT_BLOCKS));
  }
}
