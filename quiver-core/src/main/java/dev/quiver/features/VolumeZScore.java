package dev.quiver.features;

import dev.quiver.data.Bars;

/**
 * {@code volume_zscore_N}: {@link ZScore} of the volume, {@code (v - mean_N(v)) / s} with s the
 * sample standard deviation (ddof=1) of the last N volumes. Rows 0..N-2 are NaN, and so is a
 * window of equal volumes. Needs volume. Requires N >= 2. Thread-safe.
 */
public record VolumeZScore(int window) implements Feature {

  public VolumeZScore {
    if (window < 2) throw new IllegalArgumentException("volume_zscore window must be >= 2, got " + window);
  }

  @Override
  public String name() {
    return "volume_zscore_" + window;
  }

  @Override
  public int lookback() {
    return window - 1;
  }

  @Override
  public boolean readsVolume() {
    return true;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    ZScore.zscore(bars.volume(), window, out);
  }
}
