package dev.quiver.features;

import dev.quiver.data.Bars;

/**
 * One causal indicator over one symbol's bars. {@code out[i]} depends on bars {@code 0..i}
 * only; rows before {@link #lookback()} (the warm-up) and rows where the value is undefined
 * hold NaN. Implementations are stateless and thread-safe.
 */
public interface Feature {

  /** The name users write, e.g. {@code sma_20}, {@code rsi_14}, {@code price_change}. */
  String name();

  /** Index of the first row that can hold a value (0 when there is no warm-up). */
  int lookback();

  /** Writes one value per bar into {@code out} (length {@code bars.size()}). */
  void compute(Bars bars, double[] out);

  /** True when the feature reads {@link Bars#volume()}, so it cannot be computed on data without volume. */
  default boolean readsVolume() {
    return false;
  }
}
