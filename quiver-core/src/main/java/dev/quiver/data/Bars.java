package dev.quiver.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One symbol's bars at one timeframe, columnar. {@code time[i]} is bar i's OPEN time in epoch
 * milliseconds UTC; bar i closes at {@code time[i] + timeframe.millis()}. Times strictly
 * increase. {@code volume} is NaN everywhere when the source has no volume ({@link #hasVolume()}).
 * {@code extras} are the source's other numeric columns, in file order, usable as features.
 *
 * <p>The arrays are shared, not copied: treat a Bars as immutable once built.
 */
public record Bars(String symbol, Timeframe timeframe, long[] time, double[] open, double[] high,
    double[] low, double[] close, double[] volume, Map<String, double[]> extras) {

  public Bars {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(timeframe, "timeframe");
    int n = time.length;
    if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
      throw new IllegalArgumentException("all bar columns must have " + n + " rows");
    }
    for (Map.Entry<String, double[]> e : extras.entrySet()) {
      if (e.getValue().length != n) throw new IllegalArgumentException("extra column " + e.getKey() + " must have " + n + " rows");
    }
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  public Bars(String symbol, Timeframe timeframe, long[] time, double[] open, double[] high,
      double[] low, double[] close, double[] volume) {
    this(symbol, timeframe, time, open, high, low, close, volume, Map.of());
  }

  public int size() {
    return time.length;
  }

  /** Close time of bar i in epoch ms: the moment its values become known. */
  public long closeTime(int i) {
    return time[i] + timeframe.millis();
  }

  /** True unless the source had no volume column (then every volume is NaN). */
  public boolean hasVolume() {
    for (double v : volume) if (!Double.isNaN(v)) return true;
    return time.length == 0;
  }

  /** Rows [from, to) as a new Bars sharing no arrays with this one. */
  public Bars slice(int from, int to) {
    Map<String, double[]> ex = new LinkedHashMap<>();
    extras.forEach((k, v) -> ex.put(k, java.util.Arrays.copyOfRange(v, from, to)));
    return new Bars(symbol, timeframe, java.util.Arrays.copyOfRange(time, from, to),
        java.util.Arrays.copyOfRange(open, from, to), java.util.Arrays.copyOfRange(high, from, to),
        java.util.Arrays.copyOfRange(low, from, to), java.util.Arrays.copyOfRange(close, from, to),
        java.util.Arrays.copyOfRange(volume, from, to), ex);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Bars b)) return false;
    if (!symbol.equals(b.symbol) || timeframe != b.timeframe || !extras.keySet().equals(b.extras.keySet())) return false;
    for (String k : extras.keySet()) if (!java.util.Arrays.equals(extras.get(k), b.extras.get(k))) return false;
    return java.util.Arrays.equals(time, b.time) && java.util.Arrays.equals(open, b.open)
        && java.util.Arrays.equals(high, b.high) && java.util.Arrays.equals(low, b.low)
        && java.util.Arrays.equals(close, b.close) && java.util.Arrays.equals(volume, b.volume);
  }

  @Override
  public int hashCode() {
    return Objects.hash(symbol, timeframe, java.util.Arrays.hashCode(time), java.util.Arrays.hashCode(close));
  }

  @Override
  public String toString() {
    return "Bars[" + symbol + " " + timeframe + " x" + time.length + "]";
  }
}
