package dev.quiver.tune;

import java.util.Arrays;
import java.util.List;

/**
 * Stops a trial whose best value so far is worse than the median of the other trials' best values
 * up to the same step. Needs {@code minTrials} other trials that reached the step, and never prunes
 * in the first {@code warmup} fraction of steps a finished trial ran (at least step 1 is always
 * run). Values are minimised. Stateless and thread-safe.
 */
public record MedianPruner(int minTrials, double warmup) implements Pruner {

  @Override
  public boolean prune(int step, double best, List<double[]> others) {
    int longest = 0;
    for (double[] o : others) longest = Math.max(longest, o.length);
    if (step <= Math.max(1, (int) Math.ceil(warmup * longest))) return false;
    double[] at = new double[others.size()];
    int n = 0;
    for (double[] o : others) {
      double b = Pruner.bestUpTo(o, step);
      if (!Double.isNaN(b)) at[n++] = b;
    }
    if (n < minTrials) return false;
    Arrays.sort(at, 0, n);
    double median = n % 2 == 1 ? at[n / 2] : 0.5 * (at[n / 2 - 1] + at[n / 2]);
    return best > median;
  }
}
