package dev.quiver.eval;

/**
 * Information coefficients of predictions against realised forward returns, pooled over all the
 * rows given (for several symbols: one correlation over every row, not a mean of per-timestamp
 * cross-sections). {@link #pearson} is the linear correlation; {@link #spearman} (rank IC) is the
 * Pearson correlation of the ranks, ties taking the average of the ranks they span (1-based),
 * as {@code scipy.stats.spearmanr} and {@code pandas.Series.corr(method="spearman")} do. NaN when
 * fewer than 2 rows or either side is constant. Stateless and thread-safe.
 */
public final class InformationCoefficient {

  private static final int DIGIT_BITS = 11;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final long MASK = RADIX - 1;

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
   * its equals occupy in sorted order. {@code -0.0} ties with {@code 0.0}. The values are sorted
   * with their row numbers by an LSD radix sort on order-preserving 64-bit keys (11 bits a pass,
   * passes whose digit is the same for every key skipped): linear time and sequential memory
   * access, where a comparison sort of indices would chase pointers.
   */
  static double[] averageRanks(double[] v) {
    int n = v.length;
    long[] keys = new long[n];
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(v[i] + 0.0);
      keys[i] = (bits ^ ((bits >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
      rows[i] = i;
    }
    long[] keysOut = new long[n];
    int[] rowsOut = new int[n];
    int[] count = new int[RADIX + 1];
    for (int shift = 0; shift < 64; shift += DIGIT_BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) count[(int) ((keys[i] >>> shift) & MASK) + 1]++;
      if (n > 0 && count[(int) ((keys[0] >>> shift) & MASK) + 1] == n) continue;
      for (int d = 0; d < RADIX; d++) count[d + 1] += count[d];
      for (int i = 0; i < n; i++) {
        int at = count[(int) ((keys[i] >>> shift) & MASK)]++;
        keysOut[at] = keys[i];
        rowsOut[at] = rows[i];
      }
      long[] k = keys;
      keys = keysOut;
      keysOut = k;
      int[] r = rows;
      rows = rowsOut;
      rowsOut = r;
    }
    double[] ranks = new double[n];
    for (int a = 0; a < n; ) {
      int b = a + 1;
      while (b < n && keys[b] == keys[a]) b++;
      double rank = (a + b + 1) / 2.0;
      for (int k = a; k < b; k++) ranks[rows[k]] = rank;
      a = b;
    }
    return ranks;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length) throw new IllegalArgumentException(x.length + " predictions for " + y.length + " returns");
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("non-finite value at row " + i + ": " + x[i] + ", " + y[i]);
    }
  }
}
