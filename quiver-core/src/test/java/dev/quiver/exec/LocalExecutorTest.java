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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {

  /** A model that predicts a constant: enough to see which job produced which result. */
  private record Constant(double value) implements FittedModel {
    @Override public Schema inputSchema() { return new Schema(List.of(), Task.BINARY); }
    @Override public Predictions predict(Matrix x) { return new Predictions(Task.BINARY, new double[] {value}); }
    @Override public Optional<FeatureImportance> importance() { return Optional.empty(); }
    @Override public void save(ArtifactWriter out) { out.writeText("value.txt", Double.toString(value)); }
    @Override public Provenance provenance() {
      return new Provenance("constant", "balanced", Map.of(), 0, "", List.of(), "", "test", Map.of(), java.time.Instant.EPOCH);
    }
  }

  private static List<TrainJob> jobs(int n) {
    List<TrainJob> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) jobs.add(new TrainJob("job" + i, "constant", "balanced", Map.of(), i));
    return jobs;
  }

  @Test
  void a_failing_job_is_recorded_and_the_others_finish() {
    List<JobResult> results = new LocalExecutor(new ThreadBudget(2), Cancellation.none()).run(jobs(4), (job, ctx) -> {
      if (job.name().equals("job1")) throw new BadInputException("job1 has a bad parameter");
      if (job.name().equals("job2")) throw new IllegalStateException("native crash stand-in");
      return new Constant(ctx.seed());
    }, RunListener.NONE);
    assertThat(results).extracting(JobResult::status).containsExactly(JobResult.Status.OK, JobResult.Status.FAILED, JobResult.Status.FAILED, JobResult.Status.OK);
    assertThat(results.get(1).error()).contains("bad parameter");
    assertThat(results.get(2).error()).contains("IllegalStateException", "native crash stand-in");
    assertThat(results.get(3).model().predict(null).values()[0]).isEqualTo(3.0);
  }

  @Test
  void results_come_back_in_job_order_whatever_finishes_first() {
    List<JobResult> results = new LocalExecutor(new ThreadBudget(2), Cancellation.none()).run(jobs(6), (job, ctx) -> {
      sleep(job.seed() % 2 == 0 ? 30 : 1);
      return new Constant(job.seed());
    }, RunListener.NONE);
    for (int i = 0; i < 6; i++) assertThat(results.get(i).job().name()).isEqualTo("job" + i);
  }

  @Property(tries = 30)
  void running_jobs_times_threads_never_exceed_the_budget(@ForAll @IntRange(min = 1, max = 8) int cores, @ForAll @IntRange(min = 1, max = 12) int n) {
    AtomicInteger running = new AtomicInteger();
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    new LocalExecutor(new ThreadBudget(cores), Cancellation.none()).run(jobs(n), (job, ctx) -> {
      seen.add(running.addAndGet(ctx.threads()));
      sleep(2);
      running.addAndGet(-ctx.threads());
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(seen).hasSize(n).allSatisfy(used -> assertThat(used).isLessThanOrEqualTo(cores));
  }

  @Test
  void spare_cores_go_to_jobs_when_there_are_fewer_jobs_than_cores() {
    ThreadBudget budget = new ThreadBudget(8);
    assertThat(budget.concurrency(2)).isEqualTo(2);
    assertThat(budget.threadsPerJob(2)).isEqualTo(4);
    assertThat(budget.threadsPerJob(20)).isEqualTo(1);
    assertThat(new ThreadBudget(2).threadsPerJob(1)).isEqualTo(2);
  }

  @Test
  void a_cancelled_run_starts_no_more_jobs() {
    Cancellation cancel = Cancellation.none();
    cancel.request();
    AtomicInteger fitted = new AtomicInteger();
    List<JobResult> results = new LocalExecutor(new ThreadBudget(1), cancel).run(jobs(3), (job, ctx) -> {
      fitted.incrementAndGet();
      return new Constant(0);
    }, RunListener.NONE);
    assertThat(fitted).hasValue(0);
    assertThat(results).extracting(JobResult::status).containsOnly(JobResult.Status.CANCELLED);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
