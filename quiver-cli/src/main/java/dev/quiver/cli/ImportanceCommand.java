package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.Contributions;
import dev.quiver.model.Explainable;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.TrainSet;
import dev.quiver.model.importance.PermutationImportance;
import dev.quiver.predict.ModelPredictor;
import dev.quiver.preprocess.PreprocessedModel;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quiver importance --model NAME@VERSION --input FILE [--method permutation|gain|shap]}: how
 * much a registered model leans on each feature, measured on held-out bars. {@code permutation}
 * (default) shuffles each column and reports the drop of the metric; {@code gain} reports the
 * model's own measure (gain, split or |coefficient|); {@code shap} reports the mean absolute SHAP
 * contribution of each feature over the input rows (in raw-score units: log-odds for binary models),
 * with the mean bias term and the largest gap between a row's contributions and its raw score.
 */
@Command(name = "importance", mixinStandardHelpOptions = true,
    description = {"Feature importance of a registered model on the input bars, which should be data the model did not train on.",
        "Features and labels are computed from the model's recorded recipe as predict does. --method permutation (default) shuffles",
        "each feature's column --repeats times (seeded) and reports the drop in AUC (binary) or R2 (regression) as mean and std;",
        "gain reports the model's own measure (gain, split or |coefficient|); shap reports the mean |SHAP| contribution per feature",
        "over the input rows (tree families), plus the bias term. Rows are sorted by the chosen measure."})
public final class ImportanceCommand implements Callable<Integer> {

  static final List<String> METHODS = List.of("permutation", "gain", "shap");

  @Option(names = "--model", required = true, paramLabel = "NAME[@VERSION|@ALIAS]", description = "The registered model, e.g. train-ngboost@1.0.0.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Held-out bars or trades (CSV, CSV.gz or Parquet) at the model's timeframe or finer.")
  Path input;

  @Option(names = "--method", defaultValue = "permutation", paramLabel = "permutation|gain|shap", description = "Importance measure (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "Shuffles per feature for permutation (default: ${DEFAULT-VALUE}).")
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

  /**
   * One feature's importances: {@code own} is null when the model has no measure of its own, the
   * permutation drops are null unless the method is permutation, {@code meanAbsShap} unless it is shap.
   */
  record Row(String feature, Double own, Double permutationMean, Double permutationStd, Double meanAbsShap) {}

  /**
   * The JSON form. {@code metric} and {@code baseline} are the permutation's; {@code shapBias} is the
   * mean bias term and {@code shapAdditivityError} the largest |sum of a row's contributions - its
   * raw score| (shap only).
   */
  record Report(String model, String family, String method, int rows, String ownKind, String metric, Double baseline, int repeats, long seed,
      Double shapBias, Double shapAdditivityError, List<Row> features) {}

  @Override
  public Integer call() {
    String m = method.trim().toLowerCase(Locale.ROOT);
    if (!METHODS.contains(m)) throw BadInputException.unknown("importance method", method, METHODS);
    Report report;
    try (ModelRegistry reg = registry.open();
        ModelPredictor predictor = ModelPredictor.load(reg, ModelRef.parse(model), ModelFamilies.discover())) {
      FittedModel fitted = predictor.model();
      String family = fitted.provenance().family();
      Optional<FeatureImportance> own = fitted.importance();
      if (m.equals("shap") && !(explainable(fitted) instanceof Explainable)) {
        throw new BadInputException(Where.none(), predictor.version().id() + " (" + family + ") has no SHAP contributions",
            "use --method permutation or gain, or a model of a family with SHAP: " + String.join(", ", explainableFamilies()));
      }
      if (m.equals("gain") && (own.isEmpty() || own.get().values().isEmpty())) {
        throw new BadInputException(Where.none(), predictor.version().id() + " (" + family + ") has no importance of its own (gain, split or |coefficient|)",
            "use --method permutation, which works for every model");
      }
      TrainSet rows = predictor.labelledRows(input, read.readOptions());
      Map<String, Double> ownValues = own.map(FeatureImportance::values).orElse(new LinkedHashMap<>());
      String ownKind = own.map(FeatureImportance::kind).orElse(null);
      String id = predictor.version().id();
      report = switch (m) {
        case "gain" -> gain(id, family, rows.rows(), ownKind, ownValues);
        case "shap" -> shap(id, family, fitted, rows.x(), ownKind, ownValues);
        default -> permutation(id, family, fitted, rows, ownKind, ownValues);
      };
    }
    PrintWriter w = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(w, report);
      return 0;
    }
    print(w, report);
    return 0;
  }

  private Report permutation(String id, String family, FittedModel fitted, TrainSet rows, String ownKind, Map<String, Double> ownValues) {
    PermutationImportance p = PermutationImportance.compute(fitted, rows.x(), rows.y(), repeats, seed);
    List<Row> out = new ArrayList<>();
    double[] mean = p.meanDrop();
    double[] std = p.stdDrop();
    for (int j = 0; j < p.features().size(); j++) {
      String f = p.features().get(j);
      out.add(new Row(f, ownValues.get(f), JsonOut.number(mean[j]), JsonOut.number(std[j]), null));
    }
    out.sort(Comparator.comparingDouble((Row r) -> r.permutationMean() == null ? Double.NEGATIVE_INFINITY : r.permutationMean()).reversed());
    return new Report(id, family, "permutation", rows.rows(), ownKind, p.metric(), JsonOut.number(p.baseline()), repeats, seed, null, null, out);
  }

