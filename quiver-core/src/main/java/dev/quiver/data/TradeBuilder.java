package dev.quiver.data;

import java.util.Arrays;

/**
 * One symbol's kept trades, aggregated to 1-minute bars at the end: OHLC of the price, the sum
 * of the sizes (NaN when trades have no size), stamped with the minute's open (UTC clock
 * minutes); minutes without trades get no bar. Not thread-safe.
 */
final class TradeBuilder {

  final String symbol;
  long[] time = new long[1024];
  double[] price = new double[1024];
  double[] size = new double[1024];
  int count;
  long lastLine;

  TradeBuilder(String symbol) {
    this.symbol = symbol;
  }

  long lastTime() {
    return time[count - 1];
  }

  void add(long t, double p, double s) {
    if (count == time.length) {
      int n = time.length * 2;
      time = Arrays.copyOf(time, n);
      price = Arrays.copyOf(price, n);
      size = Arrays.copyOf(size, n);
    }
    time[count] = t;
    price[count] = p;
    size[count] = s;
    count++;
  }

  /** Removes the trades at {@code indexes[0, n)} (ascending). */
  void remove(int[] indexes, int n) {
    int w = 0;
    int r = 0;
    for (int i = 0; i < count; i++) {
      if (r < n && indexes[r] == i) {
        r++;
        continue;
      }
      time[w] = time[i];
      price[w] = price[i];
      size[w] = size[i];
      w++;
    }
    count = w;
  }

  SeriesBuilder aggregate() {
    SeriesBuilder bars = new SeriesBuilder(symbol, 0, Math.max(16, count / 8));
    double[] none = new double[0];
    int i = 0;
    while (i < count) {
      long minute = Math.floorDiv(time[i], 60_000L) * 60_000L;
      long next = minute + 60_000L;
      double o = price[i];
      double h = o;
      double l = o;
      double c = o;
      double v = 0;
      for (; i < count && time[i] < next; i++) {
        double p = price[i];
        if (p > h) h = p;
        if (p < l) l = p;
        c = p;
        v += size[i];
      }
      bars.add(minute, o, h, l, c, v, none);
    }
    return bars;
  }
}
