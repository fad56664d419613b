package dev.quiver.features;

import dev.quiver.data.Bars;

/**
 * {@code macd_line}, {@code macd_signal}, {@code macd_hist}: MACD 12/26/9 on the EMAs of
 * {@link Ema} (seeded with the first close, defined from row 0). Line = EMA12 - EMA26 of the
 * close; signal = EMA9 of the line seeded with the line's first value (0 at row 0); histogram =
 * line - signal. This is pandas' {@code ewm(adjust=False)} convention and ta4j's MACDIndicator;
 * TA-Lib seeds each EMA with an SMA and starts later. Thread-safe.
 */
public record Macd(Output output) implements Feature {

  /** Which MACD series. */
  public enum Output {
    LINE("macd_line"),
    SIGNAL("macd_signal"),
    HIST("macd_hist");

    private final String featureName;

    Output(String featureName) {
      this.featureName = featureName;
    }

    public String featureName() {
      return featureName;
    }
  }

  public static final int FAST = 12;
  public static final int SLOW = 26;
  public static final int SIGNAL_SPAN = 9;

  public Macd {
    java.util.Objects.requireNonNull(output, "output");
  }

  @Override
  public String name() {
    return output.featureName();
  }

  @Override
  public int lookback() {
    return 0;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    if (output == Output.LINE) {
      Smoothing.emaDifference(c, FAST, SLOW, out);
      return;
    }
    double[] line = new double[c.length];
    Smoothing.emaDifference(c, FAST, SLOW, line);
    Smoothing.ema(line, SIGNAL_SPAN, out);
    if (output == Output.HIST) for (int i = 0; i < c.length; i++) out[i] = line[i] - out[i];
  }
}
