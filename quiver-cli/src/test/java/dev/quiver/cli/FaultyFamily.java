package dev.quiver.cli;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import dev.quiver.model.logistic.LogisticFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only family that fails on purpose, registered from the test classpath: {@code mode}
 * throw (an exception), out_of_memory (an {@link OutOfMemoryError}), hang (runs until asked to
 * stop) or fit (a real logistic regression, after {@code delay_ms}, for slow runs to interrupt).
 */
public final class FaultyFamily implements ModelFamily {

  static final String NAME = "test_faulty";

  private static final Params DEFAULTS = Params.declare(List.of(
      Param.choice("mode", "throw", List.of("throw", "out_of_memory", "hang", "fit"), "how the fit goes wrong (fit: it does not)"),
      Param.integer("delay_ms", 0, 0, 600_000, "milliseconds to wait (stoppably) before the fit")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of("conservative", Map.of(), "balanced", Map.of(), "aggressive", Map.of());

  private final LogisticFamily logistic = new LogisticFamily();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.BINARY);
  }

  @Override
  public Set<String> variants() {
    return VARIANTS.keySet();
  }

  @Override
  public Params params(String variant, Map<String, String> overrides) {
    return DEFAULTS.variant(NAME, VARIANTS, variant, overrides);
  }

  @Override
  public Trainer trainer(Params params) {
    return (train, validation, ctx, info) -> {
      waitUnlessStopped(params.getInt("delay_ms"), ctx.cancel());
      switch (params.getString("mode")) {
        case "throw" -> throw new IllegalStateException("test_faulty always fails");
        case "out_of_memory" -> throw new OutOfMemoryError("test_faulty ran out of native memory");
        case "hang" -> {
          while (!ctx.cancel().requested()) waitUnlessStopped(10, ctx.cancel());
          throw new IllegalStateException("test_faulty stopped");
        }
        default -> {
          return logistic.trainer(logistic.params("balanced", Map.of())).fit(train, validation, ctx, info);
        }
      }
    };
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return logistic.load(in);
  }

  private static void waitUnlessStopped(long millis, Cancellation cancel) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end && !cancel.requested()) {
      try {
        Thread.sleep(Math.min(10, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
