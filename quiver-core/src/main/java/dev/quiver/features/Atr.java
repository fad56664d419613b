package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code atr_N}: Wilder's average true range (TA-Lib's ATR). True range from row 1: {@code
 * TR[i] = max(high[i] - low[i], |high[i] - close[i-1]|, |low[i] - close[i-1]|)}; ATR at row N
 * is the mean of TR[1..N], then {@code atr[i] = (atr[i-1] * (N-1) + TR[i]) / N}. Rows 0..N-1
 * are NaN. (ta4j's ATRIndicator seeds with row 0's high - low instead and agrees once that seed
 * has decayed.) Thread-safe.
 */
public record Atr(int window) implements Feature {

  public Atr {
    if (window < 1) throw new IllegalArgumentException("atr window must be >= 1, got " + window);
  }

  @Override
  public String name() {
    return "atr_" + window;
  }

  @Override
  public int lookback() {
    return window;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] h = bars.high();
    double[] l = bars.low();
    double[] c = bars.close();
    int len = c.length;
    Arrays.fill(out, Double.NaN);
    if (window >= len) return;
    double[] tr = new double[len];
    for (int i = 1; i < len; i++) {
      tr[i] = Math.max(h[i] - l[i], Math.max(Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1])));
    }
    Smoothing.wilder(tr, window, out);
  }
}
