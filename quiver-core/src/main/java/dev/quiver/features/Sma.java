package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code sma_N}: the mean of the last N closes (a full window: rows 0..N-2 are NaN), pandas'
 * {@code close.rolling(N).mean()} and TA-Lib's SMA. Thread-safe.
 */
public record Sma(int window) implements Feature {

  public Sma {
    if (window < 1) throw new IllegalArgumentException("sma window must be >= 1, got " + window);
  }

  @Override
  public String name() {
    return "sma_" + window;
  }

  @Override
  public int lookback() {
    return window - 1;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    Arrays.fill(out, Double.NaN);
    RollingWindow.mean(bars.close(), 0, window, out);
  }
}
