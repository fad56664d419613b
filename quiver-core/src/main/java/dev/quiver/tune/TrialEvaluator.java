package dev.quiver.tune;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.QuiverException;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.FoldRows;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Progress;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.split.Timeline;
import dev.quiver.split.WalkForward;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one trial's parameters on a fixed dataset. With a holdout split it trains on the
 * holdout's training rows (validation rows for early stopping) and scores the metric on the
 * validation rows; intermediate values are the fit's validation metric after each boosting round,
 * so the pruner can stop the fit between rounds (through the context's cancellation; the model kept
 * so far is still scored). With a walk-forward split it trains and scores each fold in turn
 * (rows before the test segment only) and reports the running mean after each fold, so the pruner
 * can skip the remaining folds. The test segment is never read. Thread-safe: each call has its
 * own context.
 */
public final class TrialEvaluator {

  /**
   * What a trial produced: its metric {@code value}, the intermediate values (oriented so that lower
   * is better: a metric that is better higher is negated), whether it was pruned, and the work done
   * (boosting rounds summed over folds; 1 per fit for families without rounds).
   */
  public record Outcome(double value, double[] intermediate, boolean pruned, long work) {}

  private final Dataset data;
  private final ModelFamily family;
  private final String variant;
  private final Map<String, String> fixed;
  private final String metric;
  private final boolean maximize;
  private final List<Fold> folds;
  private final boolean walkForward;

  public TrialEvaluator(Dataset data, Holdout holdout, TuneSplit split, ModelFamily family, TuneConfig config) {
    this.data = data;
    this.family = family;
    this.variant = config.variant();
    this.fixed = config.params();
    this.metric = config.metric();
    this.maximize = config.maximize();
    Fold h = holdout.fold(data);
    this.walkForward = split.walkForward();
    if (walkForward) {
      int span = h.validTo();
      int block = span / (split.folds() + 1);
      int trainSize = span - split.folds() * block;
      List<Fold> wf = new WalkForward(trainSize, Math.max(1, block), Math.max(1, block), true).folds(Timeline.of(data));
      this.folds = List.copyOf(wf.subList(0, Math.min(split.folds(), wf.size())));
    } else {
      this.folds = List.of(h);
    }
  }

  /** The folds a trial is scored on, in order. */
  public List<Fold> folds() {
    return folds;
  }

  /**
   * Fits and scores {@code params} (merged over the fixed ones) with {@code threads} threads and
   * {@code seed}; {@code pruneAt} is asked after each intermediate value (step, value), true stops.
   *
   * @throws QuiverException when the parameters are bad input or the fit fails inside Quiver
   */
  public Outcome evaluate(Map<String, Object> params, int threads, long seed, StepCheck pruneAt) {
    Map<String, String> overrides = new LinkedHashMap<>(fixed);
    params.forEach((k, v) -> overrides.put(k, String.valueOf(v)));
    Params p = family.params(variant, overrides);
    if (walkForward) return walkForward(p, threads, seed, pruneAt);
    Fold f = folds.get(0);
    TrainSet train = FoldRows.trainSet(data, f.train());
    TrainSet valid = FoldRows.trainSet(data, f.validation());
    Cancellation cancel = new Cancellation();
    RoundScores rounds = new RoundScores(pruneAt, cancel);
    FittedModel m = family.trainer(p).fit(train, valid, new TrainContext(threads, seed, rounds, cancel), new FitInfo(variant, data.sha256(), f.name()));
    try {
      double value = score(m, valid);
      long work = m.learningCurve().map(LearningCurve::iterations).orElse(1);
      double[] inter = rounds.values();
      if (inter.length == 0) inter = new double[] {maximize ? -value : value};
      return new Outcome(value, inter, cancel.requested(), work);
    } finally {
      close(m);
    }
  }

  private Outcome walkForward(Params p, int threads, long seed, StepCheck pruneAt) {
    double[] running = new double[folds.size()];
    double sum = 0;
    int done = 0;
    long work = 0;
    for (Fold f : folds) {
      TrainSet train = FoldRows.trainSet(data, f.train());
      TrainSet test = FoldRows.trainSet(data, f.test());
      FittedModel m = family.trainer(p).fit(train, null, TrainContext.of(threads, seed), new FitInfo(variant, data.sha256(), f.name()));
      try {
        sum += score(m, test);
        work += m.learningCurve().map(LearningCurve::iterations).orElse(1);
      } finally {
        close(m);
      }
      running[done] = maximize ? -sum / (done + 1) : sum / (done + 1);
      done++;
      if (done < folds.size() && pruneAt.stop(done, running[done - 1])) {
        return new Outcome(sum / done, Arrays.copyOf(running, done), true, work);
      }
    }
    return new Outcome(sum / folds.size(), running, false, work);
  }

  private double score(FittedModel m, TrainSet rows) {
    dev.quiver.model.Predictions pred = m.predict(rows.x());
    Double v = ExperimentRunner.metrics(data.task(), rows.y(), pred, data.task() == dev.quiver.model.Task.MULTICLASS ? rows.forwardReturn() : null)
        .get(metric);
    if (v == null) throw new dev.quiver.error.BadInputException("metric '" + metric + "' is not reported for " + data.task().name().toLowerCase() + " tasks");
    return v;
  }

  private static void close(FittedModel m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new dev.quiver.error.InternalException("cannot release a trial's model: " + e.getMessage(), e);
      }
    }
  }

  /** Asked after each intermediate value (1-based step, value oriented so lower is better): whether the trial should stop there. */
  public interface StepCheck {
    boolean stop(int step, double value);
  }

  /** Collects a fit's validation score per round and requests a stop when the pruner says so. */
  private static final class RoundScores implements Progress {
    private final StepCheck check;
    private final Cancellation cancel;
    private double[] values = new double[64];
    private int n;

    RoundScores(StepCheck check, Cancellation cancel) {
      this.check = check;
      this.cancel = cancel;
    }

    @Override public void start(String task, long units) {}

    @Override public void advance(long units) {}

    @Override
    public void scored(String metric, boolean higherIsBetter, int iteration, double validationScore) {
      if (n == values.length) values = Arrays.copyOf(values, n * 2);
      double oriented = higherIsBetter ? -validationScore : validationScore;
      values[n++] = Double.isFinite(oriented) ? oriented : Double.MAX_VALUE;
      if (!cancel.requested() && check.stop(iteration, values[n - 1])) cancel.request();
    }

    double[] values() {
      return Arrays.copyOf(values, n);
    }
  }
}
