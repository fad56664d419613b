package dev.quiver.tune;

import java.util.Arrays;
import java.util.List;

/**
 * Asynchronous successive halving: rungs at steps {@code minStep * factor^k}; at a rung a trial
 * goes on only when its best value so far is within the best {@code 1/factor} of the values the
 * trials reaching that rung had (itself included); needs {@code minTrials} other trials at the rung.
 * Between rungs it never prunes. Values are minimised. Stateless and thread-safe.
 */
public record SuccessiveHalvingPruner(int minStep, int factor, int minTrials) implements Pruner {

  public SuccessiveHalvingPruner {
    if (minStep < 1 || factor < 2 || minTrials < 1) throw new IllegalArgumentException("need minStep >= 1, factor >= 2, minTrials >= 1");
  }

  @Override
  public boolean prune(int step, double best, List<double[]> others) {
    if (!rung(step)) return false;
    double[] at = new double[others.size() + 1];
    int n = 0;
    for (double[] o : others) {
      double b = Pruner.bestUpTo(o, step);
      if (!Double.isNaN(b)) at[n++] = b;
    }
    if (n < minTrials) return false;
    at[n++] = best;
    Arrays.sort(at, 0, n);
    int keep = Math.max(1, n / factor);
    return best > at[keep - 1];
  }

  private boolean rung(int step) {
    long r = minStep;
    while (r < step) r *= factor;
    return r == step;
  }
}
