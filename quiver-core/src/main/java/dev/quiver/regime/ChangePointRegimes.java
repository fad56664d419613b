package dev.quiver.regime;

import dev.quiver.data.Bars;
import dev.quiver.features.ChangePoint;

/**
 * A two-state regime signal from Bayesian online change-point detection ({@link ChangePoint}):
 * regime {@value #UNSETTLED} while the probability of a change within the last few bars is at
 * least {@code threshold}, {@value #SETTLED} otherwise, {@value #UNKNOWN} during the detector's
 * warm-up. Causal like the feature it reads. Feed it to a {@link
 * dev.quiver.ensemble.DynamicCombiner} built with 2 regimes. Immutable and thread-safe.
 */
public record ChangePointRegimes(int expectedRun, double threshold) {

  public static final int UNKNOWN = -1;
  public static final int SETTLED = 0;
  public static final int UNSETTLED = 1;

  public ChangePointRegimes {
    if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
  }

  public int[] labels(Bars bars) {
    double[] p = new double[bars.size()];
    new ChangePoint(ChangePoint.Output.PROBABILITY, expectedRun).compute(bars, p);
    int[] out = new int[p.length];
    for (int i = 0; i < out.length; i++) out[i] = Double.isNaN(p[i]) ? UNKNOWN : p[i] >= threshold ? UNSETTLED : SETTLED;
    return out;
  }
}
