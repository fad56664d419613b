package dev.quiver.forecast;

/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt and Shin 1992), as
 * statsmodels' {@code kpss(x, regression="c", nlags=L)}: residuals from the mean, their partial
 * sums {@code S}, statistic {@code sum(S^2) / (n^2 s2)} with the Newey-West long-run variance
 * {@code s2 = (sum e^2 + 2 sum_{l=1..L} (1 - l/(L+1)) sum_t e_t e_{t-l}) / n}. A large statistic
 * rejects stationarity. Thread-safe (no state).
 */
public final class Kpss {

  /** The 5% critical value of the level-stationarity statistic (KPSS 1992, Table 1). */
  public static final double CRITICAL_5_PERCENT = 0.463;

  private Kpss() {}

  /** Schwert's short lag rule {@code floor(4 (n/100)^(1/4))}, the default of R's {@code kpss.test}. */
  public static int lags(int n) {
    return (int) Math.floor(4 * Math.pow(n / 100.0, 0.25));
  }

  /** The statistic of {@code x[0..n)} with {@code lags} Newey-West lags ({@code 0 <= lags < n}). */
  public static double statistic(double[] x, int n, int lags) {
    if (n < 2 || lags < 0 || lags >= n) throw new IllegalArgumentException("need n >= 2 and 0 <= lags < n, got n=" + n + ", lags=" + lags);
    double mean = 0;
    for (int i = 0; i < n; i++) mean += x[i];
    mean /= n;
    double partial = 0;
    double eta = 0;
    double s0 = 0;
    for (int i = 0; i < n; i++) {
      double e = x[i] - mean;
      partial += e;
      eta += partial * partial;
      s0 += e * e;
    }
    double s = s0;
    for (int l = 1; l <= lags; l++) {
      double c = 0;
      for (int t = l; t < n; t++) c += (x[t] - mean) * (x[t - l] - mean);
      s += 2 * (1 - l / (lags + 1.0)) * c;
    }
    s /= n;
    return eta / ((double) n * n) / s;
  }

  /** Whether the test rejects level stationarity at 5% with Schwert's lags. */
  public static boolean rejectsStationarity(double[] x, int n) {
    return statistic(x, n, lags(n)) > CRITICAL_5_PERCENT;
  }
}
