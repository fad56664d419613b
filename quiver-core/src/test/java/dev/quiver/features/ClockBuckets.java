package dev.quiver.features;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import java.util.Arrays;

/**
 * A deliberately simple resampler for tests: base bars grouped into clock-aligned buckets of the
 * timeframe (open = first, high = max, low = min, close = last, volume = sum), stamped with the
 * bucket's open; a bucket without bars gets no bar.
 */
final class ClockBuckets {

  private ClockBuckets() {}

  static Bars aggregate(Bars base, Timeframe tf) {
    int n = base.size();
    long[] t = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    int k = -1;
    for (int i = 0; i < n; i++) {
      long bucket = Math.floorDiv(base.time()[i], tf.millis()) * tf.millis();
      if (k < 0 || t[k] != bucket) {
        k++;
        t[k] = bucket;
        o[k] = base.open()[i];
        h[k] = base.high()[i];
        l[k] = base.low()[i];
        v[k] = 0;
      }
      h[k] = Math.max(h[k], base.high()[i]);
      l[k] = Math.min(l[k], base.low()[i]);
      c[k] = base.close()[i];
      v[k] += base.volume()[i];
    }
    int m = k + 1;
    return new Bars(base.symbol(), tf, Arrays.copyOf(t, m), Arrays.copyOf(o, m), Arrays.copyOf(h, m), Arrays.copyOf(l, m),
        Arrays.copyOf(c, m), Arrays.copyOf(v, m));
  }
}
