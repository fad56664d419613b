package dev.quiver.features;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * Bayesian online change-point detection (Adams and MacKay, "Bayesian Online Changepoint
 * Detection", 2007) for a series of Gaussian observations with unknown mean and variance:
 * Normal-Gamma prior {@code (mu0, kappa0, alpha0, beta0)}, so each run's predictive is a Student
 * t, and a constant hazard {@code 1 / expectedRun} (a change after each observation with that
 * probability). After {@link #update}{@code (x_t)} the posterior over the run length {@code r}
 * (observations since the last change; 0 right after a change) is available; it depends on
 * {@code x_1..x_t} only. Run lengths above {@code maxRun} are merged into {@code maxRun}, which
 * bounds the work at O(maxRun) per observation. Predictives are computed in log space and
 * normalised each step. A NaN observation is skipped. Mutable and not thread-safe; allocates
 * nothing after construction.
 */
public final class BayesianChangePoint {

  private final double hazard;
  private final double mu0;
  private final double kappa0;
  private final double alpha0;
  private final double beta0;
  private final int maxRun;
  private final double[] prob;
  private final double[] mu;
  private final double[] kappa;
  private final double[] beta;
  /** Per run length r (alpha = alpha0 + r / 2): lgamma(alpha + 1/2) - lgamma(alpha) - ln(2 pi alpha) / 2. */
  private final double[] logConst;
  /** Scratch: log predictive of the current observation per run length. */
  private final double[] logPred;
  private int len = 1;

  public BayesianChangePoint(double expectedRun, double mu0, double kappa0, double alpha0, double beta0, int maxRun) {
    if (!(expectedRun > 1)) throw new IllegalArgumentException("expected run length must be above 1, got " + expectedRun);
    if (!(kappa0 > 0 && alpha0 > 0 && beta0 > 0)) throw new IllegalArgumentException("kappa0, alpha0 and beta0 must be positive");
    if (maxRun < 1) throw new IllegalArgumentException("maxRun must be at least 1, got " + maxRun);
    this.hazard = 1 / expectedRun;
    this.mu0 = mu0;
    this.kappa0 = kappa0;
    this.alpha0 = alpha0;
    this.beta0 = beta0;
    this.maxRun = maxRun;
    int size = maxRun + 1;
    prob = new double[size];
    mu = new double[size];
    kappa = new double[size];
    beta = new double[size];
    logConst = new double[size];
    logPred = new double[size];
    for (int r = 0; r < size; r++) {
      double a = alpha0 + r / 2.0;
      logConst[r] = Gamma.logGamma(a + 0.5) - Gamma.logGamma(a) - 0.5 * Math.log(2 * Math.PI * a);
    }
    prob[0] = 1;
    mu[0] = mu0;
    kappa[0] = kappa0;
    beta[0] = beta0;
  }

  /** Takes observation {@code x} and updates the run-length posterior. */
  public void update(double x) {
    if (Double.isNaN(x)) return;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < len; r++) {
      double a = alpha0 + r / 2.0;
      double s2 = beta[r] * (kappa[r] + 1) / (a * kappa[r]);
      double d = x - mu[r];
      double l = logConst[r] - 0.5 * Math.log(s2) - (a + 0.5) * Math.log1p(d * d / (2 * a * s2));
      logPred[r] = l;
      if (l > max) max = l;
    }
    double total = 0;
    for (int r = 0; r < len; r++) {
      prob[r] *= Math.exp(logPred[r] - max);
      total += prob[r];
    }
    if (!(total > 0)) {
      Arrays.fill(prob, 0);
      total = 1;
      prob[0] = 1;
    }
    double overflow = len - 1 == maxRun ? (1 - hazard) * prob[maxRun] : 0;
    for (int r = Math.min(len - 1, maxRun - 1); r >= 0; r--) {
      prob[r + 1] = (1 - hazard) * prob[r];
      double k = kappa[r];
      double d = x - mu[r];
      mu[r + 1] = (k * mu[r] + x) / (k + 1);
      kappa[r + 1] = k + 1;
      beta[r + 1] = beta[r] + k * d * d / (2 * (k + 1));
    }
    prob[maxRun] += overflow;
    prob[0] = hazard * total;
    mu[0] = mu0;
    kappa[0] = kappa0;
    beta[0] = beta0;
    len = Math.min(len + 1, maxRun + 1);
    for (int r = 0; r < len; r++) prob[r] /= total;
  }

  /** P(run length <= k): a change within the last {@code k} observations. */
  public double probabilityRunAtMost(int k) {
    double s = 0;
    for (int r = 0; r <= Math.min(k, len - 1); r++) s += prob[r];
    return s;
  }

  /** The posterior mean run length. */
  public double expectedRunLength() {
    double s = 0;
    for (int r = 0; r < len; r++) s += r * prob[r];
    return s;
  }

  /** The most probable run length, ties to the shorter. */
  public int mostLikelyRunLength() {
    int best = 0;
    for (int r = 1; r < len; r++) if (prob[r] > prob[best]) best = r;
    return best;
  }
}
