package dev.quiver.labels;

import dev.quiver.model.Task;

/**
 * Maximum favourable excursion of a long entered at close i, a {@link Task#REGRESSION} label as a
 * fraction (always >= 0): {@code max(0, max_{j in (i, i + horizon]} close[j] / close[i] - 1)}, the
 * best unrealised gain the close path offered within the horizon (0 when it never rose above the
 * entry). Rows, ends and forward returns as in {@link ClosePathLabeler}.
 */
public final class MaxFavourableExcursion extends ClosePathLabeler {

  /** @param horizon bars ahead, at least 1 */
  public MaxFavourableExcursion(int horizon) {
    super(horizon);
  }

  /** {@code mfe:H}, the form {@link Labelers#parse} reads. */
  @Override
  public String name() {
    return "mfe:" + horizon();
  }

  @Override
  double value(double[] close, int i, int horizon) {
    double best = 0;
    for (int j = i + 1; j <= i + horizon; j++) best = Math.max(best, close[j] / close[i] - 1.0);
    return best;
  }
}
