package dev.quiver.leakage;

import dev.quiver.data.Bars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Rewrites every bar that opens after a cut time and leaves every other bar exactly as it was.
 * Bar i after the cut gets its open, high, low and close multiplied by one factor
 * {@code exp(0.05 * z_i)} (so high >= open, close >= low still hold and validation passes), its
 * volume by a factor in [0.5, 1.5), and each extra column by a factor in [0.5, 1.5); z_i ~ N(0, 1)
 * and the factors come from {@code seed}. Deterministic; stateless.
 */
public final class FuturePerturbation {

  private FuturePerturbation() {}

  public static List<Bars> after(List<Bars> series, long cutTime, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Bars> out = new ArrayList<>();
    for (Bars b : series) {
      int n = b.size();
      int from = 0;
      while (from < n && b.time()[from] <= cutTime) from++;
      double[] open = b.open().clone();
      double[] high = b.high().clone();
      double[] low = b.low().clone();
      double[] close = b.close().clone();
      double[] volume = b.volume().clone();
      Map<String, double[]> extras = new LinkedHashMap<>();
      b.extras().forEach((k, v) -> extras.put(k, v.clone()));
      for (int i = from; i < n; i++) {
        double f = Math.exp(0.05 * gaussian(random));
        open[i] *= f;
        high[i] *= f;
        low[i] *= f;
        close[i] *= f;
        volume[i] *= 0.5 + random.nextDouble();
        for (double[] e : extras.values()) e[i] *= 0.5 + random.nextDouble();
      }
      out.add(new Bars(b.symbol(), b.timeframe(), b.time(), open, high, low, close, volume, extras));
    }
    return out;
  }

  /** A standard normal draw (Box-Muller). */
  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
