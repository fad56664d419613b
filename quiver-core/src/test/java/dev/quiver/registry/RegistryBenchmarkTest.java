package dev.quiver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.Durability;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timings behind {@code quiver benchmark registry-*} run what they say (figures belong in benchmarks, not tests). */
class RegistryBenchmarkTest {

  @TempDir
  Path tmp;

  @Test
  void fill_register_and_load_do_real_work_and_time_each_run() {
    FittedModel model = TrainedModels.logistic(1, 1.0);
    try (ModelRegistry registry = ModelRegistry.create(tmp, Durability.NO_FSYNC, s -> {})) {
      assertThat(RegistryBenchmark.fill(registry, model, "b", 3, 10)).isEqualTo(10);
      assertThat(RegistryBenchmark.fill(registry, model, "b", 3, 10)).isZero();
      assertThat(registry.list(null, null, true)).hasSize(10);
      assertThat(registry.list("b-0001", null, true)).extracting(v -> v.version().toString()).containsExactly("1.0.0", "1.0.1", "1.0.2");
      long[] register = RegistryBenchmark.register(registry, model, "r", 1, 3);
      assertThat(register).hasSize(3);
      for (long n : register) assertThat(n).isPositive();
      assertThat(registry.list("r", null, true)).hasSize(4);
      long[] load = RegistryBenchmark.loadAndPredict(registry, ModelRef.parse("r"), ModelFamilies.discover(), 0, 2);
      assertThat(load).hasSize(2);
      for (long n : load) assertThat(n).isPositive();
      assertThat(registry.verify().ok()).isTrue();
    }
  }
}
