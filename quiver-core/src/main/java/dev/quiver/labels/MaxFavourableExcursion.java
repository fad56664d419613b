package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.util.Arrays;

/**
 * Maximum favourable excursion of a long entered at close i, a {@link Task#REGRESSION} label as a
 * fraction (always >= 0): {@code max(0, max_{j in (i, i + horizon]} close[j] / close[i] - 1)}, the
 * best unrealised gain the close path offered within the horizon (0 when it never rose above the
 * entry). {@code end[i] = i + horizon}, {@code forwardReturn[i] = close[i + horizon] / close[i] -
 * 1}; the last {@code horizon} rows get no label. Stateless and thread-safe.
 */
public final class MaxFavourableExcursion implements Labeler {

  private final int horizon;

  /** @param horizon bars ahead, at least 1 */
  public MaxFavourableExcursion(int horizon) {
    if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    this.horizon = horizon;
  }

  public int horizon() {
    return horizon;
  }

  /** {@code mfe:H}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "mfe:" + horizon;
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
      double best = 0;
      for (int j = i + 1; j <= i + horizon; j++) best = Math.max(best, close[j] / close[i] - 1.0);
      y[i] = best;
      end[i] = i + horizon;
      forward[i] = close[i + horizon] / close[i] - 1.0;
    }
    return new Targets(name(), Task.REGRESSION, y, end, forward);
  }
}
