package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code ret_K}: simple return of the close over K bars, {@code c[i] / c[i-K] - 1} (computed as
 * {@code (c[i] - c[i-K]) / c[i-K]}, which rounds once). Rows 0..K-1 are NaN. Thread-safe.
 */
public record SimpleReturn(int lag) implements Feature {

  public SimpleReturn {
    if (lag < 1) throw new IllegalArgumentException("return lag must be >= 1, got " + lag);
  }

  @Override
  public String name() {
    return "ret_" + lag;
  }

  @Override
  public int lookback() {
    return lag;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    Arrays.fill(out, 0, Math.min(lag, c.length), Double.NaN);
    for (int i = lag; i < c.length; i++) out[i] = (c[i] - c[i - lag]) / c[i - lag];
  }
}
