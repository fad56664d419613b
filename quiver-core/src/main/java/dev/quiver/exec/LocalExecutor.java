package dev.quiver.exec;

import dev.quiver.error.QuiverException;
import dev.quiver.model.Cancellation;
import dev.quiver.model.Progress;
import dev.quiver.model.TrainContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on this machine within one {@link ThreadBudget}: at most
 * {@code budget.concurrency(jobs)} at once, each told its {@code threadsPerJob} share. A job that
 * throws is recorded as {@link JobResult.Status#FAILED} and the others go on. Results come back in
 * job order whatever the finishing order, so runs are reproducible.
 */
public final class LocalExecutor {

  private final ThreadBudget budget;
  private final Cancellation cancel;

  public LocalExecutor(ThreadBudget budget, Cancellation cancel) {
    this.budget = budget;
    this.cancel = cancel;
  }

  public List<JobResult> run(List<TrainJob> jobs, JobBody body, RunListener listener) {
    if (jobs.isEmpty()) return List.of();
    int concurrency = budget.concurrency(jobs.size());
    int threads = budget.threadsPerJob(jobs.size());
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "quiver-train-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<JobResult>> futures = new ArrayList<>();
      for (TrainJob job : jobs) futures.add(pool.submit(() -> runOne(job, body, threads, listener)));
      List<JobResult> results = new ArrayList<>();
      for (Future<JobResult> f : futures) results.add(await(f));
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private JobResult runOne(TrainJob job, JobBody body, int threads, RunListener listener) {
    if (cancel.requested()) {
      JobResult r = JobResult.cancelled(job);
      listener.finished(r);
      return r;
    }
    listener.started(job, threads);
    long start = System.nanoTime();
    JobResult result;
    try {
      TrainContext ctx = new TrainContext(threads, job.seed(), Progress.NONE, cancel);
      result = JobResult.ok(job, body.fit(job, ctx), seconds(start));
    } catch (QuiverException e) {
      result = JobResult.failed(job, seconds(start), e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      result = JobResult.failed(job, seconds(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    listener.finished(result);
    return result;
  }

  private static JobResult await(Future<JobResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for training jobs", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a training job escaped its failure isolation", e.getCause());
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
