package dev.quiver.forecast;

import dev.quiver.error.BadInputException;
import java.util.Arrays;

/**
 * Fits ARIMA(p,d,q) by exact Gaussian maximum likelihood (Kalman filter), with statsmodels'
 * {@code ARIMA} conventions described on {@link ArimaModel}. Stationarity and invertibility are
 * enforced by optimising over unconstrained reals mapped through {@link StationaryTransform};
 * sigma2 is concentrated out of the likelihood during the search and reported at its maximum
 * likelihood value. The series is standardised before the search (the estimates are mapped
 * back exactly), so the result does not depend on the series' scale. Start values come from
 * Hannan-Rissanen regressions; the search is BFGS. Stateless and thread-safe.
 */
public final class Arima {

  private Arima() {}

  /** Fits {@code order} to {@code y} (finite values, oldest first). */
  public static ArimaModel fit(double[] y, ArimaOrder order) {
    return fit(y, y.length, order);
  }

  /** Fits {@code order} to {@code y[0..n)}. */
  public static ArimaModel fit(double[] y, int n, ArimaOrder order) {
    int d = order.d();
    int k = order.parameterCount();
    int m = n - d;
    if (m < k + 2) {
      throw new BadInputException("ARIMA(" + order + ") needs at least " + (k + 2 + d) + " observations, got " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(y[i])) throw new BadInputException("ARIMA input value " + i + " is " + y[i] + "; every value must be finite");
    }
    double[] w = difference(y, n, d);
    double center = 0;
    if (order.hasConstant()) {
      for (double v : w) center += v;
      center /= m;
    }
    double ss = 0;
    for (double v : w) ss += (v - center) * (v - center);
    double scale = Math.sqrt(ss / m);
    if (!(scale > 0)) scale = 1; // a constant (differenced) series: the fit is degenerate but defined
    double[] z = new double[m];
    for (int i = 0; i < m; i++) z[i] = (w[i] - center) / scale;

    Likelihood lik = new Likelihood(z, order);
    double[] x = lik.start();
    Bfgs.minimise(lik::concentrated, x);
    double[] zeros = new double[x.length];
    if (order.p() > 0 && order.q() > 0) { // ARMA surfaces can have several optima: try the origin too
      double best = lik.concentrated(x);
      Bfgs.minimise(lik::concentrated, zeros);
      if (lik.concentrated(zeros) < best) x = zeros;
    }
    if (!Double.isFinite(lik.concentrated(x))) {
      throw new BadInputException("ARIMA(" + order + ") could not be fitted: the likelihood is undefined at every point tried");
    }
    double[] natural = lik.natural(x); // [mu', ar, ma, sigma2'] in standardised units
    double llfStd = lik.full(natural);
    double[] seStd = standardErrors(lik, natural);
    double[] params = new double[natural.length];
    double[] se = new double[natural.length];
    int last = natural.length - 1;
    for (int i = 0; i < natural.length; i++) {
      params[i] = natural[i];
      se[i] = seStd[i];
    }
    if (order.hasConstant()) {
      params[0] = center + scale * natural[0];
      se[0] = scale * seStd[0];
    }
    params[last] = natural[last] * scale * scale;
    se[last] = seStd[last] * scale * scale;
    double llf = llfStd - m * Math.log(scale);
    // forecasting state in series units (the state scales with the series, its covariance with sigma2)
    lik.filterAt(natural);
    double[] state = lik.kalman.a.clone();
    for (int i = 0; i < state.length; i++) state[i] *= scale;
    double[] lastLevels = Arrays.copyOfRange(y, n - d, n);
    return new ArimaModel(order, params, se, llf, m, state, lik.kalman.cov, lastLevels);
  }

