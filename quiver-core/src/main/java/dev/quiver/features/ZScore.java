package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code zscore_N}: {@code (close - sma_N) / s} with s the SAMPLE standard deviation (ddof=1)
 * of the last N closes, i.e. pandas {@code (c - c.rolling(N).mean()) / c.rolling(N).std()}.
 * Rows 0..N-2 are NaN, and so is a flat window (s = 0). Requires N >= 2. Thread-safe.
 */
public record ZScore(int window) implements Feature {

  public ZScore {
    if (window < 2) throw new IllegalArgumentException("zscore window must be >= 2, got " + window);
  }

  @Override
  public String name() {
    return "zscore_" + window;
  }

  @Override
  public int lookback() {
    return window - 1;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    zscore(bars.close(), window, out);
  }

  static void zscore(double[] x, int window, double[] out) {
    Arrays.fill(out, Double.NaN);
    double[] dev = new double[x.length];
    double[] sd = new double[x.length];
    RollingWindow.std(x, 0, window, 1, dev, sd);
    for (int i = window - 1; i < x.length; i++) out[i] = dev[i] / sd[i];
  }
}
