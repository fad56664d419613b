package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.util.Arrays;

/**
 * Maximum drawdown of the close path ahead, a {@link Task#REGRESSION} label as a fraction (0.01 =
 * 1%, always >= 0): over the closes {@code close[i], close[i+1], ..., close[i + horizon]} (the entry
 * close then the bars {@code (i, i + horizon]}), the largest fall from a running peak, {@code max_j
 * (1 - close[j] / max(close[i..j]))}. It is 0 when the path never falls below a previous high.
 * {@code end[i] = i + horizon}, {@code forwardReturn[i] = close[i + horizon] / close[i] - 1}; the
 * last {@code horizon} rows get no label. Stateless and thread-safe.
 */
public final class MaxDrawdown implements Labeler {

  private final int horizon;

  /** @param horizon bars ahead, at least 1 */
  public MaxDrawdown(int horizon) {
    if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    this.horizon = horizon;
  }

  public int horizon() {
    return horizon;
  }

  /** {@code mdd:H}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "mdd:" + horizon;
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
      if (!(close[i] > 0)) continue;
      double peak = close[i];
      double worst = 0;
      for (int j = i + 1; j <= i + horizon; j++) {
        peak = Math.max(peak, close[j]);
        worst = Math.max(worst, 1.0 - close[j] / peak);
      }
      y[i] = worst;
      end[i] = i + horizon;
      forward[i] = close[i + horizon] / close[i] - 1.0;
    }
    return new Targets(name(), Task.REGRESSION, y, end, forward);
  }
}
