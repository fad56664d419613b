package dev.quiver.registry;

import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import java.util.Map;

/**
 * The registry's speed targets, timed in this JVM after warm-up runs: register a fitted model,
 * load a version and make its first prediction, and any other body (listing). Each returns the
 * wall time of every measured run in nanoseconds. Filling a registry for the listing target is
 * {@link #fill}. Not thread-safe.
 */
public final class RegistryBenchmark {

  private RegistryBenchmark() {}

  /** Wall time of {@code runs} calls of {@code body}, after {@code warmups} unmeasured ones. */
  public static long[] time(Runnable body, int warmups, int runs) {
    for (int i = 0; i < warmups; i++) body.run();
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      body.run();
      nanos[i] = System.nanoTime() - t0;
    }
    return nanos;
  }

  /** Registers {@code model} as a new version of {@code name} per run (metadata-only changes: patch versions). */
  public static long[] register(ModelRegistry registry, FittedModel model, String name, int warmups, int runs) {
    int[] n = {0};
    return time(() -> registry.register(Registration.of(name, model).withMetrics(Map.of("run", (double) n[0]++))), warmups, runs);
  }

  /** Loads (verifying every checksum) and predicts one row of zeros, then closes, per run. */
  public static long[] loadAndPredict(ModelRegistry registry, ModelRef ref, ModelFamilies families, int warmups, int runs) {
    return time(() -> {
      try (RegisteredModel m = registry.load(ref, families)) {
        java.util.List<String> features = m.model().inputSchema().features();
        m.model().predict(new Matrix(new float[features.size()], 1, features.size(), features));
      }
    }, warmups, runs);
  }

  /**
   * Registers {@code model} until the registry holds {@code versions} versions, spread over
   * {@code names} names ({@code prefix-0000}, ...); returns how many it added.
   */
  public static int fill(ModelRegistry registry, FittedModel model, String prefix, int names, int versions) {
    int have = registry.list(null, null, true).size();
    int added = 0;
    for (int i = have; i < versions; i++) {
      String name = String.format(java.util.Locale.ROOT, "%s-%04d", prefix, i % names);
      registry.register(Registration.of(name, model).withMetrics(Map.of("accuracy", 0.5 + (i % 100) / 1000.0))
          .withGrade(new Grade(Grade.SCALE.get(i % Grade.SCALE.size()), Map.of(), "benchmark fill")));
      added++;
    }
    return added;
  }
}
