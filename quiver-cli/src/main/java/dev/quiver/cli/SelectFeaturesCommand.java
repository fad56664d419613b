package dev.quiver.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.data.AtomicFile;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.select.DatasetRows;
import dev.quiver.select.FeatureSelection;
import dev.quiver.select.SelectionResult;
import dev.quiver.select.SelectionSettings;
import dev.quiver.select.SelectionStep;
import dev.quiver.split.Fold;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quiver select-features --config experiment.yaml}: importance top-k or RFECV over the
 * experiment's features, cross-validated with purged time-series folds inside the training segment
 * only (the holdout's training rows, or the first fold's training rows of the split section), so
 * the experiment's test rows never steer the choice. Flags override the file's {@code select:}
 * section, which overrides {@link SelectionSettings#DEFAULTS}.
 */
@Command(name = "select-features", mixinStandardHelpOptions = true,
    description = {"Select features for an experiment: importance top-k, or recursive feature elimination with time-series",
        "cross-validation (RFECV), on the experiment's training segment only (holdout training rows, or the split section's first",
        "fold). Prints the CV score per step and the selected features; --output writes them as a features: line for quiver train.",
        "Settings come from the flags, else the experiment's select: section, else the defaults shown."})
public final class SelectFeaturesCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, paramLabel = "YAML", description = "Experiment file (data, features, label, split, models, select).")
  Path config;

  @Option(names = "--method", paramLabel = "topk|rfecv", description = "topk keeps the --k most important; rfecv drops --step per round and keeps the best-scoring count (default: rfecv).")
  String method;

  @Option(names = "--k", paramLabel = "N", description = "Features topk keeps (default: 10).")
  Integer k;

  @Option(names = "--step", paramLabel = "S", description = "Features rfecv drops per round (default: 1).")
  Integer step;

  @Option(names = "--min-features", paramLabel = "N", description = "Fewest features rfecv tries (default: 1).")
  Integer minFeatures;

  @Option(names = "--folds", paramLabel = "K", description = "Cross-validation folds inside the training segment (default: 4).")
  Integer folds;

  @Option(names = "--cv", paramLabel = "walk-forward|purged-kfold", description = "Expanding purged walk-forward (default) or purged k-fold with embargo_pct.")
  String cv;

  @Option(names = "--metric", paramLabel = "auc|ic|r2", description = "Score of each step, higher is better (default: auc).")
  String metric;

  @Option(names = "--model", paramLabel = "FAMILY[:VARIANT]", description = "Family that ranks and scores the features (default: the select section's family, else the experiment's first model).")
  String model;

  @Option(names = "--threads", paramLabel = "N", description = "Threads of each fit (default: the experiment's threads, else all cores).")
  Integer threads;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the selection as YAML for the experiment (a features: line), usable as quiver train --features too.")
  Path output;

  @Spec
  CommandSpec spec;

  /** One step in the JSON form. */
  record Step(@JsonProperty("n_features") int nFeatures, List<String> features, Double score, @JsonProperty("score_std") Double scoreStd,
      List<String> removed) {}

  /** The JSON form. */
  record Report(String method, String metric, String importance, String family, String variant, String cv, int folds,
      @JsonProperty("training_rows") int trainingRows, List<String> selected, List<Step> steps) {}

  @Override
  public Integer call() {
    String defaultVariant = ModelOverrides.defaultVariant(null, System.getenv());
    ExperimentConfig c = ExperimentConfigs.read(config, defaultVariant);
    ExperimentConfig.Select section = c.select() == null ? new ExperimentConfig.Select(null, null, null, null, null, null, null, null, null, null) : c.select();
    SelectionSettings settings = new ExperimentConfig.Select(or(method, section.method()), or(k, section.k()), or(step, section.step()),
        or(minFeatures, section.minFeatures()), or(folds, section.folds()), or(cv, section.cv()), section.embargoPct(), null, null,
        or(metric, section.metric())).settings();

    ExperimentConfig.ModelSpec scorer = scorer(c, section);
    ModelFamilies families = ModelFamilies.discover();
    ModelFamily family;
    Params params;
    try {
      family = families.get(scorer.family());
      Map<String, String> overrides = new LinkedHashMap<>();
      scorer.params().forEach((key, v) -> overrides.put(key, String.valueOf(v)));
      params = family.params(scorer.variant(), overrides);
    } catch (BadInputException e) {
      throw model == null && section.family() != null ? located(e, "select.family") : e;
    }

    Dataset data = ExperimentRunner.dataset(c, RunObserver.NONE);
    Fold first = c.split().splitter().folds(data).get(0);
    Dataset train = DatasetRows.of(data, first.train());
    int budget = threads != null ? threads : c.threads() != null ? c.threads() : ThreadBudget.machine().cores();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "selecting on the %,d training rows of %s (%s, of %,d rows) with %s:%s, %d %s folds%n", train.rows(), first.name(),
        c.split().scheme(), data.rows(), scorer.family(), scorer.variant(), settings.folds(), settings.cv());
    err.flush();
    SelectionResult result;
    try {
      result = new FeatureSelection(family, scorer.variant(), params, settings, budget, c.seed()).select(train);
    } catch (BadInputException e) {
      throw c.select() != null ? locatedSelect(e) : e;
    }

    Report report = report(result, scorer, settings, train.rows());
    if (output != null) writeSnippet(output, result, scorer, settings);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      JsonOut.print(out, report);
      return 0;
    }
    out.printf(Locale.ROOT, "%s with %s:%s on %,d training rows, %d %s folds, metric %s, importance %s%n", report.method(), report.family(),
        report.variant(), report.trainingRows(), report.folds(), report.cv(), report.metric(), report.importance());
    out.printf("%10s %10s %10s  %s%n", "n_features", report.metric(), "std", "removed after");
    for (Step s : report.steps()) {
      out.printf(Locale.ROOT, "%10d %10s %10s  %s%n", s.nFeatures(), fixed(s.score()), fixed(s.scoreStd()), String.join(",", s.removed()));
    }
    out.printf("selected (%d): %s%n", report.selected().size(), String.join(",", report.selected()));
    if (output != null) out.println("wrote " + output);
    out.flush();
    return 0;
  }

  /** The model that ranks the features: --model, else the section's family, else the experiment's first model (with its params). */
  private ExperimentConfig.ModelSpec scorer(ExperimentConfig c, ExperimentConfig.Select section) {
    String familyName;
    String variant = null;
    if (model != null) {
      String[] parts = model.trim().split(":", 2);
      familyName = parts[0];
      if (parts.length > 1) variant = parts[1];
    } else if (section.family() != null) {
      familyName = section.family();
      variant = section.variant();
    } else {
      familyName = c.models().get(0).family();
    }
    for (ExperimentConfig.ModelSpec m : c.models()) {
      if (m.family().equals(familyName) && (variant == null || variant.equals(m.variant()))) return m;
    }
    String defaultVariant = ModelOverrides.defaultVariant(null, System.getenv());
    return new ExperimentConfig.ModelSpec(familyName, variant != null ? variant : defaultVariant != null ? defaultVariant : "balanced", familyName, Map.of());
  }

  private static Report report(SelectionResult r, ExperimentConfig.ModelSpec scorer, SelectionSettings settings, int rows) {
    List<Step> steps = new ArrayList<>();
    for (SelectionStep s : r.steps()) steps.add(new Step(s.nFeatures(), s.features(), JsonOut.number(s.score()), JsonOut.number(s.scoreStd()), s.removed()));
    return new Report(r.method(), r.metric(), r.importance(), scorer.family(), scorer.variant(), settings.cv(), settings.folds(), rows, r.selected(), steps);
  }

  /**
   * The selection as experiment YAML. Higher-timeframe columns ({@code rsi_14@5m}) cannot be named
   * one by one in an experiment: their base names go to {@code higher_features}, which computes them
   * on every higher timeframe, and a comment says so.
   */
  private void writeSnippet(Path file, SelectionResult r, ExperimentConfig.ModelSpec scorer, SelectionSettings settings) {
    Set<String> base = new LinkedHashSet<>();
    Set<String> higher = new LinkedHashSet<>();
    for (String f : r.selected()) {
      int at = f.indexOf('@');
      if (at < 0) base.add(f);
      else higher.add(f.substring(0, at));
    }
    double score = Double.NaN;
    for (SelectionStep s : r.steps()) if (s.features().equals(r.selected())) score = s.score();
    StringBuilder yaml = new StringBuilder();
    yaml.append(String.format(Locale.ROOT, "# quiver select-features --config %s: %s with %s:%s, %d %s folds on the training rows, %s %s with %d feature%s%n",
        config, r.method(), scorer.family(), scorer.variant(), settings.folds(), settings.cv(), r.metric(), fixed(JsonOut.number(score)), r.selected().size(),
        r.selected().size() == 1 ? "" : "s"));
    if (base.isEmpty()) {
      yaml.append("# no base-timeframe feature was selected; the experiment needs one, so the higher-timeframe ones are computed on the base timeframe too\n");
      base.addAll(higher);
    }
    yaml.append("# paste into the experiment file, or pass as: quiver train --config ").append(config).append(" --features ").append(String.join(",", base)).append('\n');
    yaml.append("features: ").append(String.join(",", base)).append('\n');
    if (!higher.isEmpty()) {
      yaml.append("# the selection keeps ").append(String.join(",", r.selected().stream().filter(f -> f.contains("@")).toList()))
          .append("; higher_features computes these on every higher timeframe\n");
      yaml.append("higher_features: ").append(String.join(",", higher)).append('\n');
    }
    byte[] bytes = yaml.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(file, temp -> Files.write(temp, bytes));
  }

  private static String fixed(Double x) {
    return x == null || x.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", x);
  }

  private static <T> T or(T flag, T file) {
    return flag != null ? flag : file;
  }

  /** {@code e} re-pointed at {@code key} of the experiment file. */
  private BadInputException located(BadInputException e, String key) {
    List<Problem> problems = new ArrayList<>();
    for (Problem p : e.problems()) problems.add(ExperimentConfigs.problemAt(config, key, p.value(), p.rule(), p.message()));
    return new BadInputException(problems, e.fix());
  }

  /** A selection's problem with the data (k above the feature count, ...) re-pointed at its key of the select section when the file writes it. */
  private BadInputException locatedSelect(BadInputException e) {
    List<Problem> problems = new ArrayList<>();
    for (Problem p : e.problems()) {
      Where w = p.where();
      boolean fromSection = w.file().equals("select") && w.column() != null && !w.column().isEmpty();
      problems.add(fromSection ? ExperimentConfigs.problemAt(config, "select." + w.column(), p.value(), p.rule(), p.message()) : p);
    }
    return new BadInputException(problems, e.fix());
  }
}
