package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * The arithmetic of {@link Seed12}, organised for speed: features that share a window state are
 * computed in one loop (the close windows of 5, 10 and 20 rows give ma_5, ma_10, ma_20,
 * volatility_5 and volatility_10; rsi and macd share the close changes), and the divisions and
 * roots run in separate same-index loops that the JIT vectorises. A column is computed by the
 * same code whether it is asked alone or with the others, so its bits never depend on which other
 * columns were asked (columns of a group that were not asked go to scratch arrays).
 *
 * <p>The rolling sums follow {@link RollingWindow}'s scheme (shifted sums, recomputed every
 * {@link RollingWindow#PERIOD} rows and whenever the accumulated rounding could reach 1e-11 of
 * the value); the first rows of each window are computed directly. Rows before a feature's first
 * value are 0, as are 0/0 values, by the set's definition. Inputs must be finite with positive
 * prices and non-negative volumes (validated bars), so no other non-finite value can arise.
 * Stateless; thread-safe.
 */
final class Seed12Kernel {

  static final int PRICE_CHANGE = 0;
  static final int HIGH_LOW_RATIO = 1;
  static final int OPEN_CLOSE_RATIO = 2;
  static final int MA_5 = 3;
  static final int MA_10 = 4;
  static final int MA_20 = 5;
  static final int VOLATILITY_5 = 6;
  static final int VOLATILITY_10 = 7;
  static final int VOLUME_MA_5 = 8;
  static final int VOLUME_RATIO = 9;
  static final int RSI = 10;
  static final int MACD = 11;
  static final int COLUMNS = 12;

  private static final int RSI_WINDOW = 14;
  /** The first row at which all of the 5-, 10- and 20-row close windows roll. */
  private static final int CLOSE_WINDOWS_ROLL_FROM = 20;
  /** The first row at which the 14-row RSI window drops a real change (row 15 drops row 1's). */
  private static final int RSI_ROLL_FROM = RSI_WINDOW + 1;

  private Seed12Kernel() {}

  /** Writes every non-null column of {@code out} (indexed by the constants above). */
  static void compute(Bars bars, double[][] out) {
    double[] c = bars.close();
    if (out[PRICE_CHANGE] != null) priceChange(c, out[PRICE_CHANGE]);
    if (out[HIGH_LOW_RATIO] != null) ratio(bars.high(), bars.low(), out[HIGH_LOW_RATIO]);
    if (out[OPEN_CLOSE_RATIO] != null) ratio(bars.open(), c, out[OPEN_CLOSE_RATIO]);
    if (any(out, MA_5, MA_10, MA_20, VOLATILITY_5, VOLATILITY_10)) {
      closeWindows(c, orScratch(out[MA_5], c), orScratch(out[MA_10], c), orScratch(out[MA_20], c),
          orScratch(out[VOLATILITY_5], c), orScratch(out[VOLATILITY_10], c));
    }
    if (any(out, VOLUME_MA_5, VOLUME_RATIO)) {
      double[] v = bars.volume();
      double[] mean = orScratch(out[VOLUME_MA_5], v);
      volumeMean(v, mean);
      if (out[VOLUME_RATIO] != null) volumeRatio(v, mean, out[VOLUME_RATIO]);
    }
    if (any(out, RSI, MACD)) rsiAndMacd(c, orScratch(out[RSI], c), orScratch(out[MACD], c));
  }

  private static boolean any(double[][] out, int... columns) {
    for (int j : columns) if (out[j] != null) return true;
    return false;
  }

  private static double[] orScratch(double[] column, double[] like) {
    return column != null ? column : new double[like.length];
  }

  /**
   * {@code (c[i] - c[i-1]) / c[i-1]}, the exact value of pct_change rounded once; row 0 is 0. The
   * previous close is first copied into the output so the division loop reads one index only.
   */
  static void priceChange(double[] c, double[] out) {
    final int len = c.length;
    if (len == 0) return;
    System.arraycopy(c, 0, out, 1, len - 1);
    out[0] = c[0];
    for (int i = 0; i < len; i++) out[i] = (c[i] - out[i]) / out[i];
  }

  static void ratio(double[] numerator, double[] denominator, double[] out) {
    for (int i = 0; i < out.length; i++) out[i] = numerator[i] / denominator[i];
  }

