package dev.quiver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.ModelFamilies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real writer processes on a real SQLite index: killed mid-write, and racing each other. */
class RegistryProcessesTest {

  @TempDir
  Path tmp;

  static Process writer(Path root, String name, long seed, int count, String dieAt, String go) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), RegistryWriterMain.class.getName(),
        root.toString(), name, String.valueOf(seed), String.valueOf(count), dieAt, go);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  static String finish(Process p) throws Exception {
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("writer finished").isTrue();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(WriteStep.class)
  void a_writer_killed_at_any_step_leaves_the_old_state_or_the_new_one(WriteStep step) throws Exception {
    Path root = tmp.resolve("models");
    try (ModelRegistry registry = ModelRegistry.create(root)) {
      registry.register(Registration.of("signal", TrainedModels.logistic(1, 1.0)).withRecipe(TrainedModels.RECIPE));
    }
    Process p = writer(root, "signal", 2, 1, step.name(), "none");
    String out = finish(p);
    assertThat(p.exitValue()).as(out).isEqualTo(RegistryWriterMain.HALTED);

    try (ModelRegistry registry = ModelRegistry.open(root)) {
      List<String> versions = registry.list(null, null, true).stream().map(ModelVersion::id).toList();
      if (step == WriteStep.COMMITTED) assertThat(versions).containsExactly("signal@1.0.0", "signal@1.1.0");
      else assertThat(versions).containsExactly("signal@1.0.0");
      VerifyReport report = registry.verify();
      assertThat(report.failures()).isEmpty();
      assertThat(report.checked()).isEqualTo(versions.size());
      if (step == WriteStep.RENAMED) assertThat(report.orphans()).containsExactly("linear/signal_v1.1.0_grade_ungraded_acc_0.80");
      else assertThat(report.orphans()).isEmpty();
      for (String v : versions) {
        try (RegisteredModel m = registry.load(ModelRef.parse(v), ModelFamilies.discover())) {
          assertThat(m.model().predict(TrainedModels.test().x()).size()).isEqualTo(500);
        }
      }
      // the next write succeeds and takes the version the dead writer did not commit
      ModelVersion next = registry.register(Registration.of("signal", TrainedModels.logistic(3, 1.0)).withRecipe(TrainedModels.RECIPE));
      assertThat(next.version()).isEqualTo(step == WriteStep.COMMITTED ? new SemVer(1, 2, 0) : new SemVer(1, 1, 0));
      assertThat(registry.verify().ok()).isTrue();
      registry.removeOrphans();
      assertThat(registry.verify().orphans()).isEmpty();
      try (var staging = Files.list(root.resolve(ModelRegistry.STAGING))) {
        assertThat(staging).as("staging folders of the dead writer are swept").isEmpty();
      }
    }
  }

  @Test
  void two_processes_registering_one_name_at_once_both_succeed_with_distinct_versions() throws Exception {
    Path root = tmp.resolve("fresh-registry");
    Path go = tmp.resolve("go");
    int each = 4;
    List<Process> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) writers.add(writer(root, "race", 100L * (w + 1), each, "none", go.toString()));
    Thread.sleep(1500);
    Files.writeString(go, "go");
    Set<String> printed = new HashSet<>();
    for (Process p : writers) {
      String out = finish(p);
      assertThat(p.exitValue()).as(out).isZero();
      out.lines().filter(l -> l.startsWith("race@")).forEach(printed::add);
    }
    assertThat(printed).hasSize(2 * each);
    try (ModelRegistry registry = ModelRegistry.open(root)) {
      List<ModelVersion> all = registry.list("race", null, true);
      assertThat(all).extracting(ModelVersion::id).containsExactlyInAnyOrderElementsOf(printed);
      assertThat(all).extracting(v -> v.version().toString())
          .containsExactlyInAnyOrder("1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "1.6.0", "1.7.0");
      assertThat(registry.verify().ok()).isTrue();
      assertThat(registry.verify().orphans()).isEmpty();
      assertThat(registry.history("race")).hasSize(2 * each);
    }
  }
}
