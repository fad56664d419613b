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

  ProgressObserver(String task, boolean quiet) {
    this.task = task;
    this.quiet = quiet;
  }

  @Override
  public synchronized void planned(int stages, int jobs) {
    total = stages + jobs;
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
    if (quiet) return;
    String what = String.format(Locale.ROOT, "training %s (%d thread%s)", job.name(), threads, threads == 1 ? "" : "s");
    if (bar != null) bar.setExtraMessage(what);
    else err.printf(Locale.ROOT, "      %s%n", what);
  }

  @Override
  public void finished(JobResult r) {
    stage(r.job().name() + (r.status() == JobResult.Status.OK
        ? String.format(Locale.ROOT, " fitted in %.2f s", r.fitSeconds())
        : " " + r.status().name().toLowerCase(Locale.ROOT) + ": " + r.error()));
  }

  @Override
  public synchronized void close() {
    if (bar != null) bar.close();
    err.flush();
  }
}