  /**
   * ma_5, ma_10, ma_20 (means) and volatility_5, volatility_10 (sample standard deviations) of
   * the close. The 5- and 10-row windows keep shifted sums s1, s2 about a reference q near their
   * mean, giving the mean {@code q + s1/n} and the variance {@code (s2 - s1^2/n)/(n-1)}; the
   * 20-row window keeps s1 only. Scheduled recomputes sum the window that ends on the row before,
   * which the row then rolls forward, so the inner loop holds no schedule test.
   */
  static void closeWindows(double[] c, double[] ma5, double[] ma10, double[] ma20, double[] vol5, double[] vol10) {
    final int len = c.length;
    Arrays.fill(ma5, 0, Math.min(4, len), 0.0);
    Arrays.fill(vol5, 0, Math.min(4, len), 0.0);
    Arrays.fill(ma10, 0, Math.min(9, len), 0.0);
    Arrays.fill(vol10, 0, Math.min(9, len), 0.0);
    Arrays.fill(ma20, 0, Math.min(19, len), 0.0);
    final double inv5 = 1.0 / 5;
    final double inv10 = 1.0 / 10;
    final double inv20 = 1.0 / 20;
    final double guard = RollingWindow.GUARD;
    final int period = RollingWindow.PERIOD;
    // first rows: every window is summed directly (vol5, vol10 hold n * variance until the end)
    final int rollFrom = Math.min(CLOSE_WINDOWS_ROLL_FROM, len);
    for (int i = 4; i < rollFrom; i++) {
      double q = WindowSums.reference(c, i, 5, inv5);
      double a = WindowSums.deviations(c, i, 5, q);
      ma5[i] = q + a * inv5;
      vol5[i] = WindowSums.squares(c, i, 5, q) - a * (a * inv5);
      if (i >= 9) {
        q = WindowSums.reference(c, i, 10, inv10);
        a = WindowSums.deviations(c, i, 10, q);
        ma10[i] = q + a * inv10;
        vol10[i] = WindowSums.squares(c, i, 10, q) - a * (a * inv10);
      }
      if (i >= 19) ma20[i] = c[i] + WindowSums.deviations(c, i, 20, c[i]) * inv20;
    }
    double q5 = 0;
    double a5 = 0;
    double b5 = 0;
    double acc5 = 0;
    double q10 = 0;
    double a10 = 0;
    double b10 = 0;
    double acc10 = 0;
    double r20 = 0;
    double a20 = 0;
    int next5 = rollFrom;
    int next10 = rollFrom;
    int next20 = rollFrom;
    int i = rollFrom;
    while (i < len) {
      if (i == next5) {
        q5 = WindowSums.reference(c, i - 1, 5, inv5);
        a5 = WindowSums.deviations(c, i - 1, 5, q5);
        b5 = WindowSums.squares(c, i - 1, 5, q5);
        acc5 = b5;
        next5 = i + period;
      }
      if (i == next10) {
        q10 = WindowSums.reference(c, i - 1, 10, inv10);
        a10 = WindowSums.deviations(c, i - 1, 10, q10);
        b10 = WindowSums.squares(c, i - 1, 10, q10);
        acc10 = b10;
        next10 = i + period;
      }
      if (i == next20) {
        r20 = c[i - 1];
        a20 = WindowSums.deviations(c, i - 1, 20, r20);
        next20 = i + RollingWindow.MEAN_PERIOD;
      }
      final int end = Math.min(Math.min(next5, next10), Math.min(next20, len));
      for (; i < end; i++) {
        final double ci = c[i];
        {
          final double a = ci - q5;
          final double b = c[i - 5] - q5;
          final double t = a - b;
          a5 += t;
          b5 += t * (a + b);
          acc5 += b5;
          double m = b5 - a5 * (a5 * inv5);
          if (m < guard * acc5) {
            q5 = WindowSums.reference(c, i, 5, inv5);
            a5 = WindowSums.deviations(c, i, 5, q5);
            b5 = WindowSums.squares(c, i, 5, q5);
            acc5 = b5;
            m = b5 - a5 * (a5 * inv5);
            next5 = i + period;
          }
          ma5[i] = q5 + a5 * inv5;
          vol5[i] = m;
        }
        {
          final double a = ci - q10;
          final double b = c[i - 10] - q10;
          final double t = a - b;
          a10 += t;
          b10 += t * (a + b);
          acc10 += b10;
          double m = b10 - a10 * (a10 * inv10);
          if (m < guard * acc10) {
            q10 = WindowSums.reference(c, i, 10, inv10);
            a10 = WindowSums.deviations(c, i, 10, q10);
            b10 = WindowSums.squares(c, i, 10, q10);
            acc10 = b10;
            m = b10 - a10 * (a10 * inv10);
            next10 = i + period;
          }
          ma10[i] = q10 + a10 * inv10;
          vol10[i] = m;
        }
        a20 += ci - c[i - 20];
        ma20[i] = r20 + a20 * inv20;
      }
    }
    final double dof5 = 1.0 / 4;
    final double dof10 = 1.0 / 9;
    for (int k = 0; k < len; k++) vol5[k] = Math.sqrt(Math.max(vol5[k], 0.0) * dof5);
    for (int k = 0; k < len; k++) vol10[k] = Math.sqrt(Math.max(vol10[k], 0.0) * dof10);
  }

