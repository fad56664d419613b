package dev.quiver.eval;

import java.util.Arrays;

/**
 * Information coefficients of predictions against realised forward returns, pooled over all the
 * rows given (for several symbols: one correlation over every row, not a mean of per-timestamp
 * cross-sections). {@link #pearson} is the linear correlation; {@link #spearman} (rank IC) is the
 * Pearson correlation of the ranks, ties taking the average of the ranks they span (1-based),
 * as {@code scipy.stats.spearmanr} and {@code pandas.Series.corr(method="spearman")} do. NaN when
 * fewer than 2 rows or either side is constant. Stateless and thread-safe.
 */
public final class InformationCoefficient {

  private InformationCoefficient() {}

  /** @throws IllegalArgumentException when lengths differ or a value is NaN or infinite */
  public static double pearson(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    if (n < 2) return Double.NaN;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
    }
    double mx = sx / n;
    double my = sy / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) return Double.NaN;
    return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
  }

  /** @throws IllegalArgumentException when lengths differ or a value is NaN or infinite */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    if (x.length < 2) return Double.NaN;
    return pearson(averageRanks(x), averageRanks(y));
  }

  /**
   * 1-based ranks with ties averaged: a value's rank is the mean of the first and last positions
   * its equals occupy in sorted order. {@code -0.0} ties with {@code 0.0}.
   */
  static double[] averageRanks(double[] v) {
    int n = v.length;
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) sorted[i] = v[i] + 0.0;
    Arrays.sort(sorted);
    double[] ranks = new double[n];
    for (int i = 0; i < n; i++) {
      double x = v[i] + 0.0;
      int first = lowerBound(sorted, x);
      int last = lowerBound(sorted, Math.nextUp(x)) - 1;
      ranks[i] = (first + last) / 2.0 + 1;
    }
    return ranks;
  }

  /** The first index whose value is >= x. */
  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length) throw new IllegalArgumentException(x.length + " predictions for " + y.length + " returns");
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("non-finite value at row " + i + ": " + x[i] + ", " + y[i]);
    }
  }
}
