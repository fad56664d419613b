package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.exec.RunJournal;
import dev.quiver.exec.Slice;
import dev.quiver.exec.TrainJob;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainExecCliTest {

  @TempDir
  Path dir;

  private static String data() {
    return TestData.file(TestData.FUTURES_1M).toString();
  }

  @Test
  void dry_run_prints_the_plan_longest_first_with_derived_seeds_and_trains_nothing() throws Exception {
    Path run = dir.resolve("run");
    Cli r = Cli.run("train", "--data", data(), "--symbols", "IFL8.cfe", "--models", "logistic,lightgbm,random_forest",
        "--threads", "4", "--jobs", "2", "--seed", "7", "--dry-run", "--format", "json", "--run-dir", run.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode plan = Json.MAPPER.readTree(r.out());
    assertThat(plan.get("threads_per_job").asInt()).isEqualTo(2);
    assertThat(plan.get("concurrent_jobs").asInt()).isEqualTo(2);
    JsonNode jobs = plan.get("jobs");
    assertThat(jobs).extracting(j -> j.get("family").asText()).containsExactly("random_forest", "lightgbm", "logistic");
    JsonNode lgbm = jobs.get(1);
    assertThat(lgbm.get("timeframe").asText()).isEqualTo("1m");
    assertThat(lgbm.get("symbol").asText()).isEqualTo("IFL8.cfe");
    assertThat(lgbm.get("fold").asText()).isEqualTo("holdout");
    long expected = TrainJob.planned("lightgbm", "lightgbm", "balanced", Map.of(), new Slice(data(), "1m", "IFL8.cfe", "holdout"), 7).seed();
    assertThat(lgbm.get("seed").asLong()).isEqualTo(expected);
    assertThat(run).doesNotExist();

    Cli text = Cli.run("train", "--data", data(), "--models", "logistic,lightgbm", "--threads", "2", "--dry-run");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("dry run", "start", "seed", "lightgbm", "logistic");
  }

  @Test
  void a_model_that_throws_runs_out_of_memory_or_times_out_fails_alone_and_the_exit_says_partial() throws Exception {
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: faults
        data: {path: %s, symbols: [IFL8.cfe]}
        models:
          - family: logistic
          - {family: test_faulty, name: throws, params: {mode: throw}}
          - {family: test_faulty, name: oom, params: {mode: out_of_memory}}
          - {family: test_faulty, name: hangs, params: {mode: hang}}
        """.formatted(data()));
    // the timeout leaves the real logistic fit ample time on a busy machine; only the hanging model reaches it
    Cli r = Cli.run("train", "--config", yaml.toString(), "--threads", "2", "--timeout", "10s", "--format", "json",
        "--run-dir", dir.resolve("run").toString());
    assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(4);
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(row(rows, "logistic").get("status").asText()).isEqualTo("ok");
    assertThat(row(rows, "throws").get("error").asText()).contains("always fails");
    assertThat(row(rows, "oom").get("error").asText()).contains("OutOfMemoryError");
    assertThat(row(rows, "hangs").get("error").asText()).contains("timed out after 10.0 s");
    for (String failed : new String[] {"throws", "oom", "hangs"}) assertThat(row(rows, failed).get("status").asText()).isEqualTo("failed");

    Cli fast = Cli.run("train", "--config", yaml.toString(), "--threads", "1", "--timeout", "10s", "--fail-fast", "--format", "json",
        "--run-dir", dir.resolve("fast").toString());
    assertThat(fast.exit()).as(fast.err()).isEqualTo(1);
  }

  @Test
  void threads_1_and_threads_2_give_identical_leaderboards_and_predictions() throws Exception {
    String[] common = {"train", "--data", data(), "--symbols", "IFL8.cfe", "--models", "lightgbm,logistic", "--seed", "11", "--format", "json"};
    Cli one = Cli.run(concat(common, "--threads", "1", "--run-dir", dir.resolve("t1").toString()));
    Cli two = Cli.run(concat(common, "--threads", "2", "--run-dir", dir.resolve("t2").toString()));
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(two.exit()).as(two.err()).isZero();
    assertThat(withoutTimes(two.out())).isEqualTo(withoutTimes(one.out()));
    assertThat(Files.readString(dir.resolve("t2").resolve(ExperimentRunner.PREDICTIONS_FILE)))
        .isEqualTo(Files.readString(dir.resolve("t1").resolve(ExperimentRunner.PREDICTIONS_FILE)));
  }

  @Test
  void a_run_killed_mid_way_resumes_to_the_uninterrupted_result() throws Exception {
    Path yaml = dir.resolve("slow.yaml");
    Files.writeString(yaml, """
        name: slow
        seed: 5
        data: {path: %s, symbols: [IFL8.cfe]}
        models:
          - family: logistic
          - {family: test_faulty, name: slow-a, params: {mode: fit, delay_ms: 1500}}
          - {family: test_faulty, name: slow-b, params: {mode: fit, delay_ms: 1500}}
          - {family: test_faulty, name: slow-c, params: {mode: fit, delay_ms: 1500}}
        """.formatted(data()));
    Path killed = dir.resolve("killed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "train", "--config", yaml.toString(), "--threads", "1", "--format", "json", "--run-dir", killed.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    Path journal = killed.resolve(RunJournal.FILE);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (journalLines(journal) < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(p.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long journaled = journalLines(journal);
    assertThat(journaled).isBetween(2L, 3L);
    assertThat(killed.resolve(ExperimentRunner.PREDICTIONS_FILE)).doesNotExist();

    Cli resumed = Cli.run("train", "--resume", killed.toString(), "--format", "json");
    Cli whole = Cli.run("train", "--config", yaml.toString(), "--threads", "1", "--format", "json", "--run-dir", dir.resolve("whole").toString());
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(whole.exit()).as(whole.err()).isZero();
    assertThat(RunJournal.in(killed).finished()).hasSize(4);
    assertThat(withoutTimes(resumed.out())).isEqualTo(withoutTimes(whole.out()));
    assertThat(Files.readString(killed.resolve(ExperimentRunner.PREDICTIONS_FILE)))
        .isEqualTo(Files.readString(dir.resolve("whole").resolve(ExperimentRunner.PREDICTIONS_FILE)));
  }

  @Test
  void a_deep_model_killed_mid_fit_leaves_a_checkpoint_in_the_run_directory_and_resumes_to_the_uninterrupted_result() throws Exception {
    Path killed = dir.resolve("killed");
    String[] train = {"train", "--data", data(), "--symbols", "IFL8.cfe", "--timeframe", "30m", "--models", "mlp", "--set", "mlp.epochs=60",
        "--set", "mlp.patience=0", "--threads", "1", "--format", "json"};
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(train));
    command.addAll(List.of("--run-dir", killed.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    Path checkpoints = killed.resolve(ExperimentRunner.CHECKPOINTS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (checkpointCount(checkpoints) == 0 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(p.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(checkpointCount(checkpoints)).as("the killed fit's checkpoint is in the run directory").isEqualTo(1);
    assertThat(journalLines(killed.resolve(RunJournal.FILE))).isZero();

    Cli resumed = Cli.run("train", "--resume", killed.toString(), "--format", "json");
    List<String> wholeArgs = new ArrayList<>(List.of(train));
    wholeArgs.addAll(List.of("--run-dir", dir.resolve("whole").toString()));
    Cli whole = Cli.run(wholeArgs.toArray(String[]::new));
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(whole.exit()).as(whole.err()).isZero();
    assertThat(withoutTimes(resumed.out())).isEqualTo(withoutTimes(whole.out()));
    assertThat(Files.readString(killed.resolve(ExperimentRunner.PREDICTIONS_FILE)))
        .isEqualTo(Files.readString(dir.resolve("whole").resolve(ExperimentRunner.PREDICTIONS_FILE)));
    assertThat(checkpointCount(checkpoints)).as("a finished model's checkpoints are removed").isZero();
  }

  /** Checkpoint folders under a run directory's checkpoints/ (one level of job folders). */
  private static long checkpointCount(Path checkpoints) throws Exception {
    if (!Files.isDirectory(checkpoints)) return 0;
    try (Stream<Path> s = Files.find(checkpoints, 2, (path, attrs) -> path.getFileName().toString().contains("-ckpt-"))) {
      return s.count();
    }
  }

  @Test
  void a_stop_signal_mid_run_keeps_what_finished_and_prints_it() throws Exception {
    Path yaml = dir.resolve("stop.yaml");
    Files.writeString(yaml, """
        name: stop
        data: {path: %s, symbols: [IFL8.cfe]}
        models:
          - family: logistic
          - {family: test_faulty, name: slow-a, params: {mode: fit, delay_ms: 60000}}
          - {family: test_faulty, name: slow-b, params: {mode: fit, delay_ms: 60000}}
        """.formatted(data()));
    Path run = dir.resolve("stopped");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolve("stop.out");
    Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "train", "--config", yaml.toString(), "--threads", "1", "--format", "json", "--run-dir", run.toString())
        .redirectError(dir.resolve("stop.err").toFile()).redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (journalLines(run.resolve(RunJournal.FILE)) < 1 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
    Thread.sleep(300);
    p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops the run
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode rows = Json.MAPPER.readTree(Files.readString(out));
    assertThat(row(rows, "logistic").get("status").asText()).isEqualTo("ok");
    assertThat(row(rows, "slow-a").get("status").asText()).isEqualTo("cancelled");
    assertThat(row(rows, "slow-b").get("status").asText()).isEqualTo("cancelled");
    assertThat(Files.readString(dir.resolve("stop.err"))).contains("stopping");
    assertThat(RunJournal.in(run).finished()).hasSize(1);
  }

  private static long journalLines(Path journal) throws Exception {
    if (!Files.exists(journal)) return 0;
    return Files.readAllLines(journal).stream().filter(l -> l.endsWith("}")).count();
  }

  private static JsonNode withoutTimes(String json) throws Exception {
    JsonNode rows = Json.MAPPER.readTree(json);
    for (JsonNode r : rows) ((ObjectNode) r).remove("fit_seconds");
    return rows;
  }

  private static JsonNode row(JsonNode rows, String model) {
    for (JsonNode r : rows) if (r.get("model").asText().equals(model)) return r;
    throw new AssertionError("no row " + model + " in " + rows);
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
