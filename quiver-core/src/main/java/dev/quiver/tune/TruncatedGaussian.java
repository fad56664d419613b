package dev.quiver.tune;

import java.util.SplittableRandom;

/** Pieces of the Gaussian kernels truncated to a range that both TPE samplers use. Stateless. */
final class TruncatedGaussian {

  private static final double SQRT2 = Math.sqrt(2);
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private TruncatedGaussian() {}

  /** log of 1 / (sigma sqrt(2 pi) P(lo <= X <= hi)) for X ~ N(mu, sigma^2): the log normaliser of the truncated density. */
  static double logNorm(double mu, double sigma, double lo, double hi) {
    double mass = 0.5 * (erf((hi - mu) / (sigma * SQRT2)) - erf((lo - mu) / (sigma * SQRT2)));
    return -Math.log(sigma) - LOG_SQRT_2PI - Math.log(Math.max(mass, 1e-300));
  }

  /** A draw of N(mu, sigma^2) inside [lo, hi] by rejection (100 tries, then mu clamped into the range). */
  static double draw(double mu, double sigma, double lo, double hi, SplittableRandom random) {
    for (int attempt = 0; attempt < 100; attempt++) {
      double x = mu + sigma * gaussian(random);
      if (x >= lo && x <= hi) return x;
    }
    return Math.max(lo, Math.min(hi, mu));
  }

  /** Abramowitz and Stegun 7.1.26: absolute error below 1.5e-7, ample for a truncation mass. */
  static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }

  /** A standard normal draw (Box-Muller, one of the pair). */
  static double gaussian(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
