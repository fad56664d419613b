package dev.quiver.exec;

import dev.quiver.error.BadInputException;
import dev.quiver.error.QuiverException;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Progress;
import dev.quiver.model.TrainContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on this machine within one {@link ThreadBudget}, as {@link ExecutorOptions} say:
 * each job gets {@link ExecutorOptions#threadsPerJob()} threads and a job starts only when its
 * threads and estimated native memory fit beside the running ones; the most expensive pending
 * job that fits starts first. A job that throws (any {@link Throwable}, out-of-memory included)
 * or outlives its timeout is {@link JobResult.Status#FAILED} with its error and the others go
 * on; failures that may be transient are retried with exponential backoff. Cancellation (and
 * fail-fast) starts no new job, asks running ones to stop and reports them CANCELLED; what had
 * finished is kept. Results come back in plan order whatever the finishing order.
 *
 * <p>All scheduling and bookkeeping happens on the calling thread; {@link #accounting()} reports
 * the peaks of the last run. One run at a time per instance.
 */
public final class LocalExecutor implements Executor {

  private static final long TICK_MILLIS = 20;

  private final ExecutorOptions options;
  private final Cancellation cancel;
  private volatile Accounting accounting = new Accounting(0, 0, 0);

  public LocalExecutor(ThreadBudget budget, Cancellation cancel) {
    this(ExecutorOptions.of(budget), cancel);
  }

  public LocalExecutor(ExecutorOptions options, Cancellation cancel) {
    this.options = options;
    this.cancel = cancel;
  }

  /** The peaks of the last {@link #run}. */
  public Accounting accounting() {
    return accounting;
  }

  @Override
  public List<JobResult> run(List<TrainJob> jobs, JobBody body, RunListener listener) {
    if (jobs.isEmpty()) return List.of();
    return new Run(jobs, body, listener).execute();
  }

  /** A job's attempt that ended on a worker thread. */
  private record Done(int index, int attempt, FittedModel model, Throwable error, double seconds) {}

  /** One run's state; touched by the calling thread only (workers post {@link Done}). */
  private final class Run {
    private final List<TrainJob> jobs;
    private final JobBody body;
    private final RunListener listener;
    private final JobCost[] costs;
    private final JobResult[] results;
    private final int[] attempts;
    private final long[] notBefore;
    private final List<Integer> pending = new ArrayList<>();
    private final Attempt[] running;
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final int threads = options.threadsPerJob();
    private int threadsInUse;
    private long nativeInUse;
    private int jobsRunning;
    private int peakThreads;
    private long peakNative;
    private int peakJobs;
    private boolean stopping;

    Run(List<TrainJob> jobs, JobBody body, RunListener listener) {
      this.jobs = jobs;
      this.body = body;
      this.listener = listener;
      int n = jobs.size();
      costs = new JobCost[n];
      results = new JobResult[n];
      attempts = new int[n];
      notBefore = new long[n];
      running = new Attempt[n];
      for (int i = 0; i < n; i++) costs[i] = options.costs().estimate(jobs.get(i));
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) order[i] = i;
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -costs[i].work()).thenComparingInt(i -> i));
      pending.addAll(Arrays.asList(order));
    }

    List<JobResult> execute() {
      AtomicInteger names = new AtomicInteger();
      ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "quiver-train-" + names.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      try {
        refuseWhatCannotFit();
        while (!pending.isEmpty() || jobsRunning > 0) {
          if (!stopping && cancel.requested()) stop();
          if (!stopping) startWhatFits(pool);
          Done d = done.poll(nextWaitMillis(), TimeUnit.MILLISECONDS);
          while (d != null) {
            settle(d);
            d = done.poll();
          }
          expireTimeouts();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        for (Attempt a : running) if (a != null) a.stop(true);
        for (int i = 0; i < results.length; i++) if (results[i] == null) finish(i, JobResult.cancelled(jobs.get(i)));
      } finally {
        pool.shutdownNow();
        accounting = new Accounting(peakThreads, peakNative, peakJobs);
      }
      return List.of(results);
    }

    private void refuseWhatCannotFit() {
      for (int k = pending.size() - 1; k >= 0; k--) {
        int i = pending.get(k);
        if (costs[i].nativeBytes() > options.nativeMemoryBytes()) {
          pending.remove(k);
          finish(i, JobResult.failed(jobs.get(i), 0, String.format(Locale.ROOT,
              "refused: needs about %s of native memory, only %s is available beside the heap"
                  + " (use fewer rows, or raise --memory if the machine has more)",
              mib(costs[i].nativeBytes()), mib(options.nativeMemoryBytes()))));
        }
      }
    }

    private void startWhatFits(ExecutorService pool) {
      long now = System.nanoTime();
      for (int k = 0; k < pending.size(); k++) {
        int i = pending.get(k);
        if (notBefore[i] > now) continue;
        if (jobsRunning >= options.concurrentJobs() || threadsInUse + threads > options.budget().cores()) return;
        if (nativeInUse + costs[i].nativeBytes() > options.nativeMemoryBytes()) continue;
        pending.remove(k--);
        start(i, pool);
      }
    }

    private void start(int i, ExecutorService pool) {
      TrainJob job = jobs.get(i);
      int attempt = ++attempts[i];
      threadsInUse += threads;
      nativeInUse += costs[i].nativeBytes();
      jobsRunning++;
      peakThreads = Math.max(peakThreads, threadsInUse);
      peakNative = Math.max(peakNative, nativeInUse);
      peakJobs = Math.max(peakJobs, jobsRunning);
      Cancellation own = Cancellation.none();
      long deadline = options.timeout().isZero() ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
      listener.started(job, threads);
      Future<?> f = pool.submit(() -> {
        long t0 = System.nanoTime();
        try {
          FittedModel m = body.fit(job, new TrainContext(threads, job.seed(), Progress.NONE, own));
          done.add(new Done(i, attempt, m, null, seconds(t0)));
        } catch (Throwable e) {
          done.add(new Done(i, attempt, null, e, seconds(t0)));
        }
      });
      running[i] = new Attempt(attempt, own, f, deadline);
    }

    private void settle(Done d) {
      Attempt a = running[d.index];
      threadsInUse -= threads;
      nativeInUse -= costs[d.index].nativeBytes();
      jobsRunning--;
      running[d.index] = null;
      if (results[d.index] != null) return; // timed out or cancelled earlier: only the books change
      TrainJob job = jobs.get(d.index);
      if (a != null && a.own.requested()) {
        finish(d.index, JobResult.cancelled(job));
      } else if (d.error == null) {
        finish(d.index, JobResult.ok(job, d.model, d.seconds));
      } else if (mayBeTransient(d.error) && attempts[d.index] <= options.retries() && !stopping) {
        Duration wait = options.backoff().multipliedBy(1L << Math.min(20, attempts[d.index] - 1));
        listener.retrying(job, attempts[d.index], describe(d.error), wait);
        notBefore[d.index] = System.nanoTime() + wait.toNanos();
        pending.add(0, d.index);
        pending.sort(Comparator.comparingDouble((Integer i) -> -costs[i].work()).thenComparingInt(i -> i));
      } else {
        fail(d.index, JobResult.failed(job, d.seconds, describe(d.error)));
      }
    }

    private void expireTimeouts() {
      long now = System.nanoTime();
      for (int i = 0; i < running.length; i++) {
        Attempt a = running[i];
        if (a == null || results[i] != null || now < a.deadline) continue;
        a.stop(true);
        fail(i, JobResult.failed(jobs.get(i), options.timeout().toNanos() / 1e9,
            String.format(Locale.ROOT, "timed out after %.1f s (raise --timeout)", options.timeout().toNanos() / 1e9)));
      }
    }

    private void fail(int i, JobResult r) {
      finish(i, r);
      if (options.failFast()) stop();
    }

    /** Starts nothing more; pending jobs are cancelled, running ones asked to stop. */
    private void stop() {
      stopping = true;
      for (int i : pending) finish(i, JobResult.cancelled(jobs.get(i)));
      pending.clear();
      for (Attempt a : running) if (a != null) a.stop(false);
    }

    private void finish(int i, JobResult r) {
      results[i] = r;
      listener.finished(r);
    }

    private long nextWaitMillis() {
      long now = System.nanoTime();
      long wait = TICK_MILLIS * 10;
      for (Attempt a : running) if (a != null && a.deadline != Long.MAX_VALUE) wait = Math.min(wait, (a.deadline - now) / 1_000_000 + 1);
      for (int i : pending) if (notBefore[i] > now) wait = Math.min(wait, (notBefore[i] - now) / 1_000_000 + 1);
      if (!pending.isEmpty() && pending.stream().allMatch(i -> notBefore[i] <= now)) wait = Math.min(wait, TICK_MILLIS);
      return Math.max(1, Math.min(wait, TICK_MILLIS * 10));
    }
  }

  /** A running attempt: its own stop request, its worker, and when it times out. */
  private record Attempt(int number, Cancellation own, Future<?> worker, long deadline) {
    void stop(boolean interrupt) {
      own.request();
      if (interrupt) worker.cancel(true);
    }
  }

  /** Bad input, a timeout and a stop request are not worth another try; everything else may be. */
  private static boolean mayBeTransient(Throwable e) {
    return !(e instanceof BadInputException) && !(e instanceof InterruptedException);
  }

  private static String describe(Throwable e) {
    if (e instanceof QuiverException) return e.getMessage();
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", (bytes + (1 << 20) - 1) >> 20);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
