package dev.quiver.labels;

import dev.quiver.model.Task;

/**
 * Maximum drawdown of the close path ahead, a {@link Task#REGRESSION} label as a fraction (0.01 =
 * 1%, always >= 0): over the closes {@code close[i], close[i+1], ..., close[i + horizon]} (the entry
 * close then the bars {@code (i, i + horizon]}), the largest fall from a running peak, {@code max_j
 * (1 - close[j] / max(close[i..j]))}. It is 0 when the path never falls below a previous high.
 * Rows, ends and forward returns as in {@link ClosePathLabeler}.
 */
public final class MaxDrawdown extends ClosePathLabeler {

  /** @param horizon bars ahead, at least 1 */
  public MaxDrawdown(int horizon) {
    super(horizon);
  }

  /** {@code mdd:H}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "mdd:" + horizon();
  }

  @Override
  double value(double[] close, int i, int horizon) {
    double peak = close[i];
    double worst = 0;
    for (int j = i + 1; j <= i + horizon; j++) {
      peak = Math.max(peak, close[j]);
      worst = Math.max(worst, 1.0 - close[j] / peak);
    }
    return worst;
  }
}
