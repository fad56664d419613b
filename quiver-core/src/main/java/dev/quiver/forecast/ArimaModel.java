package dev.quiver.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fitted ARIMA(p,d,q), immutable and thread-safe. Conventions (statsmodels' {@code ARIMA}):
 * for {@code d = 0} the model is {@code y[t] = const + u[t]} with {@code u} a zero-mean ARMA, so
 * {@code const} is the process mean; for {@code d >= 1} there is no constant and the ARMA applies
 * to the d-th differences, the first d observations being left out of the likelihood (the exact
 * diffuse likelihood). AR polynomial {@code 1 - ar.L1 B - ..}, MA polynomial {@code 1 + ma.L1 B + ..}.
 *
 * <p>{@link #params()} are in the order of {@link #paramNames()}: {@code const} (d = 0 only),
 * {@code ar.L1..ar.Lp}, {@code ma.L1..ma.Lq}, {@code sigma2} (innovation variance, maximum
 * likelihood, i.e. divided by n). Standard errors come from the inverse of a numerical Hessian of
 * the log-likelihood at the optimum (statsmodels' {@code cov_type='approx'}); NaN where the
 * Hessian is not negative definite. {@code nobs} is the number of observations in the
 * likelihood ({@code n - d}); AIC {@code = -2 llf + 2k}, BIC {@code = -2 llf + k ln(nobs)},
 * AICc {@code = AIC + 2k(k+1)/(nobs-k-1)}, k counting every estimated parameter including sigma2
 * and the constant.
 */
public final class ArimaModel {

  private final ArimaOrder order;
  private final double[] params;
  private final double[] standardErrors;
  private final double llf;
  private final int nobs;
  // forecasting state: predicted ARMA state and its covariance (in units of sigma2) after the last observation
  private final double[] state;
  private final double[] stateCov;
  private final double[] lastLevels;

  /** A model with known parameters (as {@link #params()}), for one-step forecasts only: it holds no series, so {@link #forecast} continues from an empty history. */
  public static ArimaModel of(ArimaOrder order, double[] params) {
    if (params.length != order.parameterCount()) {
      throw new IllegalArgumentException("ARIMA(" + order + ") has " + order.parameterCount() + " parameters, got " + params.length);
    }
    int r = Math.max(order.p(), order.q() + 1);
    double[] se = new double[params.length];
    java.util.Arrays.fill(se, Double.NaN);
    return new ArimaModel(order, params, se, Double.NaN, 0, new double[r], new double[r * r], new double[order.d()]);
  }

  ArimaModel(ArimaOrder order, double[] params, double[] standardErrors, double llf, int nobs, double[] state, double[] stateCov,
      double[] lastLevels) {
    this.order = order;
    this.params = params.clone();
    this.standardErrors = standardErrors.clone();
    this.llf = llf;
    this.nobs = nobs;
    this.state = state.clone();
    this.stateCov = stateCov.clone();
    this.lastLevels = lastLevels.clone();
  }

  public ArimaOrder order() {
    return order;
  }

  /** {@code const} (d = 0 only), {@code ar.L1..}, {@code ma.L1..}, {@code sigma2}. */
  public List<String> paramNames() {
    List<String> names = new ArrayList<>();
    if (order.hasConstant()) names.add("const");
    for (int i = 1; i <= order.p(); i++) names.add("ar.L" + i);
    for (int i = 1; i <= order.q(); i++) names.add("ma.L" + i);
    names.add("sigma2");
    return Collections.unmodifiableList(names);
  }

  public double[] params() {
    return params.clone();
  }

  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /** The process mean for d = 0, else 0. */
  public double constant() {
    return order.hasConstant() ? params[0] : 0;
  }

  public double[] ar() {
    int from = order.hasConstant() ? 1 : 0;
    return java.util.Arrays.copyOfRange(params, from, from + order.p());
  }

  public double[] ma() {
    int from = (order.hasConstant() ? 1 : 0) + order.p();
    return java.util.Arrays.copyOfRange(params, from, from + order.q());
  }

  public double sigma2() {
    return params[params.length - 1];
  }

  public double llf() {
    return llf;
  }

  /** Observations in the likelihood: the series length minus d. */
  public int nobs() {
    return nobs;
  }

  public int parameterCount() {
    return order.parameterCount();
  }

  public double aic() {
    return -2 * llf + 2 * parameterCount();
  }

  public double bic() {
    return -2 * llf + parameterCount() * Math.log(nobs);
  }

  public double aicc() {
    int k = parameterCount();
    return aic() + 2.0 * k * (k + 1) / (nobs - k - 1);
  }

  /**
   * One-step forecasts along {@code y[0..n)} with this model's parameters (not re-estimated):
   * {@code out[i]} is the forecast of {@code y[i+1]} from {@code y[0..i]} only, by the Kalman
   * filter started from the stationary distribution at {@code y[0]}. For d >= 1 the first d
   * entries, which have no differences yet, are {@code y[i]} (no change). Causal: changing
   * {@code y[j]} changes no {@code out[i]} with {@code i < j}.
   */
  public double[] oneStepForecasts(double[] y, int n) {
    int d = order.d();
    double[] out = new double[n];
    if (n == 0) return out;
    double c = constant();
    double[] w = Arima.difference(y, n, d);
    if (order.hasConstant()) for (int i = 0; i < w.length; i++) w[i] -= c;
    double[] next = new double[w.length];
    ArmaKalman k = new ArmaKalman(order.p(), order.q());
    if (w.length > 0 && !k.filter(w, w.length, ar(), ma(), next)) {
      throw new dev.quiver.error.InternalException("the fitted ARIMA(" + order + ") parameters are not stationary", null);
    }
    for (int i = 0; i < Math.min(d, n); i++) out[i] = y[i];
    for (int t = 0; t < w.length; t++) {
      int i = t + d; // w[t] ends at y[i]; next[t] forecasts w[t+1], which ends at y[i+1]
      double f = next[t] + c;
      for (int j = 1; j <= d; j++) f -= ((j % 2 == 0) ? 1 : -1) * binomial(d, j) * y[i + 1 - j];
      out[i] = f;
    }
    return out;
  }

  /** Forecasts {@code steps} (>= 1) steps after the last observation, with standard errors. */
  public ArimaForecast forecast(int steps) {
    if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    ArmaKalman k = new ArmaKalman(order.p(), order.q());
    k.coefficients(ar(), ma());
    int r = k.r;
    double[] a = state.clone();
    double[] cov = stateCov.clone();
    double[] w = new double[steps];
    double[][] firstColumns = new double[steps][];
    for (int h = 0; h < steps; h++) {
      w[h] = a[0];
      double[] col = new double[r];
      for (int i = 0; i < r; i++) col[i] = cov[i * r];
      firstColumns[h] = col;
      k.predictState(a);
      k.predictCovariance(cov, cov);
    }
    // c[j][l] = Cov(e_w(j), e_w(l)) / sigma2 for l >= j: first entry of T^(l-j) P_j e_0
    double[][] c = new double[steps][steps];
    for (int j = 0; j < steps; j++) {
      double[] v = firstColumns[j].clone();
      for (int l = j; l < steps; l++) {
        c[j][l] = v[0];
        c[l][j] = v[0];
        k.predictState(v);
      }
    }
    double s2 = sigma2();
    double[] mean = new double[steps];
    double[] se = new double[steps];
    int d = order.d();
    if (d == 0) {
      for (int h = 0; h < steps; h++) {
        mean[h] = constant() + w[h];
        se[h] = Math.sqrt(s2 * c[h][h]);
      }
      return new ArimaForecast(mean, se);
    }
    // y[t] = w[t] - sum_{i=1..d} (-1)^i C(d,i) y[t-i]; lastLevels holds y[n-d..n-1]
    double[] levels = new double[d + steps];
    System.arraycopy(lastLevels, 0, levels, 0, d);
    for (int h = 0; h < steps; h++) {
      double y = w[h];
      for (int i = 1; i <= d; i++) y -= ((i % 2 == 0) ? 1 : -1) * binomial(d, i) * levels[d + h - i];
      levels[d + h] = y;
      mean[h] = y;
    }
    // e_y(h) = sum_{j<=h} C(h-j+d-1, d-1) e_w(j)
    for (int h = 0; h < steps; h++) {
      double v = 0;
      for (int j = 0; j <= h; j++) {
        double aj = binomial(h - j + d - 1, d - 1);
        for (int l = 0; l <= h; l++) v += aj * binomial(h - l + d - 1, d - 1) * c[j][l];
      }
      se[h] = Math.sqrt(s2 * v);
    }
    return new ArimaForecast(mean, se);
  }

  private static double binomial(int n, int k) {
    double b = 1;
    for (int i = 1; i <= k; i++) b = b * (n - k + i) / i;
    return b;
  }
}
