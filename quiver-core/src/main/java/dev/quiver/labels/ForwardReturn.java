package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.util.Arrays;

/**
 * Simple return over the next {@code horizon} bars, a {@link Task#REGRESSION} label: {@code y[i]
 * = close[i+h]/close[i] - 1}, {@code end[i] = i + h}, and {@code forwardReturn[i] = y[i]}. The
 * last {@code h} rows have no label ({@code y} NaN, {@code end} -1). Horizons count bars, not
 * clock time: across a session break the next bar may be hours later. Stateless and thread-safe.
 */
public final class ForwardReturn implements Labeler {

  private final int horizon;

  /** @param horizon bars ahead, at least 1 */
  public ForwardReturn(int horizon) {
    if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    this.horizon = horizon;
  }

  public int horizon() {
    return horizon;
  }

  /** {@code return:H}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "return:" + horizon;
  }

  @Override
  public Targets label(Bars bars) {
    double[] close = bars.close();
    int n = close.length;
    double[] y = new double[n];
    int[] end = new int[n];
    Arrays.fill(y, Double.NaN);
    Arrays.fill(end, -1);
    for (int i = 0; i + horizon < n; i++) {
      double r = close[i + horizon] / close[i] - 1.0;
      if (Double.isNaN(r)) continue;
      y[i] = r;
      end[i] = i + horizon;
    }
    return new Targets(name(), Task.REGRESSION, y, end, y.clone());
  }
}
