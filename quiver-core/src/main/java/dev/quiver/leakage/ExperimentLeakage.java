package dev.quiver.leakage;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.data.Bars;
import dev.quiver.data.MarketData;
import dev.quiver.data.SourceInfo;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Trainer;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.preprocess.PreprocessingTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the {@link LeakageCheck} on an experiment exactly as {@code quiver train} would build it:
 * the experiment's bars are read once, and each (real or perturbed) set of bars is written to a
 * temporary standard CSV and built into a dataset by {@link ExperimentRunner#dataset}, so every
 * stage (validation, resampling, features, as-of joins, labels, warm-up) is under test; the
 * experiment's preprocessing, when it has one, stands in front of every model and is fitted on
 * the rows each model is trained on. The
 * temporary folder is deleted afterwards. Not thread-safe (one run at a time per instance).
 */
public final class ExperimentLeakage {

  private ExperimentLeakage() {}

  /**
   * @param config the experiment, defaults filled
   * @param sampleBars when positive, only the first {@code sampleBars} bars of each symbol are used
   * @param families where the experiment's model families are found
   */
  public static LeakageReport check(ExperimentConfig config, int sampleBars, ModelFamilies families, LeakageCheck.Settings settings) {
    List<Bars> bars = bars(config, sampleBars);
    Map<String, Trainer> trainers = new LinkedHashMap<>();
    for (ExperimentConfig.ModelSpec m : config.models()) {
      Map<String, String> overrides = new LinkedHashMap<>();
      m.params().forEach((k, v) -> overrides.put(k, String.valueOf(v)));
      Trainer t = families.get(m.family()).trainer(families.get(m.family()).params(m.variant(), overrides));
      trainers.put(m.name(), config.preprocess() == null ? t : new PreprocessingTrainer(PreprocessSpec.parse(config.preprocess()), t));
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("quiver-leakage-");
    } catch (IOException e) {
      throw new InternalException("cannot create a temporary folder for the leakage check: " + e.getMessage(), e);
    }
    try {
      int[] count = {0};
      DatasetRecipe recipe = series -> {
        Path file = dir.resolve("bars-" + (count[0]++) + ".csv");
        MarketData.write(series, file, SourceInfo.standard(series.get(0).timeframe()));
        ExperimentConfig.Data d = config.data();
        ExperimentConfig c = new ExperimentConfig(config.name(), config.seed(), config.threads(),
            new ExperimentConfig.Data(file.toString(), null, null, "UTC", d.policy(), List.of()), config.timeframe(), config.higherTimeframes(),
            config.features(), config.higherFeatures(), config.label(), config.split(), config.models(), null);
        try {
          return ExperimentRunner.dataset(c, RunObserver.NONE, families);
        } finally {
          deleteQuietly(file);
        }
      };
      return LeakageCheck.run(bars, recipe, Timeframe.parse(config.timeframe()).millis(), trainers, settings);
    } finally {
      deleteTree(dir);
    }
  }

  private static List<Bars> bars(ExperimentConfig config, int sampleBars) {
    List<Bars> loaded = MarketData.load(Path.of(config.data().path()), ExperimentRunner.readOptions(config.data())).series();
    List<String> wanted = config.data().symbols();
    List<Bars> out = new ArrayList<>();
    for (Bars b : loaded) {
      if (!wanted.isEmpty() && !wanted.contains(b.symbol())) continue;
      out.add(sampleBars > 0 && b.size() > sampleBars ? b.slice(0, sampleBars) : b);
    }
    if (out.isEmpty()) throw new BadInputException(Where.file(config.data().path()), "no bars of the symbols " + wanted, "check --symbols");
    return out;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a temporary file left behind is removed with its folder
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | UncheckedIOException e) {
      // best effort: the folder is in the system's temporary area
    }
  }
}
