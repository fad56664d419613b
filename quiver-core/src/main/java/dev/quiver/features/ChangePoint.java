package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * Change-point features from {@link BayesianChangePoint} run on one-bar log returns in basis
 * points, with hazard {@code 1 / N} ({@code N} the expected bars between changes):
 * <ul>
 *   <li>{@code cp_prob_N}: P(run length <= {@value #RECENT}), the posterior probability that the
 *       return process changed within the last few bars;</li>
 *   <li>{@code cp_run_N}: the posterior mean run length, in bars.</li>
 * </ul>
 * The prior is Normal-Gamma with mean 0, kappa 1, alpha 2 and beta the population variance of the
 * first {@value #WARMUP} returns (rows 1..{@value #WARMUP}), so the scale adapts to the series
 * from its own past; rows before {@value #WARMUP} are NaN. Run lengths are tracked up to {@code
 * min(4 N, 2000)}. Causal: row i reads bars 0..i. Thread-safe (each call has its own detector).
 */
public record ChangePoint(Output output, int expectedRun) implements Feature {

  static final int RECENT = 5;
  static final int WARMUP = 50;

  /** Which value the feature gives. */
  public enum Output {
    PROBABILITY("cp_prob"),
    RUN_LENGTH("cp_run");

    private final String prefix;

    Output(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  public ChangePoint {
    if (expectedRun < 2) throw new IllegalArgumentException("change-point expected run must be >= 2, got " + expectedRun);
  }

  @Override
  public String name() {
    return output.prefix() + "_" + expectedRun;
  }

  @Override
  public int lookback() {
    return WARMUP;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    int n = c.length;
    Arrays.fill(out, Double.NaN);
    if (n <= WARMUP) return;
    double sum = 0;
    double sumSq = 0;
    int count = 0;
    for (int i = 1; i <= WARMUP; i++) {
      double r = bps(c, i);
      if (Double.isFinite(r)) {
        sum += r;
        sumSq += r * r;
        count++;
      }
    }
    double mean = count == 0 ? 0 : sum / count;
    double var = count == 0 ? 1 : Math.max(sumSq / count - mean * mean, 1e-12);
    BayesianChangePoint cp = new BayesianChangePoint(expectedRun, 0, 1, 2, var, Math.min(4 * expectedRun, 2000));
    for (int i = 1; i < n; i++) {
      double r = bps(c, i);
      cp.update(Double.isFinite(r) ? r : Double.NaN);
      if (i >= WARMUP) out[i] = output == Output.PROBABILITY ? cp.probabilityRunAtMost(RECENT) : cp.expectedRunLength();
    }
  }

  private static double bps(double[] c, int i) {
    return 1e4 * Math.log(c[i] / c[i - 1]);
  }
}
