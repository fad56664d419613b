package dev.quiver.eval;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Selection-aware statistics of Sharpe ratios. Every Sharpe ratio here is <b>per period</b>, not
 * annualised ({@link ReturnMetrics#periodSharpe()}): divide an annual Sharpe by sqrt(ppy) and a
 * variance of annual Sharpes by ppy before passing them. Stateless and thread-safe.
 *
 * <ul>
 *   <li>Probabilistic Sharpe ratio (Bailey and Lopez de Prado, "The Sharpe Ratio Efficient
 *       Frontier", 2012): PSR(SR*) = Phi((SR - SR*) sqrt(n - 1) / sqrt(1 - g3 SR + (g4 - 1)/4 SR^2)),
 *       g3 the skewness and g4 the <b>raw</b> kurtosis (3 for normal returns) of the n returns.
 *       The probability that the true Sharpe exceeds SR*.
 *   <li>Expected maximum Sharpe of N trials (Bailey and Lopez de Prado, "The Deflated Sharpe
 *       Ratio", 2014): SR0 = sqrt(V) ((1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e))),
 *       V the variance of the N trials' Sharpe ratios and gamma the Euler-Mascheroni constant;
 *       0 for N = 1 (no selection).
 *   <li>Deflated Sharpe ratio: DSR = PSR(SR0), the PSR against the best Sharpe that N
 *       skill-less trials would be expected to show.
 *   <li>Fold stability: the sample standard deviation (ddof=1) of per-fold Sharpe ratios (any
 *       unit, as given).
 * </ul>
 *
 * Undefined results are NaN: a NaN input, n < 2, or a non-positive variance term under the root.
 */
public final class SharpeInference {

  /** The Euler-Mascheroni constant. */
  public static final double EULER_GAMMA = 0.5772156649015329;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private SharpeInference() {}

  /**
   * @param sharpe observed per-period Sharpe ratio
   * @param n number of returns it was measured on
   * @param skewness of those returns
   * @param kurtosis raw (not excess) kurtosis of those returns
   * @param benchmark per-period Sharpe ratio SR* to beat
   * @return P(true Sharpe > benchmark), in [0, 1], or NaN
   */
  public static double probabilisticSharpe(double sharpe, long n, double skewness, double kurtosis, double benchmark) {
    if (n < 2 || Double.isNaN(sharpe) || Double.isNaN(skewness) || Double.isNaN(kurtosis) || Double.isNaN(benchmark)) return Double.NaN;
    double variance = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
    if (!(variance > 0)) return Double.NaN;
    return NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(n - 1.0) / Math.sqrt(variance));
  }

  /**
   * The expected maximum per-period Sharpe ratio among {@code trials} independent trials whose
   * Sharpe ratios have variance {@code sharpeVariance} and no skill.
   *
   * @throws IllegalArgumentException when trials < 1 or the variance is negative
   */
  public static double expectedMaxSharpe(long trials, double sharpeVariance) {
    if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
    if (sharpeVariance < 0) throw new IllegalArgumentException("variance of the trials' Sharpe ratios must be >= 0, got " + sharpeVariance);
    if (Double.isNaN(sharpeVariance)) return Double.NaN;
    if (trials == 1) return 0.0;
    double z = (1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
        + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1.0 / (trials * Math.E));
    return Math.sqrt(sharpeVariance) * z;
  }

  /**
   * The deflated Sharpe ratio: {@link #probabilisticSharpe} against {@link #expectedMaxSharpe}.
   *
   * @param sharpe per-period Sharpe ratio of the selected configuration
   * @param n number of returns it was measured on
   * @param skewness of those returns
   * @param kurtosis raw kurtosis of those returns
   * @param trials number of configurations tried in the experiment (>= 1)
   * @param sharpeVariance variance of the per-period Sharpe ratios of those configurations
   */
  public static double deflatedSharpe(double sharpe, long n, double skewness, double kurtosis, long trials, double sharpeVariance) {
    return probabilisticSharpe(sharpe, n, skewness, kurtosis, expectedMaxSharpe(trials, sharpeVariance));
  }

  /** {@link #deflatedSharpe} of a returns series' own per-period Sharpe, skewness and kurtosis. */
  public static double deflatedSharpe(ReturnMetrics m, long trials, double sharpeVariance) {
    return deflatedSharpe(m.periodSharpe(), m.n(), m.skewness(), m.kurtosis(), trials, sharpeVariance);
  }

  /** Sample standard deviation (ddof=1) of per-fold Sharpe ratios; NaN for fewer than 2 folds or a NaN fold. */
  public static double foldStability(double[] foldSharpes) {
    return Math.sqrt(variance(foldSharpes));
  }

  /** Sample variance (ddof=1) of Sharpe ratios, e.g. of the trials for {@link #expectedMaxSharpe}; NaN for fewer than 2. */
  public static double variance(double[] sharpes) {
    int k = sharpes.length;
    if (k < 2) return Double.NaN;
    double sum = 0;
    for (double s : sharpes) sum += s;
    double mean = sum / k;
    double ss = 0;
    for (double s : sharpes) ss += (s - mean) * (s - mean);
    return ss / (k - 1);
  }
}
