package dev.quiver.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.BadInputException;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SchedulingTest {

  private record Constant(double value) implements FittedModel {
    @Override public Schema inputSchema() { return new Schema(List.of(), Task.BINARY); }
    @Override public Predictions predict(Matrix x) { return new Predictions(Task.BINARY, new double[] {value}); }
    @Override public Optional<FeatureImportance> importance() { return Optional.empty(); }
    @Override public void save(ArtifactWriter out) { out.writeText("value.txt", Double.toString(value)); }
    @Override public Provenance provenance() {
      return new Provenance("constant", "balanced", Map.of(), 0, "", List.of(), "", "test", Map.of(), java.time.Instant.EPOCH);
    }
  }

  private static List<TrainJob> jobs(String... families) {
    List<TrainJob> jobs = new ArrayList<>();
    for (int i = 0; i < families.length; i++) {
      jobs.add(TrainJob.planned("job" + i, families[i], "balanced", Map.of(), Slice.WHOLE, 42));
    }
    return jobs;
  }

  private static ExecutorOptions options(int cores) {
    return ExecutorOptions.of(new ThreadBudget(cores)).withRetries(0, Duration.ofMillis(5));
  }

  @Property(tries = 25)
  void the_executors_own_books_never_exceed_the_budget(@ForAll @IntRange(min = 1, max = 6) int cores,
      @ForAll @IntRange(min = 0, max = 6) int jobsOption, @ForAll @IntRange(min = 1, max = 10) int n) {
    int concurrent = Math.min(jobsOption, cores);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger observedPeak = new AtomicInteger();
    String[] families = new String[n];
    java.util.Arrays.fill(families, "lightgbm");
    LocalExecutor ex = new LocalExecutor(options(cores).withJobs(concurrent), Cancellation.none());
    ex.run(jobs(families), (job, ctx) -> {
      observedPeak.accumulateAndGet(running.addAndGet(ctx.threads()), Math::max);
      sleep(2);
      running.addAndGet(-ctx.threads());
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(ex.accounting().peakThreads()).isLessThanOrEqualTo(cores).isGreaterThanOrEqualTo(observedPeak.get());
    assertThat(ex.accounting().peakRunningJobs()).isLessThanOrEqualTo(concurrent == 0 ? cores : concurrent);
  }

  @Test
  void a_jobs_thread_count_depends_on_the_budget_and_jobs_setting_only() {
    ExecutorOptions o = options(4).withJobs(2);
    for (int n : new int[] {1, 3, 9}) {
      List<Integer> threads = Collections.synchronizedList(new ArrayList<>());
      String[] families = new String[n];
      java.util.Arrays.fill(families, "logistic");
      new LocalExecutor(o, Cancellation.none()).run(jobs(families), (job, ctx) -> {
        threads.add(ctx.threads());
        return new Constant(0);
      }, RunListener.NONE);
      assertThat(threads).hasSize(n).containsOnly(2);
    }
    assertThat(options(2).threadsPerJob()).isEqualTo(1);
  }

  @Test
  void the_longest_job_starts_first() {
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    ExecutorOptions o = options(1).withCosts(new FamilyCosts(10_000, 12));
    new LocalExecutor(o, Cancellation.none()).run(jobs("logistic", "lightgbm", "random_forest", "xgboost"), (job, ctx) -> {
      started.add(job.family());
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(started).containsExactly("random_forest", "xgboost", "lightgbm", "logistic");
  }

  @Test
  void a_job_whose_native_memory_cannot_fit_is_refused_with_a_reason_and_the_others_run() {
    FamilyCosts costs = new FamilyCosts(1_000_000, 100);
    long lightgbm = costs.estimate(jobs("lightgbm").get(0)).nativeBytes();
    ExecutorOptions o = options(2).withCosts(costs).withNativeMemory(lightgbm + (1 << 20));
    LocalExecutor ex = new LocalExecutor(o, Cancellation.none());
    List<JobResult> r = ex.run(jobs("xgboost", "lightgbm", "lightgbm", "logistic"), (job, ctx) -> {
      sleep(5);
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(r.get(0).status()).isEqualTo(JobResult.Status.FAILED);
    assertThat(r.get(0).error()).contains("refused", "native memory", "MiB");
    assertThat(r.subList(1, 4)).extracting(JobResult::status).containsOnly(JobResult.Status.OK);
    // the two lightgbm jobs cannot run side by side within the memory left
    assertThat(ex.accounting().peakNativeBytes()).isLessThanOrEqualTo(o.nativeMemoryBytes());
  }

  @Test
  void throwing_running_out_of_memory_or_timing_out_fails_that_job_only() {
    ExecutorOptions o = options(2).withTimeout(Duration.ofMillis(300));
    List<JobResult> r = new LocalExecutor(o, Cancellation.none()).run(jobs("a", "b", "c", "d"), (job, ctx) -> {
      switch (job.name()) {
        case "job0" -> throw new IllegalStateException("broken family");
        case "job1" -> throw new OutOfMemoryError("native arena exhausted");
        case "job2" -> sleep(20_000);
        default -> { }
      }
      return new Constant(1);
    }, RunListener.NONE);
    assertThat(r).extracting(JobResult::status).containsExactly(JobResult.Status.FAILED, JobResult.Status.FAILED,
        JobResult.Status.FAILED, JobResult.Status.OK);
    assertThat(r.get(0).error()).contains("IllegalStateException", "broken family");
    assertThat(r.get(1).error()).contains("OutOfMemoryError", "native arena exhausted");
    assertThat(r.get(2).error()).contains("timed out after 0.3 s");
  }

  @Test
  void transient_failures_are_retried_with_backoff_and_bad_input_is_not() {
    Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    ExecutorOptions o = options(1).withRetries(2, Duration.ofMillis(10));
    List<JobResult> r = new LocalExecutor(o, Cancellation.none()).run(jobs("flaky", "bad"), (job, ctx) -> {
      int n = tries.computeIfAbsent(job.name(), k -> new AtomicInteger()).incrementAndGet();
      if (job.family().equals("bad")) throw new BadInputException("num_leaves must be >= 2");
      if (n < 3) throw new IllegalStateException("socket reset " + n);
      return new Constant(n);
    }, new RunListener() {
      @Override public void retrying(TrainJob job, int attempt, String error, Duration wait) {
        waits.add(wait);
      }
    });
    assertThat(r.get(0).status()).isEqualTo(JobResult.Status.OK);
    assertThat(tries.get("job0")).hasValue(3);
    assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(r.get(1).status()).isEqualTo(JobResult.Status.FAILED);
    assertThat(tries.get("job1")).hasValue(1);
  }

  @Test
  void fail_fast_cancels_what_has_not_finished() {
    ExecutorOptions o = options(1).withFailFast(true);
    AtomicInteger fitted = new AtomicInteger();
    List<JobResult> r = new LocalExecutor(o, Cancellation.none()).run(jobs("x", "x", "x"), (job, ctx) -> {
      fitted.incrementAndGet();
      if (job.name().equals("job0")) throw new IllegalStateException("first one breaks");
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(fitted).hasValue(1);
    assertThat(r).extracting(JobResult::status).containsExactly(JobResult.Status.FAILED, JobResult.Status.CANCELLED, JobResult.Status.CANCELLED);
  }

  @Test
  void a_stop_request_keeps_what_finished_and_asks_running_jobs_to_stop() {
    Cancellation cancel = Cancellation.none();
    List<JobResult> r = new LocalExecutor(options(1), cancel).run(jobs("x", "x", "x"), (job, ctx) -> {
      if (job.name().equals("job1")) {
        cancel.request();
        while (!ctx.cancel().requested()) sleep(1);
      }
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(r).extracting(JobResult::status).containsExactly(JobResult.Status.OK, JobResult.Status.CANCELLED, JobResult.Status.CANCELLED);
  }

  @Test
  void a_jobs_seed_follows_its_identity_not_its_position() {
    TrainJob a = TrainJob.planned("lightgbm", "lightgbm", "balanced", Map.of("num_leaves", "15"), new Slice("f.csv", "1m", "*", "holdout"), 42);
    TrainJob same = TrainJob.planned("lightgbm", "lightgbm", "balanced", Map.of("num_leaves", "15"), new Slice("moved/f.csv", "1m", "*", "holdout"), 42);
    TrainJob otherFold = TrainJob.planned("lightgbm", "lightgbm", "balanced", Map.of("num_leaves", "15"), new Slice("f.csv", "1m", "*", "wf-2"), 42);
    TrainJob otherSeed = TrainJob.planned("lightgbm", "lightgbm", "balanced", Map.of("num_leaves", "15"), new Slice("f.csv", "1m", "*", "holdout"), 43);
    assertThat(same.seed()).isEqualTo(a.seed());
    assertThat(otherFold.seed()).isNotEqualTo(a.seed());
    assertThat(otherSeed.seed()).isNotEqualTo(a.seed());
    assertThat(a.seed()).isBetween(0L, (long) Integer.MAX_VALUE);
    assertThat(TrainJob.derivedSeed(42, a.identity())).isEqualTo(a.seed());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
