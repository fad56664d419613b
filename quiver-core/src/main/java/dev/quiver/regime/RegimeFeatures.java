package dev.quiver.regime;

import dev.quiver.data.Bars;

/**
 * The causal inputs of the regime detector, per bar i over a window of {@code w} bars, from close
 * prices only (bar i's values use bars {@code 0..i}):
 * <ul>
 *   <li>{@code return}: {@code ln(close[i] / close[i - w])};</li>
 *   <li>{@code volatility}: population std (ddof 0) of the {@code w} one-bar log returns ending at i;</li>
 *   <li>{@code trend}: {@code ln(close[i] / mean(close[i - w + 1 .. i]))}.</li>
 * </ul>
 * Bars {@code i < w} (not enough history) are NaN, and so is a bar whose window holds a
 * non-finite one-bar return; closes are expected positive and finite, as validated bars are. Column {@link #VOLATILITY} orders regimes. Stateless and thread-safe.
 */
public final class RegimeFeatures {

  public static final int RETURN = 0;
  public static final int VOLATILITY = 1;
  public static final int TREND = 2;
  public static final int COUNT = 3;

  private RegimeFeatures() {}

  /** Row-major {@code [bar][feature]} features of every bar; O(n) with running sums. */
  public static double[][] compute(Bars bars, int window) {
    if (window < 2) throw new IllegalArgumentException("regime window must be at least 2 bars, got " + window);
    double[] c = bars.close();
    int n = c.length;
    double[][] out = new double[n][COUNT];
    double sumR = 0;
    double sumR2 = 0;
    double sumC = 0;
    int bad = 0;
    for (int i = 0; i < n; i++) {
      double r = i > 0 ? Math.log(c[i] / c[i - 1]) : Double.NaN;
      // r_i enters the window of one-bar returns; r_{i-w} leaves it
      if (i > 0) {
        if (Double.isFinite(r)) {
          sumR += r;
          sumR2 += r * r;
        } else bad++;
      }
      if (i > window) {
        double old = Math.log(c[i - window] / c[i - window - 1]);
        if (Double.isFinite(old)) {
          sumR -= old;
          sumR2 -= old * old;
        } else bad--;
      }
      sumC += c[i];
      if (i >= window) sumC -= c[i - window];
      if (i < window || bad > 0 || !(c[i] > 0) || !(c[i - window] > 0)) {
        out[i][RETURN] = Double.NaN;
        out[i][VOLATILITY] = Double.NaN;
        out[i][TREND] = Double.NaN;
        continue;
      }
      double mean = sumR / window;
      out[i][RETURN] = Math.log(c[i] / c[i - window]);
      out[i][VOLATILITY] = Math.sqrt(Math.max(0, sumR2 / window - mean * mean));
      out[i][TREND] = Math.log(c[i] / (sumC / window));
    }
    return out;
  }
}
