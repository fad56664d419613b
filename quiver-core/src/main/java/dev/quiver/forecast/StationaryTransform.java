package dev.quiver.forecast;

/**
 * Maps unconstrained reals to the coefficients of a stationary AR polynomial
 * {@code 1 - phi_1 z - ... - phi_p z^p} and back (Jones 1980, as in Monahan 1984): each real
 * becomes a partial autocorrelation {@code x / sqrt(1 + x^2)} in (-1, 1), and the Durbin-Levinson
 * recursion turns partial autocorrelations into coefficients. Moving-average coefficients
 * {@code theta} of {@code 1 + theta_1 z + ...} are invertible exactly when {@code -theta} is a
 * stationary AR, so the same map serves both.
 */
final class StationaryTransform {

  private StationaryTransform() {}

  /** Stationary AR coefficients from unconstrained values {@code x[from..from+k)}, written to {@code out[0..k)}. */
  static void constrain(double[] x, int from, int k, double[] out, double[] work) {
    for (int j = 0; j < k; j++) {
      double v = x[from + j];
      double r = v / Math.sqrt(1 + v * v);
      for (int i = 0; i < j; i++) work[i] = out[i] - r * out[j - 1 - i];
      System.arraycopy(work, 0, out, 0, j);
      out[j] = r;
    }
  }

  /**
   * The unconstrained values of AR coefficients {@code phi[0..k)}, or false when {@code phi} is
   * not stationary (a partial autocorrelation at or beyond +-1).
   */
  static boolean unconstrain(double[] phi, int k, double[] out, int from) {
    double[] cur = java.util.Arrays.copyOf(phi, k);
    double[] prev = new double[k];
    for (int j = k - 1; j >= 0; j--) {
      double r = cur[j];
      if (!(Math.abs(r) < 1)) return false;
      double denom = 1 - r * r;
      for (int i = 0; i < j; i++) prev[i] = (cur[i] + r * cur[j - 1 - i]) / denom;
      out[from + j] = r / Math.sqrt(denom);
      System.arraycopy(prev, 0, cur, 0, j);
    }
    return true;
  }
}
