package dev.quiver.experiment;

import dev.quiver.error.QuiverException;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.RunListener;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Progress;
import dev.quiver.model.TrainContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a backtest's two kinds of work on one worker thread per core of the {@link ThreadBudget}:
 * the fit of each job (one thread each, as a {@link dev.quiver.exec.LocalExecutor} gives a job when
 * one job runs per core) and the scoring of each fitted job (predicting its test rows, closing the
 * model, simulating and scoring). A fitted job's scoring is queued and the worker goes on with the
 * next fit, so that predictions overlap other fits instead of every worker predicting at once:
 * while fits remain, at most {@code max(1, workers - 1)} workers score at a time (more only when
 * {@code 2 x workers} fitted models wait, which bounds the models held open); once no fit is left
 * every worker scores. Fits start in plan order; a job's result does not depend on which worker or
 * when (the same seed and one native thread).
 *
 * <p>A job whose fit or scoring throws (any {@link Throwable}) is FAILED with its message and the
 * others go on; once the cancellation is requested no fit starts, queued scorings close their models,
 * and those jobs are CANCELLED. Results come back in plan order. The listener hears a job start when
 * its fit starts and finish when its scoring ends. One run at a time per instance.
 */
final class FitScoreWorkers {

  /** Fits job {@code index}; called on a worker thread. */
  @FunctionalInterface
  interface Fit {
    FittedModel fit(int index, TrainContext ctx);
  }

  /** Predicts and scores job {@code index} with its fitted model and closes the model; called on a worker thread. */
  @FunctionalInterface
  interface Score {
    void score(int index, FittedModel model);
  }

  private final int workers;
  private final Cancellation cancel;
  private final Object lock = new Object();
  private List<TrainJob> jobs;
  private Fit fit;
  private Score score;
  private RunListener listener;
  private JobResult[] results;
  private double[] fitSeconds;
  private ArrayDeque<Integer> pendingFits;
  private ArrayDeque<Fitted> pendingScores;
  private int runningFits;
  private int runningScores;

  FitScoreWorkers(ThreadBudget budget, Cancellation cancel) {
    this.workers = budget.cores();
    this.cancel = cancel;
  }

  private record Fitted(int index, FittedModel model) {}

  /** Fits and scores every job; the results in plan order (OK results hold the closed models). */
  List<JobResult> run(List<TrainJob> jobs, Fit fit, Score score, RunListener listener) {
    this.jobs = jobs;
    this.fit = fit;
    this.score = score;
    this.listener = listener;
    results = new JobResult[jobs.size()];
    fitSeconds = new double[jobs.size()];
    pendingFits = new ArrayDeque<>();
    for (int i = 0; i < jobs.size(); i++) pendingFits.add(i);
    pendingScores = new ArrayDeque<>();
    runningFits = 0;
    runningScores = 0;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < Math.min(workers, Math.max(1, jobs.size())); w++) {
      Thread t = new Thread(this::work, "quiver-backtest-" + (w + 1));
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      for (Thread t : threads) t.join();
    } catch (InterruptedException e) {
      cancel.request();
      for (Thread t : threads) t.interrupt();
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException again) {
          break;
        }
      }
      Thread.currentThread().interrupt();
    }
    synchronized (lock) {
      for (int i = 0; i < results.length; i++) if (results[i] == null) results[i] = JobResult.cancelled(jobs.get(i));
      return List.of(results);
    }
  }

  private void work() {
    while (true) {
      Fitted toScore = null;
      int toFit = -1;
      synchronized (lock) {
        while (true) {
          if (cancel.requested()) dropPending();
          boolean fitsLeft = !pendingFits.isEmpty();
          int cap = Math.max(1, workers - 1);
          if (!pendingScores.isEmpty() && (!fitsLeft || runningScores < cap || pendingScores.size() >= 2 * workers)) {
            toScore = pendingScores.poll();
            runningScores++;
            break;
          }
          if (fitsLeft) {
            toFit = pendingFits.poll();
            runningFits++;
            break;
          }
          if (runningFits == 0 && runningScores == 0) return;
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
      }
      if (toScore != null) scoreOne(toScore);
      else fitOne(toFit);
    }
  }

  private void fitOne(int i) {
    TrainJob job = jobs.get(i);
    listener.started(job, 1);
    long t0 = System.nanoTime();
    FittedModel model = null;
    Throwable error = null;
    try {
      model = fit.fit(i, new TrainContext(1, job.seed(), Progress.NONE, cancel));
    } catch (Throwable e) {
      error = e;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    JobResult finished = null;
    synchronized (lock) {
      runningFits--;
      fitSeconds[i] = seconds;
      if (error != null) {
        finished = results[i] = JobResult.failed(job, seconds, describe(error));
      } else if (cancel.requested()) {
        close(model);
        finished = results[i] = JobResult.cancelled(job);
      } else {
        pendingScores.add(new Fitted(i, model));
      }
      lock.notifyAll();
    }
    if (finished != null) listener.finished(finished);
  }

  private void scoreOne(Fitted f) {
    TrainJob job = jobs.get(f.index);
    Throwable error = null;
    try {
      score.score(f.index, f.model);
    } catch (Throwable e) {
      error = e;
    }
    JobResult finished;
    synchronized (lock) {
      runningScores--;
      finished = results[f.index] = error == null ? JobResult.ok(job, f.model, fitSeconds[f.index])
          : JobResult.failed(job, fitSeconds[f.index], describe(error));
      lock.notifyAll();
    }
    listener.finished(finished);
  }

  /** Called under the lock once cancellation is requested. */
  private void dropPending() {
    while (!pendingFits.isEmpty()) {
      int i = pendingFits.poll();
      results[i] = JobResult.cancelled(jobs.get(i));
      listener.finished(results[i]);
    }
    while (!pendingScores.isEmpty()) {
      Fitted f = pendingScores.poll();
      close(f.model);
      results[f.index] = JobResult.cancelled(jobs.get(f.index));
      listener.finished(results[f.index]);
    }
  }

  static void close(FittedModel model) {
    if (model instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // a failing native release must not lose the other jobs' results
      }
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof QuiverException) return e.getMessage();
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
