package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.util.Arrays;

/**
 * A {@link Task#REGRESSION} label computed from the closes {@code close[i..i + horizon]} of the
 * path ahead of each bar: {@code end[i] = i + horizon}, {@code forwardReturn[i] = close[i +
 * horizon] / close[i] - 1}; the last {@code horizon} rows and rows with a non-positive close get
 * no label. Subclasses say what the path's value is. Stateless and thread-safe.
 */
abstract class ClosePathLabeler implements Labeler {

  private final int horizon;

  /** @param horizon bars ahead, at least 1 */
  ClosePathLabeler(int horizon) {
    if (horizon < 1) throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    this.horizon = horizon;
  }

  public int horizon() {
    return horizon;
  }

  /** The label of bar {@code i} from {@code close[i..i + horizon]} ({@code close[i] > 0}). */
  abstract double value(double[] close, int i, int horizon);

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
      y[i] = value(close, i, horizon);
      end[i] = i + horizon;
      forward[i] = close[i + horizon] / close[i] - 1.0;
    }
    return new Targets(name(), Task.REGRESSION, y, end, forward);
  }
}
