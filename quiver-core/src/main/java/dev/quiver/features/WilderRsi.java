package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code rsi_N}: Wilder's relative strength index (TA-Lib's RSI). With the close changes
 * {@code d[i] = c[i] - c[i-1]} from row 1, gain {@code max(d, 0)} and loss {@code max(-d, 0)}:
 * the average gain and loss at row N are the means of the first N gains and losses (rows
 * 1..N), then {@code avg[i] = (avg[i-1] * (N-1) + x[i]) / N}. {@code RSI = 100 - 100/(1 +
 * avgGain/avgLoss)}, computed as {@code 100 avgGain / (avgGain + avgLoss)}: 100 when the average
 * loss is 0 and the average gain is not; NaN when both are 0 (no move since the seed window).
 * Rows 0..N-1 are NaN. (ta4j's RSIIndicator seeds its averages with row 0 instead, so it agrees
 * once the seed has decayed, and gives 0 where this gives NaN.) Thread-safe.
 */
public record WilderRsi(int window) implements Feature {

  public WilderRsi {
    if (window < 1) throw new IllegalArgumentException("rsi window must be >= 1, got " + window);
  }

  @Override
  public String name() {
    return "rsi_" + window;
  }

  @Override
  public int lookback() {
    return window;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    int len = c.length;
    Arrays.fill(out, Double.NaN);
    if (window >= len) return;
    double[] gain = new double[len];
    double[] loss = new double[len];
    for (int i = 1; i < len; i++) {
      double d = c[i] - c[i - 1];
      gain[i] = Math.max(d, 0.0);
      loss[i] = Math.max(-d, 0.0);
    }
    Smoothing.wilder(gain, window, gain);
    Smoothing.wilder(loss, window, loss);
    for (int i = window; i < len; i++) out[i] = 100.0 * gain[i] / (gain[i] + loss[i]);
  }
}
