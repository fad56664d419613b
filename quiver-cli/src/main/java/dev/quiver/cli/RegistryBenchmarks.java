package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.ExperimentResult;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.Cancellation;
import dev.quiver.model.Durability;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import dev.quiver.registry.Registration;
import dev.quiver.registry.RegistryBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The registry speed targets of {@code quiver benchmark}: listing 10,000 versions, registering a
 * 100-tree LightGBM model, and loading it with its first prediction. Models are trained here on
 * the first symbol of the input (1m bars, seed12 features). Not thread-safe.
 */
final class RegistryBenchmarks {

  static final int LIST_VERSIONS = 10_000;
  static final int LIST_NAMES = 100;
  static final int TREES = 100;

  /** Measured wall times and what was measured. */
  record Result(long[] nanos, int runs, int warmups, long count, String unit, String where, Map<String, Object> extra) {}

  private final Path data;
  private final Path registry;
  private final boolean fsync;
  private final PrintWriter log;

  RegistryBenchmarks(Path data, Path registry, boolean fsync, PrintWriter log) {
    this.data = data;
    this.registry = registry;
    this.fsync = fsync;
    this.log = log;
  }

  Result run(String name, Integer runs, Integer warmups) {
    int r = runs != null ? runs : name.equals("registry-list") ? 30 : 50;
    int w = warmups != null ? warmups : name.equals("registry-list") ? 10 : 20;
    if (r < 1 || w < 0) throw new BadInputException("--runs must be >= 1 and --warmups >= 0");
    Path root = registry != null ? registry : temporary();
    try {
      return switch (name) {
        case "registry-list" -> list(root, r, w);
        case "registry-register" -> register(root, r, w);
        case "registry-load" -> load(root, r, w);
        default -> throw new IllegalArgumentException(name);
      };
    } finally {
      if (registry == null) delete(root);
    }
  }

  private Result list(Path root, int runs, int warmups) {
    try (ModelRegistry reg = ModelRegistry.create(root, Durability.NO_FSYNC, s -> {})) {
      if (reg.list(null, null, true).size() < LIST_VERSIONS) {
        log.printf("filling %s with %,d versions of a logistic model (once) ...%n", root, LIST_VERSIONS);
        log.flush();
        FittedModel model = train("logistic", Map.of());
        long t0 = System.nanoTime();
        int added = RegistryBenchmark.fill(reg, model, "bench", LIST_NAMES, LIST_VERSIONS);
        log.printf("registered %,d versions in %.1f s%n", added, (System.nanoTime() - t0) / 1e9);
        log.flush();
      }
    }
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    int[] listed = {0};
    long[] nanos = RegistryBenchmark.time(() -> {
      try (ModelRegistry reg = ModelRegistry.open(root)) {
        List<ModelVersion> versions = reg.list(null, null, false);
        listed[0] = versions.size();
        ModelsListCommand.print(versions, OutputFormat.JSON, sink);
      }
    }, warmups, runs);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("measured", "open the registry, list every active version, render the JSON (quiver models list --format json)");
    return new Result(nanos, runs, warmups, listed[0], "versions", root.toString(), extra);
  }

  private Result register(Path root, int runs, int warmups) {
    FittedModel model = train("lightgbm", Map.of("num_iterations", String.valueOf(TREES), "early_stopping_rounds", "0"));
    try (ModelRegistry reg = ModelRegistry.create(root, fsync ? Durability.FSYNC : Durability.NO_FSYNC, s -> {})) {
      long[] nanos = RegistryBenchmark.register(reg, model, "bench-lightgbm", warmups, runs);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("fsync", fsync);
      extra.put("trees", TREES);
      extra.put("model_bytes", folderBytes(reg.directory(reg.resolve(dev.quiver.registry.ModelRef.parse("bench-lightgbm")))));
      return new Result(nanos, runs, warmups, (long) runs + warmups, "versions", root.toString(), extra);
    } finally {
      close(model);
    }
  }

  private Result load(Path root, int runs, int warmups) {
    FittedModel model = train("lightgbm", Map.of("num_iterations", String.valueOf(TREES), "early_stopping_rounds", "0"));
    try (ModelRegistry reg = ModelRegistry.create(root, Durability.NO_FSYNC, s -> {})) {
      ModelVersion v = reg.register(Registration.of("bench-lightgbm-load", model));
      long[] nanos = RegistryBenchmark.loadAndPredict(reg, v.ref(), ModelFamilies.discover(), warmups, runs);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("measured", "resolve, verify every checksum, read model.json and the manifest, build the native booster, predict one row");
      extra.put("trees", TREES);
      extra.put("model_bytes", folderBytes(reg.directory(v)));
      return new Result(nanos, runs, warmups, 1, "versions", root.toString(), extra);
    } finally {
      close(model);
    }
  }

  /** One model of {@code family} fitted on the input's first symbol (1m bars, seed12, direction), single-threaded. */
  private FittedModel train(String family, Map<String, Object> params) {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("bench", 42L, 1,
        new ExperimentConfig.Data(data.toString(), null, null, null, "fail", List.of()), "1m", List.of(), "seed12", null, "direction", null,
        List.of(new ExperimentConfig.ModelSpec(family, null, null, params)), null));
    ExperimentResult r = new ExperimentRunner(ModelFamilies.discover(), new ThreadBudget(1), Cancellation.none()).run(c, RunObserver.NONE);
    JobResult job = r.jobs().get(0);
    if (job.status() != JobResult.Status.OK) throw new InternalException("training the benchmark model failed: " + job.error());
    return job.model();
  }

  private static void close(FittedModel m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new InternalException("cannot close the benchmark model: " + e.getMessage(), e);
      }
    }
  }

  private static long folderBytes(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      long total = 0;
      for (Path p : s.toList()) total += Files.size(p);
      return total;
    } catch (IOException e) {
      throw new InternalException("cannot size " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path temporary() {
    try {
      return Files.createTempDirectory("quiver-registry-bench-");
    } catch (IOException e) {
      throw new InternalException("cannot create a temporary registry: " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new InternalException("cannot delete the temporary registry " + dir + ": " + e.getMessage(), e);
    }
  }
}
