package dev.quiver.features;

import dev.quiver.data.Bars;

/**
 * {@code ema_N}: exponential moving average of the close with {@code alpha = 2/(N+1)}, seeded
 * with the first close and defined from row 0: {@code e[0] = c[0]}, {@code e[i] = (1-alpha)
 * e[i-1] + alpha c[i]}, i.e. pandas {@code close.ewm(span=N, adjust=False).mean()} and ta4j's
 * EMAIndicator. (TA-Lib instead seeds with the SMA of the first N closes.) Thread-safe.
 */
public record Ema(int span) implements Feature {

  public Ema {
    if (span < 1) throw new IllegalArgumentException("ema span must be >= 1, got " + span);
  }

  @Override
  public String name() {
    return "ema_" + span;
  }

  @Override
  public int lookback() {
    return 0;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    Smoothing.emaDeviation(c, span, out);
    for (int i = 0; i < c.length; i++) out[i] += c[i];
  }
}
