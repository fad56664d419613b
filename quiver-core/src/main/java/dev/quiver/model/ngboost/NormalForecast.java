package dev.quiver.model.ngboost;

import org.apache.commons.math3.special.Erf;

/**
 * A Normal predictive distribution per row: {@code mean[i]} and {@code std[i]} (> 0). {@link #nll}
 * is the mean negative log-likelihood in nats, {@code log std + (y - mean)^2 / (2 std^2) + log(2
 * pi) / 2}; {@link #crps} the mean continuous ranked probability score in the target's units, by the
 * closed form {@code std * (z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi))}, z = (y - mean) / std
 * (Gneiting and Raftery 2007). Lower is better for both. The arrays are shared, not copied.
 */
public record NormalForecast(double[] mean, double[] std) {

  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  public NormalForecast {
    if (mean.length != std.length) throw new IllegalArgumentException(mean.length + " means for " + std.length + " stds");
  }

  public int size() {
    return mean.length;
  }

  /** Mean negative log-likelihood of y (one per row). */
  public double nll(float[] y) {
    check(y);
    double sum = 0;
    for (int i = 0; i < y.length; i++) sum += nll(y[i], mean[i], Math.log(std[i]));
    return sum / y.length;
  }

  /** Mean CRPS of y (one per row). */
  public double crps(float[] y) {
    check(y);
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double z = (y[i] - mean[i]) / std[i];
      double cdf = 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
      double pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      sum += std[i] * (z * (2 * cdf - 1) + 2 * pdf - 1 / Math.sqrt(Math.PI));
    }
    return sum / y.length;
  }

  private void check(float[] y) {
    if (y.length != mean.length) throw new IllegalArgumentException(y.length + " targets for " + mean.length + " forecasts");
  }

  /** The negative log-likelihood of y under Normal(mu, exp(logStd)). */
  static double nll(double y, double mu, double logStd) {
    double d = (y - mu) * Math.exp(-logStd);
    return logStd + 0.5 * d * d + HALF_LOG_2PI;
  }
}
