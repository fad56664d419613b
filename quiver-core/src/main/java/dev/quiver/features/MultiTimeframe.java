package dev.quiver.features;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins features of higher-timeframe bars onto base bars as of availability: a higher bar's
 * values become known at its CLOSE time ({@code open + timeframe}), so base row i gets the
 * values of the last higher bar whose close time is {@code <=} base bar i's close time, and NaN
 * while there is none yet. The joined columns are named {@code <feature>@<timeframe>}, e.g.
 * {@code rsi_14@5m}, and follow the base columns, timeframes in ascending order.
 *
 * <p>The higher bars must be complete bars aggregated from the same symbol's base bars (a
 * trailing incomplete bucket closes after the last base bar, so it is never joined anyway).
 * Then row i reads only base bars 0..i: causal. Stateless and thread-safe.
 */
public final class MultiTimeframe {

  private MultiTimeframe() {}

  /**
   * Base features followed by {@code set}'s features of every higher timeframe in {@code
   * higher}, joined as of close time. A timeframe not longer than the base's is bad input.
   */
  public static FeatureFrame join(Bars base, FeatureFrame baseFeatures, Map<Timeframe, Bars> higher, FeatureSet set) {
    if (baseFeatures.rows() != base.size()) {
      throw new InternalException("base features have " + baseFeatures.rows() + " rows for " + base.size() + " bars of " + base.symbol());
    }
    List<String> names = new ArrayList<>(baseFeatures.names());
    List<double[]> columns = new ArrayList<>(baseFeatures.columns());
    for (Map.Entry<Timeframe, Bars> e : new TreeMap<>(higher).entrySet()) {
      Timeframe tf = e.getKey();
      Bars bars = e.getValue();
      if (tf.millis() <= base.timeframe().millis()) {
        throw new BadInputException(Where.none(), "timeframe " + tf + " is not longer than the base timeframe " + base.timeframe(),
            "join only timeframes longer than " + base.timeframe());
      }
      if (bars.timeframe() != tf || !bars.symbol().equals(base.symbol())) {
        throw new InternalException("bars " + bars + " given as " + tf + " bars of " + base.symbol());
      }
      int[] source = asOf(base, bars);
      FeatureFrame hf = set.compute(bars);
      for (int j = 0; j < hf.names().size(); j++) {
        double[] from = hf.columns().get(j);
        double[] to = new double[base.size()];
        for (int i = 0; i < to.length; i++) to[i] = source[i] < 0 ? Double.NaN : from[source[i]];
        names.add(hf.names().get(j) + "@" + tf.label());
        columns.add(to);
      }
    }
    return new FeatureFrame(base.symbol(), base.time(), names, columns);
  }

  /**
   * For each base row, the index of the last higher bar whose close time is at or before the
   * base bar's close time, or -1. Both series are in strictly increasing time order.
   */
  static int[] asOf(Bars base, Bars higher) {
    long[] bt = base.time();
    long[] ht = higher.time();
    long baseLength = base.timeframe().millis();
    long higherLength = higher.timeframe().millis();
    int[] out = new int[bt.length];
    int k = -1;
    for (int i = 0; i < bt.length; i++) {
      long closes = bt[i] + baseLength;
      while (k + 1 < ht.length && ht[k + 1] + higherLength <= closes) k++;
      out[i] = k;
    }
    return out;
  }
}
