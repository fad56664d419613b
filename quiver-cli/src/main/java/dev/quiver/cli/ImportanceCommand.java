package dev.quiver.cli;

import dev.quiver.model.FeatureImportance;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.TrainSet;
import dev.quiver.model.importance.PermutationImportance;
import dev.quiver.predict.ModelPredictor;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quiver importance --model NAME@VERSION --input FILE}: the model's own importance and permutation importance on held-out bars. */
@Command(name = "importance", mixinStandardHelpOptions = true,
    description = {"Feature importance of a registered model: its own measure when it has one (gain, split or |coefficient|) and",
        "permutation importance on the input bars, which should be data the model did not train on. Features and labels are",
        "computed from the model's recorded recipe as predict does; each feature's column is shuffled --repeats times",
        "(seeded) and the drop in AUC (binary) or R2 (regression) is reported as mean and std. Rows are sorted by the mean drop."})
public final class ImportanceCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "NAME[@VERSION|@ALIAS]", description = "The registered model, e.g. train-ngboost@1.0.0.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Held-out bars or trades (CSV, CSV.gz or Parquet) at the model's timeframe or finer.")
  Path input;

  @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "Shuffles per feature (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "Seed of the shuffles (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Mixin
  RegistryOption registry;

  @Mixin
  InputOptions read;

  @Spec
  CommandSpec spec;

  /** One feature's importances; {@code own} is null when the model has no measure of its own. */
  record Row(String feature, Double own, Double permutationMean, Double permutationStd) {}

  /** The JSON form. */
  record Report(String model, String family, int rows, String ownKind, String metric, Double baseline, int repeats, long seed, List<Row> features) {}

  @Override
  public Integer call() {
    Report report;
    try (ModelRegistry reg = registry.open();
        ModelPredictor predictor = ModelPredictor.load(reg, ModelRef.parse(model), ModelFamilies.discover())) {
      TrainSet rows = predictor.labelledRows(input, read.readOptions());
      PermutationImportance p = PermutationImportance.compute(predictor.model(), rows.x(), rows.y(), repeats, seed);
      Optional<FeatureImportance> own = predictor.model().importance();
      Map<String, Double> ownValues = own.map(FeatureImportance::values).orElse(new LinkedHashMap<>());
      List<Row> out = new ArrayList<>();
      double[] mean = p.meanDrop();
      double[] std = p.stdDrop();
      for (int j = 0; j < p.features().size(); j++) {
        String f = p.features().get(j);
        out.add(new Row(f, ownValues.get(f), JsonOut.number(mean[j]), JsonOut.number(std[j])));
      }
      out.sort(Comparator.comparingDouble((Row r) -> r.permutationMean() == null ? Double.NEGATIVE_INFINITY : r.permutationMean()).reversed());
      report = new Report(predictor.version().id(), predictor.model().provenance().family(), rows.rows(), own.map(FeatureImportance::kind).orElse(null),
          p.metric(), JsonOut.number(p.baseline()), repeats, seed, out);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(w, report);
      return 0;
    }
    w.printf("%s (%s) on %,d held-out rows: %s %.4f; permutation drop over %d shuffles, seed %d%n", report.model(), report.family(), report.rows(),
        report.metric(), report.baseline() == null ? Double.NaN : report.baseline(), repeats, seed);
    String ownHeader = report.ownKind() == null ? "" : report.ownKind();
    w.printf("%-28s %14s %12s %12s%n", "feature", ownHeader, "drop_mean", "drop_std");
    for (Row r : report.features()) {
      w.printf("%-28s %14s %12.5f %12.5f%n", r.feature(), r.own() == null ? "" : String.format("%.5g", r.own()),
          r.permutationMean() == null ? Double.NaN : r.permutationMean(), r.permutationStd() == null ? Double.NaN : r.permutationStd());
    }
    w.flush();
    return 0;
  }
}
