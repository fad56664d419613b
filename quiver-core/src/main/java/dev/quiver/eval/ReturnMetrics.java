package dev.quiver.eval;

/**
 * Performance statistics of one series of simple per-period returns {@code r} (0.01 = +1%), with
 * the conventions of the empyrical library. {@code ppy} is the number of periods per year (see
 * {@link PeriodsPerYear}), {@code rf} a risk-free return per period (0 by default) used by the
 * Sharpe ratio and the probabilistic Sharpe ratio only.
 *
 * <ul>
 *   <li>{@code totalReturn} = prod(1 + r) - 1;
 *   <li>{@code annualReturn} (CAGR) = prod(1 + r)^(ppy / n) - 1; -1 when the wealth reached 0,
 *       NaN when it went negative;
 *   <li>{@code annualVolatility} = std(r, ddof=1) * sqrt(ppy);
 *   <li>{@code sharpe} = mean(r - rf) / std(r, ddof=1) * sqrt(ppy);
 *   <li>{@code sortino} = mean(r) * ppy / (sqrt(mean(min(r, 0)^2)) * sqrt(ppy)), the downside
 *       deviation taken over all n periods about 0 (empyrical's required return 0);
 *   <li>{@code maxDrawdown} = min over t of W_t / max(W_0..W_t) - 1 on the compounded wealth
 *       W_0 = 1, W_t = prod_{i<=t}(1 + r_i); W_0 counts as a peak, so a first-period loss is a
 *       drawdown; 0 or negative (-0.25 is a 25% fall);
 *   <li>{@code calmar} = annualReturn / |maxDrawdown|, NaN when there is no drawdown;
 *   <li>{@code hitRate} = (periods with r > 0) / (periods with r != 0);
 *   <li>{@code profitFactor} = sum of positive r / |sum of negative r|;
 *   <li>{@code winLossRatio} = mean of positive r / |mean of negative r|;
 *   <li>{@code skewness} = m3 / m2^1.5 and {@code kurtosis} = m4 / m2^2 with the population
 *       central moments m_k = mean((r - mean(r))^k): the biased estimators of
 *       {@code scipy.stats.skew} and {@code scipy.stats.kurtosis(fisher=False)}. The kurtosis is
 *       <b>raw</b> (3 for a normal distribution), not excess;
 *   <li>{@code probabilisticSharpe}: {@link SharpeInference#probabilisticSharpe} of the
 *       per-period Sharpe against a benchmark of 0.
 * </ul>
 *
 * Undefined values are NaN, never an exception: everything for n = 0; volatility, Sharpe,
 * Sortino, skewness, kurtosis and PSR for n < 2; Sharpe for zero variance; Sortino with no
 * negative period; hit rate with no non-zero period; profit factor and win/loss ratio with no
 * negative period (and the win/loss ratio with no positive one). The computation is two passes
 * over a primitive array with no allocation; the wealth is rescaled by powers of two as it goes,
 * so a long series neither overflows nor underflows. Immutable and thread-safe.
 */
public record ReturnMetrics(long n, double periodsPerYear, double riskFree, double totalReturn, double annualReturn,
    double annualVolatility, double sharpe, double sortino, double maxDrawdown, double calmar, double hitRate,
    double profitFactor, double winLossRatio, double skewness, double kurtosis, double probabilisticSharpe) {

  private static final double BIG = 0x1p500;
  private static final double SMALL = 0x1p-500;
  private static final double PEAK_CAP = 0x1p600;

  /** With a risk-free return of 0. */
  public static ReturnMetrics of(double[] returns, double periodsPerYear) {
    return of(returns, periodsPerYear, 0.0);
  }

  /**
   * @param returns simple returns per period, all finite
   * @param periodsPerYear positive and finite
   * @param riskFree risk-free return per period, finite
   * @throws IllegalArgumentException for a non-finite return (naming its index) or a bad argument
   */
  public static ReturnMetrics of(double[] returns, double periodsPerYear, double riskFree) {
    if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
      throw new IllegalArgumentException("periods per year must be positive and finite, got " + periodsPerYear);
    }
    if (!Double.isFinite(riskFree)) throw new IllegalArgumentException("risk-free return must be finite, got " + riskFree);
    int n = returns.length;
    double nan = Double.NaN;
    if (n == 0) return new ReturnMetrics(0, periodsPerYear, riskFree, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);

    double sum = 0;
    double gains = 0;
    double losses = 0;
    double downSquares = 0;
    long positives = 0;
    long negatives = 0;
    double wealth = 1;
    double peak = 1;
    int scale = 0;
    double minRatio = 1;
    for (int i = 0; i < n; i++) {
      double r = returns[i];
      if (!Double.isFinite(r)) throw new IllegalArgumentException("return at index " + i + " is " + r);
      sum += r;
      double up = Math.max(r, 0.0);
      double down = Math.min(r, 0.0);
      gains += up;
      losses += down;
      downSquares += down * down;
      positives += r > 0 ? 1 : 0;
      negatives += r < 0 ? 1 : 0;
      wealth *= 1 + r;
      peak = Math.max(peak, wealth);
      minRatio = Math.min(minRatio, wealth / peak);
      double a = Math.abs(wealth);
      if (a > BIG || (a < SMALL && a != 0)) {
        int e = Math.getExponent(a);
        wealth = Math.scalb(wealth, -e);
        peak = Math.min(Math.scalb(peak, -e), PEAK_CAP);
        scale += e;
      }
    }
    double mean = sum / n;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      double d = returns[i] - mean;
      double d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;

    double total = Math.scalb(wealth, scale) - 1;
    double annual;
    if (wealth < 0) annual = nan;
    else if (wealth == 0) annual = -1;
    else annual = Math.expm1((Math.log(wealth) + scale * Math.log(2)) * periodsPerYear / n);
    double maxDrawdown = minRatio - 1;
    double calmar = maxDrawdown < 0 ? annual / -maxDrawdown : nan;
    if (Double.isInfinite(calmar)) calmar = nan;
    double hitRate = positives + negatives == 0 ? nan : (double) positives / (positives + negatives);
    double profitFactor = negatives == 0 ? nan : gains / -losses;
    double winLoss = negatives == 0 || positives == 0 ? nan : (gains / positives) / (-losses / negatives);

    double volatility = nan;
    double sharpe = nan;
    double sortino = nan;
    double skewness = nan;
    double kurtosis = nan;
    double psr = nan;
    if (n >= 2) {
      double std = Math.sqrt(m2 * n / (n - 1));
      volatility = std * Math.sqrt(periodsPerYear);
      double periodSharpe = std == 0 ? nan : (mean - riskFree) / std;
      sharpe = periodSharpe * Math.sqrt(periodsPerYear);
      double downside = Math.sqrt(downSquares / n);
      sortino = downside == 0 ? nan : mean * periodsPerYear / (downside * Math.sqrt(periodsPerYear));
      if (m2 > 0) {
        skewness = m3 / Math.pow(m2, 1.5);
        kurtosis = m4 / (m2 * m2);
      }
      psr = SharpeInference.probabilisticSharpe(periodSharpe, n, skewness, kurtosis, 0.0);
    }
    return new ReturnMetrics(n, periodsPerYear, riskFree, total, annual, volatility, sharpe, sortino, maxDrawdown, calmar,
        hitRate, profitFactor, winLoss, skewness, kurtosis, psr);
  }

  /** The Sharpe ratio per period, not annualised: {@code sharpe / sqrt(periodsPerYear)} (the unit PSR and DSR take). */
  public double periodSharpe() {
    return sharpe / Math.sqrt(periodsPerYear);
  }
}
