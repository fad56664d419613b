package dev.quiver.labels;

import dev.quiver.data.Bars;
import dev.quiver.model.Task;
import java.util.Arrays;

/**
 * Next-bar direction, a {@link Task#BINARY} label: {@code y[i] = 1} when {@code close[i+1] >
 * close[i]}, else 0. A tie (equal closes) is 0, "not up". Row i reads bar i+1 only, so {@code
 * end[i] = i + 1} and {@code forwardReturn[i] = close[i+1]/close[i] - 1}. The last row has no
 * next bar: {@code y} NaN, {@code end} -1. A NaN close on either side also gives NaN. Stateless
 * and thread-safe.
 */
public final class NextBarDirection implements Labeler {

  public static final String NAME = "direction";

  @Override
  public String name() {
    return NAME;
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
    for (int i = 0; i + 1 < n; i++) {
      double now = close[i];
      double next = close[i + 1];
      if (Double.isNaN(now) || Double.isNaN(next)) continue;
      y[i] = next > now ? 1.0 : 0.0;
      end[i] = i + 1;
      forward[i] = next / now - 1.0;
    }
    return new Targets(NAME, Task.BINARY, y, end, forward);
  }
}
