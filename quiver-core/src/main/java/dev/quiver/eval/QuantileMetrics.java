package dev.quiver.eval;

/**
 * Scores of forecasts {@code q} of the {@code tau}-quantile of outcomes {@code y}.
 *
 * <ul>
 *   <li>{@code pinballLoss}: mean of {@code max(tau (y - q), (tau - 1)(y - q))}, i.e.
 *       {@code tau (y - q)} when y >= q and {@code (1 - tau)(q - y)} when y < q (scikit-learn's
 *       {@code mean_pinball_loss(y, q, alpha=tau)}); at tau = 0.5 it is half the mean absolute
 *       error;
 *   <li>{@code coverage}: share of rows with {@code y <= q}, which a calibrated forecast keeps
 *       near tau.
 * </ul>
 *
 * Both are NaN (and n 0) for no rows.
 */
public record QuantileMetrics(double tau, double pinballLoss, double coverage, long n) {

  /** @throws IllegalArgumentException when lengths differ, a value is NaN, or tau is not in (0, 1) */
  public static QuantileMetrics of(float[] y, double[] q, double tau) {
    if (!(tau > 0 && tau < 1)) throw new IllegalArgumentException("tau must be in (0, 1), got " + tau);
    int n = y.length;
    if (q.length != n) throw new IllegalArgumentException(q.length + " forecasts for " + n + " outcomes");
    if (n == 0) return new QuantileMetrics(tau, Double.NaN, Double.NaN, 0);
    double loss = 0;
    long below = 0;
    for (int i = 0; i < n; i++) {
      if (Float.isNaN(y[i]) || Double.isNaN(q[i])) throw new IllegalArgumentException("NaN at row " + i);
      double d = y[i] - q[i];
      loss += d >= 0 ? tau * d : (tau - 1) * d;
      below += y[i] <= q[i] ? 1 : 0;
    }
    return new QuantileMetrics(tau, loss / n, (double) below / n, n);
  }
}