  private Report gain(String id, String family, int rows, String ownKind, Map<String, Double> ownValues) {
    List<Row> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : ownValues.entrySet()) out.add(new Row(e.getKey(), JsonOut.number(e.getValue()), null, null, null));
    out.sort(Comparator.comparingDouble((Row r) -> r.own() == null ? Double.NEGATIVE_INFINITY : r.own()).reversed());
    return new Report(id, family, "gain", rows, ownKind, null, null, repeats, seed, null, null, out);
  }

  /** Mean |contribution| per feature over the rows; for a model behind a preprocessor, of the features the inner model sees. */
  private Report shap(String id, String family, FittedModel fitted, Matrix x, String ownKind, Map<String, Double> ownValues) {
    Matrix seen = fitted instanceof PreprocessedModel p ? p.preprocessor().apply(x) : x;
    Explainable explainable = (Explainable) explainable(fitted);
    Contributions c = explainable.contributions(seen);
    int p = c.features().size();
    double[] meanAbs = new double[p];
    double bias = 0;
    for (int r = 0; r < c.rows(); r++) {
      for (int j = 0; j < p; j++) meanAbs[j] += Math.abs(c.get(r, j));
      bias += c.get(r, p);
    }
    double[] predicted = fitted.predict(x).values();
    boolean binary = fitted.inputSchema().task() == Task.BINARY;
    double worst = 0;
    for (int r = 0; r < c.rows(); r++) {
      double raw = binary ? Math.log(predicted[r] / (1 - predicted[r])) : predicted[r];
      if (Double.isFinite(raw)) worst = Math.max(worst, Math.abs(c.rawScore(r) - raw));
    }
    List<Row> out = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      String f = c.features().get(j);
      out.add(new Row(f, ownValues.get(f), null, null, JsonOut.number(c.rows() == 0 ? Double.NaN : meanAbs[j] / c.rows())));
    }
    out.sort(Comparator.comparingDouble((Row r) -> r.meanAbsShap() == null ? Double.NEGATIVE_INFINITY : r.meanAbsShap()).reversed());
    return new Report(id, family, "shap", c.rows(), ownKind, null, null, repeats, seed, JsonOut.number(c.rows() == 0 ? Double.NaN : bias / c.rows()),
        JsonOut.number(worst), out);
  }

  /** The model that computes contributions: the model itself, or the one behind its preprocessor. */
  private static FittedModel explainable(FittedModel m) {
    return m instanceof PreprocessedModel p ? p.inner() : m;
  }

  private static List<String> explainableFamilies() {
    List<String> names = new ArrayList<>();
    for (ModelFamily f : ModelFamilies.discover().all().values()) if (f.explainable()) names.add(f.name());
    names.sort(Comparator.naturalOrder());
    return names;
  }

  private void print(PrintWriter w, Report report) {
    switch (report.method()) {
      case "gain" -> {
        w.printf("%s (%s): the model's own importance (%s)%n", report.model(), report.family(), report.ownKind());
        w.printf("%-28s %14s%n", "feature", report.ownKind());
        for (Row r : report.features()) w.printf("%-28s %14s%n", r.feature(), r.own() == null ? "" : String.format("%.5g", r.own()));
      }
      case "shap" -> {
        w.printf(Locale.ROOT, "%s (%s) on %,d rows: mean |SHAP| per feature (raw-score units), bias %.5f, additivity error %.2e%n", report.model(),
            report.family(), report.rows(), report.shapBias() == null ? Double.NaN : report.shapBias(),
            report.shapAdditivityError() == null ? Double.NaN : report.shapAdditivityError());
        w.printf("%-28s %14s%n", "feature", "mean_abs_shap");
        for (Row r : report.features()) w.printf(Locale.ROOT, "%-28s %14.6f%n", r.feature(), r.meanAbsShap() == null ? Double.NaN : r.meanAbsShap());
      }
      default -> {
        w.printf("%s (%s) on %,d held-out rows: %s %.4f; permutation drop over %d shuffles, seed %d%n", report.model(), report.family(), report.rows(),
            report.metric(), report.baseline() == null ? Double.NaN : report.baseline(), repeats, seed);
        String ownHeader = report.ownKind() == null ? "" : report.ownKind();
        w.printf("%-28s %14s %12s %12s%n", "feature", ownHeader, "drop_mean", "drop_std");
        for (Row r : report.features()) {
          w.printf("%-28s %14s %12.5f %12.5f%n", r.feature(), r.own() == null ? "" : String.format("%.5g", r.own()),
              r.permutationMean() == null ? Double.NaN : r.permutationMean(), r.permutationStd() == null ? Double.NaN : r.permutationStd());
        }
      }
    }
    w.flush();
  }
}
