package dev.quiver.features;

/**
 * Full-window rolling statistics over one column, O(1) amortised a row, accurate to about
 * 1e-11 relative of the exact statistic of each window.
 *
 * <p>A window ending at row {@code i} covers rows {@code i-n+1..i}; a row gets a value once a
 * full window of rows at or after {@code first} exists, so rows before {@code first + n - 1}
 * are left untouched. Inputs must be finite (validated bars).
 *
 * <p>Sums are kept as deviations from a reference {@code r} near the window mean (shifted
 * sums), so rounding is relative to the window's own spread and not to the price level. The
 * sums are recomputed from the window and {@code r} moved to its mean ({@link WindowSums}) every
 * {@link #PERIOD} rows or 2n, whichever is more, and early whenever the rounding the rolling
 * updates may have accumulated since the last recompute could exceed 1e-11 of the statistic
 * ({@link #GUARD}): a quiet window after a violent one is recomputed rather than read off a
 * cancelled difference, and a window whose values are all equal gets a spread of exactly 0. The
 * schedule depends only on the row index and on rows up to the current one: causal.
 *
 * <p>Stateless; safe to call from many threads on different output arrays.
 */
final class RollingWindow {

  /**
   * Recompute when the variance numerator m2 (n times the biased variance) falls below this
   * share of {@code acc}, the sum of the rolling second-moment sums s2 since the last recompute.
   * Each rolling update rounds a few times, each by at most 2^-53 of a quantity bounded by that
   * row's s2, so m2 = s2 - s1^2/n is off by less than about 12 * 2^-53 * acc = 1.3e-15 * acc;
   * keeping m2 >= 1.5e-4 * acc holds its relative error under 1e-11 (and a root's under 5e-12).
   */
  static final double GUARD = 1.5e-4;

  /** The same bound for a rolling sum of non-negative values, whose error stays below 3 * 2^-53 * acc. */
  static final double SUM_GUARD = 4e-5;

  /** Rows between scheduled recomputes of the variance sums, at least. */
  static final int PERIOD = 64;

  /** Rows between recomputes of a rolling mean, at least: its error is relative to the level. */
  static final int MEAN_PERIOD = 1024;

  private RollingWindow() {}

  /** {@code out[i]} = mean of {@code x[i-n+1..i]}, for series whose mean is far from 0 (prices). */
  static void mean(double[] x, int first, int n, double[] out) {
    final int len = x.length;
    final double invN = 1.0 / n;
    final int period = Math.max(MEAN_PERIOD, n);
    for (int start = first + n - 1; start < len; start += period) {
      final double r = x[start];
      double s = WindowSums.deviations(x, start, n, r);
      out[start] = r + s * invN;
      final int end = Math.min(start + period, len);
      for (int i = start + 1; i < end; i++) {
        s += x[i] - x[i - n];
        out[i] = r + s * invN;
      }
    }
  }

  /**
   * {@code std[i]} = standard deviation of {@code x[i-n+1..i]} with {@code ddof} (0: population,
   * 1: sample), exactly 0 for a flat window; when {@code dev} is not null, {@code dev[i]} =
   * {@code x[i]} minus the window mean, from the shifted sums, so it keeps full precision when x
   * is near its mean. Requires {@code n > ddof}.
   */
  static void std(double[] x, int first, int n, int ddof, double[] dev, double[] std) {
    final int len = x.length;
    final double invN = 1.0 / n;
    final double invDof = 1.0 / (n - ddof);
    final int period = Math.max(PERIOD, 2 * n);
    double r = 0;
    double s1 = 0;
    double s2 = 0;
    double acc = 0;
    int nextAnchor = first + n - 1;
    for (int i = first + n - 1; i < len; i++) {
      double m2 = 0;
      boolean anchor = i == nextAnchor;
      if (!anchor) {
        final double a = x[i] - r;
        final double b = x[i - n] - r;
        final double t = a - b;
        s1 += t;
        s2 += t * (a + b);
        acc += s2;
        m2 = s2 - s1 * (s1 * invN);
        anchor = m2 < GUARD * acc;
      }
      if (anchor) {
        r = WindowSums.reference(x, i, n, invN);
        s1 = WindowSums.deviations(x, i, n, r);
        s2 = WindowSums.squares(x, i, n, r);
        acc = s2;
        m2 = s2 - s1 * (s1 * invN);
        nextAnchor = i + period;
      }
      std[i] = Math.sqrt(Math.max(m2, 0.0) * invDof);
      if (dev != null) dev[i] = (x[i] - r) - s1 * invN;
    }
  }

  /**
   * {@code out[i]} = bias-adjusted sample skewness of {@code x[i-n+1..i]}, as pandas
   * {@code rolling(n).skew()}: {@code sqrt(n(n-1))/(n-2) * m3 / m2^1.5} with the biased central
   * moments m2, m3; NaN when the window's values are all equal. Requires {@code n >= 3}.
   */
  static void skew(double[] x, int first, int n, double[] out) {
    final int len = x.length;
    final double invN = 1.0 / n;
    final double adjust = Math.sqrt((double) n * (n - 1)) / (n - 2);
    final int period = Math.max(PERIOD, 2 * n);
    double r = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double acc = 0;
    int nextAnchor = first + n - 1;
    for (int i = first + n - 1; i < len; i++) {
      double m2n = 0;
      boolean anchor = i == nextAnchor;
      if (!anchor) {
        final double a = x[i] - r;
        final double b = x[i - n] - r;
        s1 += a - b;
        s2 += a * a - b * b;
        s3 += a * a * a - b * b * b;
        acc += s2;
        m2n = s2 - s1 * (s1 * invN);
        anchor = m2n < GUARD * acc;
      }
      if (anchor) {
        r = WindowSums.reference(x, i, n, invN);
        s1 = WindowSums.deviations(x, i, n, r);
        s2 = WindowSums.squares(x, i, n, r);
        s3 = WindowSums.cubes(x, i, n, r);
        acc = s2;
        m2n = s2 - s1 * (s1 * invN);
        nextAnchor = i + period;
      }
      if (m2n > 0) {
        final double mu = s1 * invN;
        final double m2 = m2n * invN;
        final double m3 = s3 * invN - 3 * mu * (s2 * invN) + 2 * mu * mu * mu;
        out[i] = adjust * m3 / (m2 * Math.sqrt(m2));
      } else {
        out[i] = Double.NaN;
      }
    }
  }
}
