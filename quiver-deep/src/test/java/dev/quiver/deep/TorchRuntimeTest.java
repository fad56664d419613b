package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.quiver.dataset.Dataset;
import dev.quiver.model.FitInfo;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.testing.PlantedFutures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchRuntimeTest {

  @Test
  void gpu_without_a_cuda_libtorch_falls_back_to_cpu_with_a_warning_naming_the_fix() {
    TorchRuntime.DeviceChoice choice = TorchRuntime.device("gpu");
    if (TorchRuntime.engine().getGpuCount() > 0) {
      assertThat(choice.device()).isEqualTo(Device.gpu());
      return;
    }
    assertThat(choice.device()).isEqualTo(Device.cpu());
    assertThat(choice.fellBack()).isTrue();
    assertThat(choice.warning()).contains("PYTORCH_LIBRARY_PATH", "CPU");
    assertThat(TorchRuntime.device("cpu").fellBack()).isFalse();
  }

  @Test
  void a_fit_asking_for_gpu_trains_and_records_the_device_it_used() throws Exception {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    MlpFamily f = new MlpFamily();
    try (NetModel m = (NetModel) f.trainer(f.params("balanced", Map.of("device", "gpu", "epochs", "1", "hidden", "8")))
        .fit(d.trainSet(0, 2000), null, TrainContext.of(1, 1), FitInfo.of("balanced"))) {
      String expected = TorchRuntime.engine().getGpuCount() > 0 ? Device.gpu().toString() : Device.cpu().toString();
      assertThat(m.provenance().runtime()).containsEntry("device", expected).containsEntry("threads", "1");
      assertThat(m.predict(d.trainSet(2000, 2100).x()).values()).hasSize(100).containsOnly(java.util.Arrays.stream(m.predict(d.trainSet(2000, 2100).x()).values()).filter(p -> p > 0 && p < 1).toArray());
    }
  }

  @Test
  void a_fit_sets_libtorch_to_the_contexts_thread_count() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    MlpFamily f = new MlpFamily();
    ((NetModel) f.trainer(f.params("balanced", Map.of("epochs", "1", "hidden", "8")))
        .fit(d.trainSet(0, 500), null, TrainContext.of(2, 1), FitInfo.of("balanced"))).close();
    assertThat(TorchRuntime.threads()).isEqualTo(2);
  }

  @Test
  void discovering_and_configuring_the_deep_families_loads_no_djl_class(@TempDir Path tmp) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = tmp.resolve("classes.log");
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), ConfigureFamilies.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text.lines().filter(l -> !l.startsWith("[")).toList().toString()).isZero();
    assertThat(text).contains("dev.quiver.deep.TransformerFamily", "dev.quiver.deep.NetTrainer").doesNotContain("ai.djl");
  }

  /** Finds every family, resolves each deep family's variants and makes its trainer: no training. */
  public static final class ConfigureFamilies {
    public static void main(String[] args) {
      for (var f : dev.quiver.model.ModelFamilies.discover().all().values()) {
        if (!f.getClass().getPackageName().equals("dev.quiver.deep")) continue;
        for (String v : f.variants()) f.trainer(f.params(v, Map.of()));
      }
    }
  }
}
