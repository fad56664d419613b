package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.ModelFamilies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The experiment flags shared by {@code quiver train}, {@code quiver backtest} and {@code quiver
 * check leakage} (--config, or --data with the data, feature, label, model and ensemble flags),
 * declared once so the same command line means the same experiment in each.
 */
final class ExperimentFlags {

  @Option(names = "--config", paramLabel = "YAML", description = "Experiment file (data, timeframes, features, label, split, models).")
  Path config;

  @Option(names = "--data", paramLabel = "FILE", description = "Market data file (CSV, CSV.gz, Parquet, tick trades).")
  Path data;

  @Option(names = "--timeframe", paramLabel = "TF", description = "Base timeframe; finer input is resampled (default: 1m).")
  String timeframe;

  @Option(names = "--higher-timeframes", split = ",", paramLabel = "TF", description = "Longer timeframes whose features are joined as-of their last closed bar, e.g. 5m,15m,1h.")
  List<String> higher;

  @Option(names = "--features", paramLabel = "SPEC", description = "Comma-separated feature sets, feature names and input column names (default: seed12).")
  String features;

  @Option(names = "--label", paramLabel = "SPEC", description = "direction (default), return:H, or triple_barrier:PT,SL,H.")
  String label;

  @Option(names = "--models", split = ",", paramLabel = "FAMILY[:VARIANT]", description = "Model families to train, e.g. lightgbm,logistic,lightgbm:aggressive (default: lightgbm,logistic).")
  List<String> models;

  @Option(names = "--variant", paramLabel = "VARIANT",
      description = "Variant for every model that names none: conservative, balanced or aggressive (default: $QUIVER_MODEL_VARIANT, else balanced).")
  String variant;

  @Option(names = "--set", paramLabel = "FAMILY.KEY=VALUE",
      description = "Parameter override for every model of that family, e.g. --set lightgbm.num_leaves=63 (repeatable; wins over the experiment file; see quiver families).")
  List<String> sets;

  @Option(names = "--symbols", split = ",", paramLabel = "SYMBOL", description = "Only these symbols of the file.")
  List<String> symbols;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 42).")
  Long seed;

  @Option(names = "--threads", paramLabel = "N", description = "Thread budget for the whole run (default: all cores).")
  Integer threads;

  @Option(names = "--ensemble", split = ",", paramLabel = "COMBINER[:OPTION]",
      description = {"Combiners over the models, one leaderboard row each (family = the combiner): voting[:soft|hard][:equal|metric|inverse_error],",
          "caruana[:ROUNDS], stacking[:passthrough], dynamic[:VARIANT], cascade[:MARGIN] (first model filters, last decides; binary).",
          "Weights are learnt from the members' predictions on the validation segment, else on an inner purged k-fold of the training rows."})
  List<String> ensemble;

  /** Set by backtest: equal-weights voting joins the combiners as the baseline of its ensemble comparison. */
  boolean equalWeightsBaseline;

  @Mixin
  InputOptions input;

  /** The experiment the flags describe, defaults filled and --set applied, registering nothing. */
  ExperimentConfig experiment(String name) {
    return withSets(read(name, null, false));
  }

  /**
   * As {@link #experiment(String)}, keeping the experiment file's registry unless {@code registry}
   * (the --registry flag, may be null) replaces it.
   */
  ExperimentConfig experiment(String name, Path registry) {
    return withSets(read(name, registry, true));
  }

  private ExperimentConfig read(String name, Path registry, boolean keepRegistry) {
    String defaultVariant = ModelOverrides.defaultVariant(variant, System.getenv());
    if (config != null) {
      if (data != null) throw new BadInputException(Where.none(), "--config and --data both given", "put the data path in the experiment file, or drop --config");
      ExperimentConfig f = ExperimentConfigs.read(config, defaultVariant);
      ExperimentConfig.Registry r = !keepRegistry ? null : registry == null ? f.registry()
          : new ExperimentConfig.Registry(registry.toString(), f.registry() == null ? null : f.registry().maxVersions());
      return ExperimentConfigs.withDefaults(new ExperimentConfig(f.name(), seed != null ? seed : f.seed(), threads != null ? threads : f.threads(),
          f.data(), timeframe != null ? timeframe : f.timeframe(), higher != null ? higher : f.higherTimeframes(),
          features != null ? features : f.features(), f.higherFeatures(), label != null ? label : f.label(), f.split(),
          models != null ? modelSpecs() : f.models(), r, f.preprocess(), f.select(), f.ensemble()), defaultVariant);
    }
    if (data != null) {
      return ExperimentConfigs.withDefaults(new ExperimentConfig(name, seed, threads, input.data(data.toString(), symbols == null ? List.of() : symbols),
          timeframe, higher, features, null, label, null, modelSpecs(), registry == null ? null : ExperimentConfig.Registry.of(registry.toString())),
          defaultVariant);
    }
    throw new BadInputException(Where.none(), "no experiment given", "give --config experiment.yaml or --data FILE (try: quiver demo)");
  }

  /**
   * --set applied, then the combiners of --ensemble, else of the experiment file's ensemble key,
   * appended as models; with {@link #equalWeightsBaseline}, {@code voting:equal} joins any non-empty
   * combiner list that lacks it.
   */
  private ExperimentConfig withSets(ExperimentConfig c) {
    List<ExperimentConfig.ModelSpec> withSets = ModelOverrides.apply(sets, c.models(), ModelFamilies.discover());
    boolean fromFile = ensemble == null && c.ensemble() != null;
    List<String> specs = new ArrayList<>();
    if (fromFile) {
      for (String entry : c.ensemble()) for (String spec : entry.split(",")) if (!spec.isBlank()) specs.add(spec.trim());
    } else if (ensemble != null) {
      specs.addAll(ensemble);
    }
    if (equalWeightsBaseline && !specs.isEmpty()
        && specs.stream().noneMatch(e -> e.trim().toLowerCase(Locale.ROOT).equals(EnsembleComparison.EQUAL_WEIGHTS))) {
      specs.add(EnsembleComparison.EQUAL_WEIGHTS);
    }
    try {
      withSets = EnsembleSpecs.append(specs, withSets, c.label());
    } catch (BadInputException e) {
      if (!fromFile) throw e;
      List<Problem> located = new ArrayList<>();
      for (Problem p : e.problems()) {
        located.add(ExperimentConfigs.problemAt(config, "ensemble", p.value(), p.rule(), "ensemble: " + p.message().replace("--ensemble ", "")));
      }
      throw new BadInputException(located, e.fix() + " (the experiment's ensemble: takes the same specs as --ensemble, e.g. [voting, stacking, caruana:20])");
    }
    return new ExperimentConfig(c.name(), c.seed(), c.threads(), c.data(), c.timeframe(), c.higherTimeframes(), c.features(),
        c.higherFeatures(), c.label(), c.split(), withSets, c.registry(), c.preprocess(), c.select(), null);
  }

  private List<ExperimentConfig.ModelSpec> modelSpecs() {
    if (models == null) return null;
    List<ExperimentConfig.ModelSpec> specs = new ArrayList<>();
    for (String m : models) {
      String[] parts = m.trim().split(":", 2);
      specs.add(new ExperimentConfig.ModelSpec(parts[0], parts.length > 1 ? parts[1] : null, null, Map.of()));
    }
    return specs;
  }
}
