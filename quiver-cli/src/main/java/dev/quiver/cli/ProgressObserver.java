package dev.quiver.cli;

import dev.quiver.exec.JobResult;
import dev.quiver.exec.TrainJob;
import dev.quiver.experiment.RunObserver;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress on stderr: a live bar on a terminal, plain numbered lines otherwise
 * (CI, pipes), where a bar's ANSI frames would clutter the log. Silent when {@code quiet}
 * (JSON output). Thread-safe.
 */
final class ProgressObserver implements RunObserver, AutoCloseable {

  private final String task;
  private final boolean quiet;
  private final PrintStream err = System.err;
  private ProgressBar bar;
  private long done;
  private long total;
  private int jobs;
  private int jobsDone;
  private long jobsStartNanos;

  ProgressObserver(String task, boolean quiet) {
    this.task = task;
    this.quiet = quiet;
  }

  @Override
  public synchronized void planned(int stages, int jobs) {
    total = stages + jobs;
    this.jobs = jobs;
    if (quiet) return;
    if (System.console() != null) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(err)).continuousUpdate().build();
    } else {
      err.printf(Locale.ROOT, "%s: %d stages, %d model%s%n", task, stages, jobs, jobs == 1 ? "" : "s");
    }
  }

  @Override
  public synchronized void stage(String what) {
    done++;
    if (quiet) return;
    if (bar != null) {
      bar.setExtraMessage(what);
      bar.stepTo(done);
    } else {
      err.printf(Locale.ROOT, "[%d/%d] %s%n", done, total, what);
    }
  }

  @Override
  public synchronized void started(TrainJob job, int threads) {
    if (jobsStartNanos == 0) jobsStartNanos = System.nanoTime();
    if (quiet) return;
    String what = String.format(Locale.ROOT, "training %s (%s%s, %d thread%s)", job.name(), job.family(),
        job.slice().fold().isEmpty() ? "" : ", fold " + job.slice().fold(), threads, threads == 1 ? "" : "s");
    if (bar != null) bar.setExtraMessage(what);
    else err.printf(Locale.ROOT, "      %s%n", what);
  }

  @Override
  public synchronized void retrying(TrainJob job, int attempt, String error, java.time.Duration wait) {
    if (quiet) return;
    String what = String.format(Locale.ROOT, "%s attempt %d failed (%s); retrying in %.1f s", job.name(), attempt, error, wait.toMillis() / 1e3);
    if (bar != null) bar.setExtraMessage(what);
    else err.printf(Locale.ROOT, "      %s%n", what);
  }

  @Override
  public synchronized void finished(JobResult r) {
    jobsDone++;
    stage(r.job().name() + (r.status() == JobResult.Status.OK
        ? String.format(Locale.ROOT, " fitted in %.2f s", r.fitSeconds())
        : " " + r.status().name().toLowerCase(Locale.ROOT) + ": " + r.error()) + eta());
  }

  /** Elapsed time of the training jobs and, from their average so far, the time left. */
  private String eta() {
    if (jobsStartNanos == 0 || jobsDone >= jobs) return "";
    double elapsed = (System.nanoTime() - jobsStartNanos) / 1e9;
    return String.format(Locale.ROOT, " (elapsed %.1f s, ETA %.1f s)", elapsed, elapsed / jobsDone * (jobs - jobsDone));
  }

  @Override
  public synchronized void close() {
    if (bar != null) bar.close();
    err.flush();
  }
}
