package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.util.Arrays;
import java.util.List;

/**
 * A label computed from the closes {@code close[i..i + horizon]} of the path ahead of each bar:
 * {@code end[i] = i + horizon}, {@code forwardReturn[i] = close[i + horizon] / close[i] - 1}; the
 * last {@code horizon} rows, rows with a non-positive close and rows whose value is NaN get no
 * label ({@code y} NaN, {@code end} -1). Subclasses say what the path's value is and, when it is
 * not a {@link Task#REGRESSION} value, the task and class names. Stateless and thread-safe.
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

  /** The label of bar {@code i} from {@code close[i..i + horizon]} ({@code close[i] > 0}); NaN: none. */
  abstract double value(double[] close, int i, int horizon);

  /** What the values are: {@link Task#REGRESSION} unless a subclass says otherwise. */
  Task task() {
    return Task.REGRESSION;
  }

  /** The class names of a {@link Task#MULTICLASS} label in class-id order; empty otherwise. */
  List<String> classes() {
    return List.of();
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
      double v = value(close, i, horizon);
      if (Double.isNaN(v)) continue;
      y[i] = v;
      end[i] = i + horizon;
      forward[i] = close[i + horizon] / close[i] - 1.0;
    }
    return new Targets(name(), task(), y, end, forward, classes());
  }
}