  /**
   * volume_ma_5: the 5-row sum of volumes (unshifted: volumes are non-negative and a window of
   * zero volumes must give exactly 0), recomputed on schedule and whenever it becomes small
   * against the sums it was rolled through.
   */
  static void volumeMean(double[] v, double[] out) {
    final int len = v.length;
    Arrays.fill(out, 0, Math.min(4, len), 0.0);
    if (len < 5) return;
    final double inv5 = 1.0 / 5;
    final double guard = RollingWindow.SUM_GUARD;
    double s = 0;
    double acc = 0;
    int next = 4;
    int i = 4;
    while (i < len) {
      if (i == next) {
        s = WindowSums.plain(v, i, 5);
        acc = s;
        out[i] = s * inv5;
        next = i + RollingWindow.PERIOD;
        i++;
      }
      final int end = Math.min(next, len);
      for (; i < end; i++) {
        s += v[i] - v[i - 5];
        acc += s;
        if (s < guard * acc) {
          s = WindowSums.plain(v, i, 5);
          acc = s;
          next = i + RollingWindow.PERIOD;
        }
        out[i] = s * inv5;
      }
    }
  }

  /** {@code v[i] / volume_ma_5[i]}; 0/0 (five zero volumes) and the warm-up rows are 0. */
  static void volumeRatio(double[] v, double[] mean, double[] out) {
    final int len = v.length;
    Arrays.fill(out, 0, Math.min(4, len), 0.0);
    // a zero mean means five zero volumes: 0 / MIN_VALUE = 0, the zero-filled 0/0
    for (int i = 4; i < len; i++) out[i] = v[i] / Math.max(mean[i], Double.MIN_VALUE);
  }

  /**
   * rsi and macd. RSI: with G and L the 14-row sums of gains and losses, {@code 100 - 100/(1 +
   * G/L) = 100 G / (G + L) = 50 (A + D) / A} where A is the 14-row sum of absolute changes and
   * D the sum of the changes, {@code c[i] - c[i-14]} (telescoped; row 0's change counts as 0, so
   * D = c[13] - c[0] at row 13). A rolls with the same guard as a sum of non-negative values and
   * also recomputes when G or L becomes small against its rounding, so a window without gains
   * gives exactly 0. MACD: {@link Smoothing}'s EMA deviations.
   */
  static void rsiAndMacd(double[] c, double[] rsi, double[] macd) {
    final int len = c.length;
    if (len == 0) return;
    Arrays.fill(rsi, 0, Math.min(RSI_WINDOW - 1, len), 0.0);
    final double keepFast = 1.0 - Smoothing.alpha(12);
    final double keepSlow = 1.0 - Smoothing.alpha(26);
    final double guard = RollingWindow.SUM_GUARD;
    final int period = RollingWindow.PERIOD;
    double fast = 0;
    double slow = 0;
    macd[0] = 0.0;
    final int rollFrom = Math.min(RSI_ROLL_FROM, len);
    for (int i = 1; i < rollFrom; i++) {
      final double step = c[i] - c[i - 1];
      fast = keepFast * (fast - step);
      slow = keepSlow * (slow - step);
      macd[i] = fast - slow;
      if (i >= RSI_WINDOW - 1) {
        final double sum = WindowSums.absoluteChanges(c, i, RSI_WINDOW);
        final double d = c[i] - c[Math.max(i - RSI_WINDOW, 0)];
        rsi[i] = 50.0 * (sum + d) / Math.max(sum, Double.MIN_VALUE);
      }
    }
    double sum = 0;
    double acc = 0;
    int next = rollFrom;
    int i = rollFrom;
    while (i < len) {
      if (i == next) {
        sum = WindowSums.absoluteChanges(c, i - 1, RSI_WINDOW);
        acc = sum;
        next = i + period;
      }
      final int end = Math.min(next, len);
      for (; i < end; i++) {
        final double ci = c[i];
        final double back = c[i - RSI_WINDOW];
        final double step = ci - c[i - 1];
        fast = keepFast * (fast - step);
        slow = keepSlow * (slow - step);
        macd[i] = fast - slow;

        final double d = ci - back;
        sum += Math.abs(step) - Math.abs(back - c[i - RSI_WINDOW - 1]);
        acc += sum;
        final double limit = guard * acc;
        if (sum + d < limit || sum - d < limit) {
          sum = WindowSums.absoluteChanges(c, i, RSI_WINDOW);
          acc = sum;
          next = i + period;
        }
        // a window without change has sum = d = 0: 0 / MIN_VALUE = 0, the zero-filled 0/0
        rsi[i] = 50.0 * (sum + d) / Math.max(sum, Double.MIN_VALUE);
      }
    }
  }
}