  /** The d-th differences of {@code y[0..n)}: {@code n - d} values. */
  static double[] difference(double[] y, int n, int d) {
    double[] w = Arrays.copyOf(y, n);
    int len = n;
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < len - 1; i++) w[i] = w[i + 1] - w[i];
      len--;
    }
    return Arrays.copyOf(w, len);
  }

  private static double[] standardErrors(Likelihood lik, double[] at) {
    int k = at.length;
    double[] h = new double[k];
    for (int i = 0; i < k; i++) h[i] = 1e-4 * Math.max(Math.abs(at[i]), 0.1);
    double f0 = lik.full(at);
    double[][] hess = new double[k][k + 1];
    double[] z = at.clone();
    for (int i = 0; i < k; i++) {
      z[i] = at[i] + h[i];
      double up = lik.full(z);
      z[i] = at[i] - h[i];
      double down = lik.full(z);
      z[i] = at[i];
      hess[i][i] = -(up - 2 * f0 + down) / (h[i] * h[i]);
      for (int j = 0; j < i; j++) {
        z[i] = at[i] + h[i];
        z[j] = at[j] + h[j];
        double pp = lik.full(z);
        z[j] = at[j] - h[j];
        double pm = lik.full(z);
        z[i] = at[i] - h[i];
        double mm = lik.full(z);
        z[j] = at[j] + h[j];
        double mp = lik.full(z);
        z[i] = at[i];
        z[j] = at[j];
        double v = -(pp - pm - mp + mm) / (4 * h[i] * h[j]);
        hess[i][j] = v;
        hess[j][i] = v;
      }
    }
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      double[][] sys = new double[k][];
      for (int r = 0; r < k; r++) {
        sys[r] = Arrays.copyOf(hess[r], k + 1);
        sys[r][k] = r == i ? 1 : 0;
      }
      double[] col = ArmaKalman.solve(sys, k);
      se[i] = col != null && col[i] > 0 && Double.isFinite(col[i]) ? Math.sqrt(col[i]) : Double.NaN;
    }
    return se;
  }

  /** The likelihood of the standardised series in the parameterisations the search and the Hessian use. Not thread-safe. */
  private static final class Likelihood {
    final double[] z;
    final int m;
    final ArimaOrder order;
    final int c;
    final ArmaKalman kalman;
    final double[] centered;
    final double[] ar;
    final double[] ma;
    final double[] work;

    Likelihood(double[] z, ArimaOrder order) {
      this.z = z;
      this.m = z.length;
      this.order = order;
      this.c = order.hasConstant() ? 1 : 0;
      this.kalman = new ArmaKalman(order.p(), order.q());
      this.centered = new double[m];
      this.ar = new double[order.p()];
      this.ma = new double[order.q()];
      this.work = new double[Math.max(order.p(), order.q()) + 1];
    }

    /** Half the negative log-likelihood per observation, sigma2 concentrated out, up to a constant; +inf where undefined. */
    double concentrated(double[] x) {
      StationaryTransform.constrain(x, c, order.p(), ar, work);
      StationaryTransform.constrain(x, c + order.p(), order.q(), ma, work);
      for (int i = 0; i < order.q(); i++) ma[i] = -ma[i];
      if (!filter(c == 1 ? x[0] : 0)) return Double.POSITIVE_INFINITY;
      double s2 = kalman.sumSquares / m;
      if (!(s2 > 0)) return Double.POSITIVE_INFINITY;
      return 0.5 * (Math.log(s2) + kalman.sumLogF / m);
    }

    private boolean filter(double mu) {
      for (int i = 0; i < m; i++) centered[i] = z[i] - mu;
      return kalman.filter(centered, m, ar, ma);
    }

    /** [mu', ar, ma, sigma2'] at the unconstrained point x, sigma2' at its maximum likelihood value. */
    double[] natural(double[] x) {
      concentrated(x);
      double[] out = new double[order.parameterCount()];
      if (c == 1) out[0] = x[0];
      System.arraycopy(ar, 0, out, c, order.p());
      System.arraycopy(ma, 0, out, c + order.p(), order.q());
      out[out.length - 1] = kalman.sumSquares / m;
      return out;
    }

    void filterAt(double[] natural) {
      System.arraycopy(natural, c, ar, 0, order.p());
      System.arraycopy(natural, c + order.p(), ma, 0, order.q());
      filter(c == 1 ? natural[0] : 0);
    }

    /** The exact log-likelihood at [mu', ar, ma, sigma2'] (standardised units); -inf where undefined. */
    double full(double[] natural) {
      double s2 = natural[natural.length - 1];
      System.arraycopy(natural, c, ar, 0, order.p());
      System.arraycopy(natural, c + order.p(), ma, 0, order.q());
      if (!(s2 > 0) || !filter(c == 1 ? natural[0] : 0)) return Double.NEGATIVE_INFINITY;
      return -0.5 * m * Math.log(2 * Math.PI * s2) - 0.5 * kalman.sumLogF - 0.5 * kalman.sumSquares / s2;
    }

    /** Unconstrained start values from Hannan-Rissanen regressions (zeros where they fail). */
    double[] start() {
      int p = order.p();
      int q = order.q();
      double[] x = new double[c + p + q];
      if (p + q == 0) return x;
      int longOrder = Math.min(Math.max(p + q, (int) Math.ceil(10 * Math.log10(m))), Math.max(1, m / 4));
      double[] phiStart;
      double[] thetaStart = new double[q];
      if (q == 0) {
        phiStart = yuleWalker(z, p);
      } else {
        double[] longAr = yuleWalker(z, longOrder);
        double[] e = new double[m];
        for (int t = longOrder; t < m; t++) {
          double v = z[t];
          for (int i = 0; i < longOrder; i++) v -= longAr[i] * z[t - 1 - i];
          e[t] = v;
        }
        int from = longOrder + q;
        int k = p + q;
        double[][] sys = new double[k][k + 1];
        double[] row = new double[k];
        for (int t = Math.max(from, p); t < m; t++) {
          for (int i = 0; i < p; i++) row[i] = z[t - 1 - i];
          for (int j = 0; j < q; j++) row[p + j] = e[t - 1 - j];
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) sys[a][b] += row[a] * row[b];
            sys[a][k] += row[a] * z[t];
          }
        }
        double[] beta = m - from > k ? ArmaKalman.solve(sys, k) : null;
        phiStart = new double[p];
        if (beta != null) {
          System.arraycopy(beta, 0, phiStart, 0, p);
          for (int j = 0; j < q; j++) thetaStart[j] = -beta[p + j];
        }
      }
      unconstrainShrinking(phiStart, p, x, c);
      unconstrainShrinking(thetaStart, q, x, c + p);
      return x;
    }

    private static void unconstrainShrinking(double[] coef, int k, double[] out, int from) {
      double[] v = coef.clone();
      for (int attempt = 0; attempt < 20; attempt++) {
        if (StationaryTransform.unconstrain(v, k, out, from)) return;
        for (int i = 0; i < k; i++) v[i] *= 0.8;
      }
      for (int i = 0; i < k; i++) out[from + i] = 0;
    }

    /** AR(k) coefficients by Durbin-Levinson on the sample autocovariances (always stationary). */
    private static double[] yuleWalker(double[] z, int k) {
      int n = z.length;
      double[] acov = new double[k + 1];
      for (int lag = 0; lag <= k; lag++) {
        double s = 0;
        for (int t = lag; t < n; t++) s += z[t] * z[t - lag];
        acov[lag] = s / n;
      }
      double[] phi = new double[k];
      double[] prev = new double[k];
      double v = acov[0];
      for (int j = 0; j < k && v > 0; j++) {
        double num = acov[j + 1];
        for (int i = 0; i < j; i++) num -= phi[i] * acov[j - i];
        double r = num / v;
        System.arraycopy(phi, 0, prev, 0, j);
        for (int i = 0; i < j; i++) phi[i] = prev[i] - r * prev[j - 1 - i];
        phi[j] = r;
        v *= 1 - r * r;
      }
      return phi;
    }
  }
}
