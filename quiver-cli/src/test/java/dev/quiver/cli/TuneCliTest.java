package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.tune.StudyStore;
import dev.quiver.tune.TrialRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCliTest {

  @TempDir
  Path dir;

  /** 8,000 one-minute bars of IFL8 (the first weeks of the bundled futures file): a trial fits in well under a second. */
  static final int BARS = 8_000;

  private Path experiment(String name, String tune) throws Exception {
    Path data = dir.resolve("ifl8.csv");
    if (!Files.exists(data)) FuturesSlice.write(dir, "ifl8.csv", "IFL8.cfe", BARS);
    Path yaml = dir.resolve(name + ".yaml");
    Files.writeString(yaml, """
        name: %s
        seed: 3
        data: {path: %s, symbols: [IFL8.cfe]}
        tune:
        %s
        """.formatted(name, data, tune.indent(2)));
    return yaml;
  }

  private static String lightgbm(String sampler, int trials, String pruner, int rounds) {
    return """
        family: lightgbm
        sampler: %s
        n_trials: %d
        pruner: %s
        params: {num_iterations: %d, early_stopping_rounds: 0, min_data_in_leaf: 50}
        space:
          num_leaves: {int: [4, 64]}
          learning_rate: {log_float: [0.01, 0.3]}
          feature_fraction: {float: [0.5, 1.0]}
        """.formatted(sampler, trials, pruner, rounds);
  }

  @Test
  void a_study_runs_its_budget_and_reports_trials_best_first_with_ready_train_settings_importance_and_chart() throws Exception {
    Path yaml = experiment("study", lightgbm("tpe", 4, "none", 20));
    Path png = dir.resolve("history.png");
    Cli r = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("s.db").toString(), "--threads", "1", "--chart", png.toString(),
        "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("n_trials_total").asInt()).isEqualTo(4);
    assertThat(j.get("n_complete").asInt()).isEqualTo(4);
    JsonNode trials = j.get("trials");
    for (int i = 1; i < trials.size(); i++) assertThat(trials.get(i - 1).get("value").asDouble()).isGreaterThanOrEqualTo(trials.get(i).get("value").asDouble());
    JsonNode best = j.get("best");
    assertThat(best.get("number").asInt()).isEqualTo(trials.get(0).get("number").asInt());
    List<String> sets = new ArrayList<>();
    j.get("best_params_set").forEach(s -> sets.add(s.asText()));
    assertThat(sets).contains("lightgbm.num_leaves=" + best.get("params").get("num_leaves").asInt(), "lightgbm.num_iterations=20");
    assertThat(j.get("best_params_yaml").asText()).startsWith("models:\n  - family: lightgbm\n    params:\n").contains("num_leaves: ");

    JsonNode importance = j.get("param_importance");
    List<String> params = new ArrayList<>();
    importance.fieldNames().forEachRemaining(params::add);
    assertThat(params).containsExactlyInAnyOrder("num_leaves", "learning_rate", "feature_fraction");
    double sum = 0;
    for (String p : params) sum += importance.get(p).asDouble();
    assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(j.get("param_importance_method").asText()).startsWith("fANOVA").endsWith("of the 4 complete trials");

    assertThat(j.get("chart").asText()).isEqualTo(png.toString());
    byte[] bytes = Files.readAllBytes(png);
    assertThat(java.util.Arrays.copyOf(bytes, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(TuneHistoryChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(TuneHistoryChart.HEIGHT);
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary chart file left").noneMatch(f -> f.startsWith(".history.png"));
    }

    Cli text = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("s.db").toString(), "--threads", "1", "--resume");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("parameter importance (fANOVA main effects on a 64-tree random-forest surrogate of the 4 complete trials")
        .containsPattern("(?m)^param +importance$").containsPattern("(?m)^learning_rate +[01]\\.[0-9]{3}$");

    Cli again = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("s.db").toString(), "--threads", "1");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exists").contains("--resume");
    Cli noFolder = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("s2.db").toString(), "--chart",
        dir.resolve("missing/history.png").toString());
    assertThat(noFolder.exit()).isEqualTo(2);
    assertThat(noFolder.err()).contains("folder of the chart does not exist");
    assertThat(dir.resolve("s2.db")).doesNotExist();
  }

  @Test
  void a_bad_tune_section_exits_2_naming_line_and_choices() throws Exception {
    Path yaml = experiment("bad", """
        family: lightgbm
        sampler: annealing
        space: {num_leaves: {int: [4, 64]}}
        """);
    Cli r = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("b.db").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("line 6").contains("annealing").contains("tpe, random, grid");
  }

  @Test
  void a_study_killed_mid_run_resumes_without_repeating_finished_trials() throws Exception {
    Path yaml = experiment("killed", lightgbm("tpe", 6, "none", 60));
    Path db = dir.resolve("k.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "tune", "--config", yaml.toString(), "--storage", db.toString(), "--threads", "1")
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (finished(db).size() < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
    assertThat(p.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<TrialRecord> before = finished(db);
    assertThat(before.size()).isBetween(2, 5);

    Cli r = Cli.run("tune", "--config", yaml.toString(), "--storage", db.toString(), "--threads", "1", "--resume", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("n_trials_total").asInt()).isEqualTo(6);
    assertThat(j.get("n_replayed").asInt()).isEqualTo(before.size());
    try (StudyStore s = StudyStore.open(db)) {
      List<TrialRecord> all = s.trials("killed");
      assertThat(all).hasSize(6);
      Set<Integer> numbers = new HashSet<>();
      for (TrialRecord t : all) {
        assertThat(t.state()).isEqualTo(TrialRecord.State.COMPLETE);
        numbers.add(t.number());
      }
      assertThat(numbers).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
      for (TrialRecord b : before) {
        TrialRecord now = all.get(b.number());
        assertThat(now.startedMs()).as("trial %d was not run again", b.number()).isEqualTo(b.startedMs());
        assertThat(now.value()).isEqualTo(b.value());
      }
    }
  }

  @Test
  void one_and_two_jobs_give_the_same_trials_with_the_random_sampler() throws Exception {
    Path yaml = experiment("jobs", lightgbm("random", 4, "none", 15));
    Cli one = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("one.db").toString(), "--threads", "1", "--jobs", "1", "--format", "json");
    Cli two = Cli.run("tune", "--config", yaml.toString(), "--storage", dir.resolve("two.db").toString(), "--threads", "2", "--jobs", "2", "--format", "json");
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    JsonNode a = Json.MAPPER.readTree(one.out()).get("trials");
    JsonNode b = Json.MAPPER.readTree(two.out()).get("trials");
    assertThat(a.size()).isEqualTo(4);
    for (int i = 0; i < 4; i++) {
      assertThat(a.get(i).get("number")).isEqualTo(b.get(i).get("number"));
      assertThat(a.get(i).get("params")).isEqualTo(b.get(i).get("params"));
      assertThat(a.get(i).get("value")).isEqualTo(b.get(i).get("value"));
      assertThat(a.get(i).get("seed")).isEqualTo(b.get(i).get("seed"));
    }
  }

  private static List<TrialRecord> finished(Path db) {
    if (!Files.exists(db)) return List.of();
    try (StudyStore s = StudyStore.open(db)) {
      List<TrialRecord> out = new ArrayList<>();
      for (TrialRecord t : s.trials("killed")) if (t.finished()) out.add(t);
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
