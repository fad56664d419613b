package dev.quiver.data;

import dev.quiver.error.BadInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aggregates bars into a coarser timeframe.
 *
 * <p>Buckets: intraday buckets are aligned to the UTC clock ({@code floor(time / length)}); 1d
 * buckets are calendar days of {@link ResampleOptions#sessionZone()}, from local midnight to the
 * next. A bar belongs to the bucket holding its OPEN time, and an output bar is stamped with its
 * bucket's open (for 1d: local midnight, as epoch ms UTC). Values: open of the first bar, max
 * high, min low, close of the last bar, sum of volumes (NaN when the input has no volume),
 * extras: the last bar's value. A bucket no bar falls into gives no bar, so nothing is invented
 * across lunch breaks, nights, weekends or holidays.
 *
 * <p>The trailing bucket is incomplete when the last input bar closes before the bucket ends.
 * It is marked in {@link Resampled#lastIncomplete()} and dropped unless
 * {@link ResampleOptions#includeIncomplete()}. Only the trailing bucket is judged: earlier
 * buckets that a session break leaves partly empty are complete, as no later data can fill
 * them. For 1d buckets of a market that closes before midnight the last day is therefore always
 * incomplete: the data alone cannot tell that its session was over.
 *
 * <p>Stateless and thread-safe.
 */
public final class Resampler {

  private Resampler() {}

  /** {@link #resample(Bars, Timeframe, ResampleOptions)} with {@link ResampleOptions#defaults()}. */
  public static Resampled resample(Bars bars, Timeframe to) {
    return resample(bars, to, ResampleOptions.defaults());
  }

  public static Resampled resample(Bars bars, Timeframe to, ResampleOptions options) {
    Timeframe from = bars.timeframe();
    if (to.millis() < from.millis()) {
      throw new BadInputException(dev.quiver.error.Where.none(),
          "cannot resample " + from + " bars of " + bars.symbol() + " to the finer " + to,
          "choose a timeframe of " + from + " or coarser");
    }
    if (to == from || bars.size() == 0) return new Resampled(new Bars(bars.symbol(), to, bars.time(), bars.open(), bars.high(),
        bars.low(), bars.close(), bars.volume(), bars.extras()), false);
    int n = bars.size();
    long[] time = bars.time();
    long[] start = new long[n];
    long lastEnd = bucketStarts(time, to, options, start);
    int buckets = 1;
    for (int i = 1; i < n; i++) if (start[i] != start[i - 1]) buckets++;
    boolean incomplete = bars.closeTime(n - 1) < lastEnd;
    int keep = incomplete && !options.includeIncomplete() ? buckets - 1 : buckets;

    long[] t = new long[keep];
    double[] o = new double[keep];
    double[] h = new double[keep];
    double[] l = new double[keep];
    double[] c = new double[keep];
    double[] v = new double[keep];
    String[] extraNames = bars.extras().keySet().toArray(new String[0]);
    double[][] extraIn = new double[extraNames.length][];
    double[][] extraOut = new double[extraNames.length][keep];
    for (int k = 0; k < extraNames.length; k++) extraIn[k] = bars.extras().get(extraNames[k]);
    double[] open = bars.open();
    double[] high = bars.high();
    double[] low = bars.low();
    double[] close = bars.close();
    double[] volume = bars.volume();
    int i = 0;
    for (int b = 0; b < keep; b++) {
      long s = start[i];
      double hi = high[i];
      double lo = low[i];
      double vol = 0;
      t[b] = s;
      o[b] = open[i];
      int last = i;
      for (; i < n && start[i] == s; i++) {
        if (high[i] > hi) hi = high[i];
        if (low[i] < lo) lo = low[i];
        vol += volume[i];
        last = i;
      }
      h[b] = hi;
      l[b] = lo;
      c[b] = close[last];
      v[b] = vol;
      for (int k = 0; k < extraNames.length; k++) extraOut[k][b] = extraIn[k][last];
    }
    Map<String, double[]> extras = new LinkedHashMap<>();
    for (int k = 0; k < extraNames.length; k++) extras.put(extraNames[k], extraOut[k]);
    return new Resampled(new Bars(bars.symbol(), to, t, o, h, l, c, v, extras), incomplete);
  }

  /** Fills each bar's bucket start; returns the end of the last bar's bucket. */
  private static long bucketStarts(long[] time, Timeframe to, ResampleOptions options, long[] start) {
    int n = time.length;
    if (to != Timeframe.D1) {
      long len = to.millis();
      for (int i = 0; i < n; i++) start[i] = Math.floorDiv(time[i], len) * len;
      return start[n - 1] + len;
    }
    ZoneClock clock = new ZoneClock(options.sessionZone());
    long day = Long.MIN_VALUE;
    long dayStart = 0;
    long dayEnd = 0;
    for (int i = 0; i < n; i++) {
      long d = Math.floorDiv(clock.toWall(time[i]), CivilTime.DAY_MS);
      if (d != day) {
        day = d;
        dayStart = clock.toEpoch(d * CivilTime.DAY_MS);
        dayEnd = clock.toEpoch((d + 1) * CivilTime.DAY_MS);
      }
      start[i] = dayStart;
    }
    return dayEnd;
  }
}
