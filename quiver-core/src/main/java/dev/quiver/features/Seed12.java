package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.List;

/**
 * The set {@code seed12}: the twelve features of the reference trainer, defined by its pandas
 * code on one symbol's bars in time order ({@code c} close, {@code v} volume):
 *
 * <pre>
 * price_change     = c.pct_change()                      c[i]/c[i-1] - 1
 * high_low_ratio   = high / low
 * open_close_ratio = open / c
 * ma_5, ma_10, ma_20 = c.rolling(n).mean()               full window needed
 * volatility_5, volatility_10 = c.rolling(n).std()       sample std (ddof=1) of CLOSE
 * volume_ma_5      = v.rolling(5).mean()
 * volume_ratio     = v / volume_ma_5
 * rsi: delta = c.diff(); gain = delta.where(delta > 0, 0).rolling(14).mean()
 *      loss = (-delta.where(delta < 0, 0)).rolling(14).mean(); rsi = 100 - 100/(1 + gain/loss)
 *      (delta[0] is NaN and where() makes it 0, so the first RSI is at row 13)
 * macd = c.ewm(span=12, adjust=False).mean() - c.ewm(span=26, adjust=False).mean()
 * </pre>
 *
 * then every NaN or infinite value becomes 0. That zero-fill is part of this set's definition and
 * is applied inside each feature here: warm-up rows hold 0, not NaN ({@link Feature#lookback()}
 * still says where real values start); RSI is 100 when a window has gains and no losses and 0
 * when it has no change; volume_ratio is 0 over five zero volumes.
 *
 * <p>Values equal the exact (real-arithmetic) value of these definitions on the double inputs to
 * within 1e-9 relative, and an exact 0 is computed as 0 (measured on all 144,000 futures bars
 * against a BigDecimal evaluation: at most 1.7e-11, at macd zero crossings); pandas itself strays
 * up to 5e-6 on the rolling std. The rolling std is of the close price, as specified, not of
 * {@code price_change}. Inputs must be validated bars: finite, positive prices, non-negative
 * volumes (then no other NaN or infinity can arise). {@code Seed12Kernel} says how.
 * Stateless and thread-safe.
 */
public final class Seed12 {

  /** The set's name in a feature spec. */
  public static final String SET_NAME = "seed12";

  private static final List<Feature> FEATURES = List.of(
      new Definition("price_change", 1, false, Seed12Kernel.PRICE_CHANGE),
      new Definition("high_low_ratio", 0, false, Seed12Kernel.HIGH_LOW_RATIO),
      new Definition("open_close_ratio", 0, false, Seed12Kernel.OPEN_CLOSE_RATIO),
      new Definition("ma_5", 4, false, Seed12Kernel.MA_5),
      new Definition("ma_10", 9, false, Seed12Kernel.MA_10),
      new Definition("ma_20", 19, false, Seed12Kernel.MA_20),
      new Definition("volatility_5", 4, false, Seed12Kernel.VOLATILITY_5),
      new Definition("volatility_10", 9, false, Seed12Kernel.VOLATILITY_10),
      new Definition("volume_ma_5", 4, true, Seed12Kernel.VOLUME_MA_5),
      new Definition("volume_ratio", 4, true, Seed12Kernel.VOLUME_RATIO),
      new Definition("rsi", 13, false, Seed12Kernel.RSI),
      new Definition("macd", 0, false, Seed12Kernel.MACD));

  private Seed12() {}

  /** The twelve features in the reference trainer's column order. */
  public static List<Feature> features() {
    return FEATURES;
  }

  /** The kernel column of a seed12 feature, or -1 when {@code f} is not one. */
  static int column(Feature f) {
    return f instanceof Definition d ? d.column() : -1;
  }

  /**
   * One seed12 column. {@link #lookback()} is the first row of a real value; the rows before it
   * hold 0 by the set's definition. Computing several together ({@link FeatureSet#compute})
   * gives the same bits as computing each alone.
   */
  private record Definition(String name, int lookback, boolean readsVolume, int column) implements Feature {

    @Override
    public void compute(Bars bars, double[] out) {
      double[][] columns = new double[Seed12Kernel.COLUMNS][];
      columns[column] = out;
      Seed12Kernel.compute(bars, columns);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
