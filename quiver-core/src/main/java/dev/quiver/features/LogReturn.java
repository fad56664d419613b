package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code logret_K}: natural-log return of the close over K bars, {@code ln(c[i] / c[i-K])}
 * (computed as {@code log1p((c[i] - c[i-K]) / c[i-K])}, accurate for small moves). Rows 0..K-1
 * are NaN. Thread-safe.
 */
public record LogReturn(int lag) implements Feature {

  public LogReturn {
    if (lag < 1) throw new IllegalArgumentException("return lag must be >= 1, got " + lag);
  }

  @Override
  public String name() {
    return "logret_" + lag;
  }

  @Override
  public int lookback() {
    return lag;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    Arrays.fill(out, 0, Math.min(lag, c.length), Double.NaN);
    for (int i = lag; i < c.length; i++) out[i] = Math.log1p((c[i] - c[i - lag]) / c[i - lag]);
  }
}
