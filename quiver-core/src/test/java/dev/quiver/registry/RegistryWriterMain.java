package dev.quiver.registry;

import dev.quiver.model.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate writer process for the crash and concurrency tests. Arguments: registry folder,
 * model name, first data seed, how many versions to register, the {@link WriteStep} at which to
 * die (or "none"), and a go-file to wait for before starting (or "none"). Dies by {@code
 * Runtime.halt(3)}, which runs no shutdown hooks and flushes nothing: as close to a kill as the
 * JVM gets. Prints each registered {@code name@version} on its own line.
 */
public final class RegistryWriterMain {

  static final int HALTED = 3;

  private RegistryWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    String name = args[1];
    long seed = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    String dieAt = args[4];
    Path go = args[5].equals("none") ? null : Path.of(args[5]);
    while (go != null && !Files.exists(go)) Thread.sleep(5);
    try (ModelRegistry registry = ModelRegistry.create(root, Durability.FSYNC, step -> {
      if (step.name().equals(dieAt)) Runtime.getRuntime().halt(HALTED);
    })) {
      for (int i = 0; i < count; i++) {
        ModelVersion v = registry.register(Registration.of(name, TrainedModels.logistic(seed + i, 1.0))
            .withRecipe(TrainedModels.RECIPE).withMetrics(Map.of("accuracy", 0.8)));
        System.out.println(v.id());
        System.out.flush();
      }
    }
  }
}
