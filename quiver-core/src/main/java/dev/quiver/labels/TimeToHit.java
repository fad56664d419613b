package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Time to hit, a {@link Task#REGRESSION} label in bars: from the close of bar i, the number of bars
 * until the first close in {@code (i, i + horizon]} that is at least {@code barrier} away from it in
 * either direction ({@code |close[j] / close[i] - 1| >= barrier}, inclusive), so {@code y[i] = j - i}
 * in {@code 1..horizon} and {@code end[i] = j}. When no close within the horizon gets that far, the
 * row is censored: {@code y[i] = horizon + 1} and {@code end[i] = i + horizon}. Only closes are read
 * (the close path). Rows whose whole horizon is not in the data get no label, even when the barrier
 * is hit before the data ends, so the end of a series is not biased toward quick hits. {@code
 * forwardReturn[i] = close[end[i]] / close[i] - 1}. Stateless and thread-safe.
 */
public final class TimeToHit implements Labeler {

  private final int horizon;
  private final double barrier;

  /** @param horizon bars ahead, at least 1; @param barrier a fraction of the entry close (0.002 = 0.2%), > 0 */
  public TimeToHit(int horizon, double barrier) {
    if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    if (!(barrier > 0) || Double.isInfinite(barrier)) throw new IllegalArgumentException("barrier must be > 0, got " + barrier);
    this.horizon = horizon;
    this.barrier = barrier;
  }

  public int horizon() {
    return horizon;
  }

  public double barrier() {
    return barrier;
  }

  /** {@code tth:H,B}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "tth:" + horizon + "," + BigDecimal.valueOf(barrier).stripTrailingZeros().toPlainString();
  }

  @Override
  public Targets label(Bars bars) {
    double[] close = bars.close();
    int n = close.length;
    double[] y = new double[n];
    int[] end = new int[n];
    double[] forward = new double[n];
    Arrays.fill(y, Double.NaN);
    Arrays.fill(end, -1);
    Arrays.fill(forward, Double.NaN);
    for (int i = 0; i + horizon < n; i++) {
      double entry = close[i];
      if (!(entry > 0)) continue;
      int hit = -1;
      for (int j = i + 1; j <= i + horizon; j++) {
        if (Math.abs(close[j] / entry - 1.0) >= barrier) {
          hit = j;
          break;
        }
      }
      end[i] = hit < 0 ? i + horizon : hit;
      y[i] = hit < 0 ? horizon + 1 : hit - i;
      forward[i] = close[end[i]] / entry - 1.0;
    }
    return new Targets(name(), Task.REGRESSION, y, end, forward);
  }
}
