package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code bb_middle_N}, {@code bb_upper_N}, {@code bb_lower_N}, {@code bb_pctb_N}: Bollinger bands
 * over the last N closes with k = 2 and the POPULATION standard deviation (ddof=0), as Bollinger
 * defined them and as TA-Lib and ta4j compute them: middle = SMA(N), upper/lower = middle +/- 2
 * sigma, %b = (close - lower) / (upper - lower). Rows 0..N-2 are NaN; %b is NaN when the window
 * is flat (upper = lower). Thread-safe.
 */
public record Bollinger(Band band, int window) implements Feature {

  /** Width of the bands in standard deviations. */
  public static final double K = 2.0;

  /** Which Bollinger series. */
  public enum Band {
    MIDDLE("bb_middle"),
    UPPER("bb_upper"),
    LOWER("bb_lower"),
    PCTB("bb_pctb");

    private final String prefix;

    Band(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  public Bollinger {
    java.util.Objects.requireNonNull(band, "band");
    if (window < 1) throw new IllegalArgumentException("bollinger window must be >= 1, got " + window);
  }

  @Override
  public String name() {
    return band.prefix() + "_" + window;
  }

  @Override
  public int lookback() {
    return window - 1;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    Arrays.fill(out, Double.NaN);
    double[] dev = new double[c.length];
    double[] sd = new double[c.length];
    RollingWindow.std(c, 0, window, 0, dev, sd);
    for (int i = window - 1; i < c.length; i++) {
      double middle = c[i] - dev[i];
      out[i] = switch (band) {
        case MIDDLE -> middle;
        case UPPER -> middle + K * sd[i];
        case LOWER -> middle - K * sd[i];
        case PCTB -> (dev[i] + K * sd[i]) / (2 * K * sd[i]);
      };
    }
  }
}
