package dev.quiver.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Growing columns of one symbol's kept bars. Not thread-safe. */
final class SeriesBuilder {

  final String symbol;
  long[] time;
  double[] open;
  double[] high;
  double[] low;
  double[] close;
  double[] volume;
  final double[][] extras;
  int size;
  /** Line of the last kept row, for messages about the rows after it. */
  long lastLine;

  SeriesBuilder(String symbol, int extraCount, int capacity) {
    this.symbol = symbol;
    time = new long[capacity];
    open = new double[capacity];
    high = new double[capacity];
    low = new double[capacity];
    close = new double[capacity];
    volume = new double[capacity];
    extras = new double[extraCount][capacity];
  }

  long lastTime() {
    return time[size - 1];
  }

  void add(long t, double o, double h, double l, double c, double v, double[] ex) {
    if (size == time.length) grow();
    time[size] = t;
    open[size] = o;
    high[size] = h;
    low[size] = l;
    close[size] = c;
    volume[size] = v;
    for (int k = 0; k < extras.length; k++) extras[k][size] = ex[k];
    size++;
  }

  private void grow() {
    int n = Math.max(16, time.length * 2);
    time = Arrays.copyOf(time, n);
    open = Arrays.copyOf(open, n);
    high = Arrays.copyOf(high, n);
    low = Arrays.copyOf(low, n);
    close = Arrays.copyOf(close, n);
    volume = Arrays.copyOf(volume, n);
    for (int k = 0; k < extras.length; k++) extras[k] = Arrays.copyOf(extras[k], n);
  }

  /** Removes the rows at {@code indexes[0, n)} (ascending). */
  void remove(int[] indexes, int n) {
    if (n == 0) return;
    int w = 0;
    int r = 0;
    for (int i = 0; i < size; i++) {
      if (r < n && indexes[r] == i) {
        r++;
        continue;
      }
      time[w] = time[i];
      open[w] = open[i];
      high[w] = high[i];
      low[w] = low[i];
      close[w] = close[i];
      volume[w] = volume[i];
      for (double[] x : extras) x[w] = x[i];
      w++;
    }
    size = w;
  }

  Bars build(Timeframe timeframe, List<String> extraNames) {
    Map<String, double[]> ex = new LinkedHashMap<>();
    for (int k = 0; k < extras.length; k++) ex.put(extraNames.get(k), trim(extras[k]));
    return new Bars(symbol, timeframe, time.length == size ? time : Arrays.copyOf(time, size), trim(open), trim(high),
        trim(low), trim(close), trim(volume), ex);
  }

  private double[] trim(double[] a) {
    return a.length == size ? a : Arrays.copyOf(a, size);
  }
}
