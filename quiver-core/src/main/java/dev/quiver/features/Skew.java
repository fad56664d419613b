package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code skew_N}: skewness of the last N closes, the adjusted Fisher-Pearson sample skewness
 * {@code G1 = sqrt(N(N-1))/(N-2) * m3 / m2^1.5} (m2, m3 the biased central moments), as pandas
 * {@code close.rolling(N).skew()} and Excel's SKEW. Rows 0..N-2 are NaN, and so is a flat
 * window (m2 = 0). Requires N >= 3. Thread-safe.
 */
public record Skew(int window) implements Feature {

  public Skew {
    if (window < 3) throw new IllegalArgumentException("skew window must be >= 3, got " + window);
  }

  @Override
  public String name() {
    return "skew_" + window;
  }

  @Override
  public int lookback() {
    return window - 1;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    Arrays.fill(out, Double.NaN);
    RollingWindow.skew(bars.close(), 0, window, out);
  }
}
