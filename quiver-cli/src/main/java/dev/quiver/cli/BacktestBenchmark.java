package dev.quiver.cli;

import dev.quiver.dataset.Dataset;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.experiment.Backtest;
import dev.quiver.experiment.BacktestResult;
import dev.quiver.experiment.BacktestSettings;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.split.WalkForward;
import java.util.List;
import java.util.Map;

/**
 * {@code quiver benchmark backtest}: a walk-forward backtest of LightGBM ({@value #TREES} trees)
 * over the whole input (144k rows of the bundled futures, seed12 features, next-bar direction)
 * in {@value #FOLDS} rolling folds, the test blocks covering all rows after the first training
 * window of the same size. Each run times {@link Backtest#run} on the prebuilt dataset and
 * measures the share of its wall time during which no fit was running (splitting, row gathering,
 * prediction, simulation, scoring, pooling): {@code 1 - fit wall / backtest wall}, where the fit
 * wall is the union of the intervals spent inside the trainers' {@code fit} calls (LightGBM's
 * dataset construction included) and the backtest wall is the whole {@link Backtest#run}. The
 * target is under 5%.
 */
final class BacktestBenchmark {

  static final int FOLDS = 20;
  static final int TREES = 100;

  /** Per measured run: wall nanos, the share outside fitting and the seconds outside fitting. */
  record Result(long[] nanos, double[] shareOutsideFitting, double[] secondsOutsideFitting, int rows, int folds) {}

  private BacktestBenchmark() {}

  static Result run(Dataset data, int threads, int warmups, int runs) {
    int test = data.rows() / (FOLDS + 1);
    BacktestSettings settings = BacktestSettings.of(new WalkForward(data.rows() - FOLDS * test, test, test, false));
    List<TrainJob> models = List.of(new TrainJob("lightgbm", "lightgbm", "balanced", Map.of("num_iterations", String.valueOf(TREES)), 42));
    Backtest backtest = new Backtest(ModelFamilies.discover(), new ThreadBudget(threads), Cancellation.none());
    long[] nanos = new long[runs];
    double[] share = new double[runs];
    double[] outside = new double[runs];
    int folds = 0;
    for (int r = -warmups; r < runs; r++) {
      long t0 = System.nanoTime();
      BacktestResult result = backtest.run(data, data.forwardReturn(), models, settings, RunObserver.NONE);
      long t = System.nanoTime() - t0;
      if (!result.models().get(0).ok()) throw new IllegalStateException("the benchmark's fit failed: " + result.models().get(0).error());
      folds = result.folds();
      if (r >= 0) {
        nanos[r] = t;
        share[r] = result.shareOutsideFitting();
        outside[r] = result.seconds() - result.fitWallSeconds();
      }
    }
    return new Result(nanos, share, outside, data.rows(), folds);
  }
}
