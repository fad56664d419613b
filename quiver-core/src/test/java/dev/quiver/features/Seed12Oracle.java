package dev.quiver.features;

import dev.quiver.data.Bars;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The seed12 definitions computed literally, window by window, in BigDecimal arithmetic from the
 * exact values of the double inputs (34 significant digits where a division or root rounds), then
 * rounded once to double: the exact value of each definition to far below 1e-9.
 */
final class Seed12Oracle {

  static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Seed12Oracle() {}

  /** The 12 columns in seed12 order, zero-filled where the definition gives NaN or infinity. */
  static double[][] exact(Bars bars) {
    int n = bars.size();
    BigDecimal[] o = exact(bars.open());
    BigDecimal[] h = exact(bars.high());
    BigDecimal[] l = exact(bars.low());
    BigDecimal[] c = exact(bars.close());
    BigDecimal[] v = exact(bars.volume());
    double[][] out = new double[12][n];
    BigDecimal[] emaFast = ema(c, 12);
    BigDecimal[] emaSlow = ema(c, 26);
    BigDecimal[] delta = new BigDecimal[n];
    delta[0] = BigDecimal.ZERO; // diff() is NaN at row 0 and where(...) replaces it with 0
    for (int i = 1; i < n; i++) delta[i] = c[i].subtract(c[i - 1]);
    for (int i = 0; i < n; i++) {
      out[0][i] = i == 0 ? 0.0 : c[i].divide(c[i - 1], MC).subtract(BigDecimal.ONE).doubleValue();
      out[1][i] = h[i].divide(l[i], MC).doubleValue();
      out[2][i] = o[i].divide(c[i], MC).doubleValue();
      out[3][i] = mean(c, i, 5);
      out[4][i] = mean(c, i, 10);
      out[5][i] = mean(c, i, 20);
      out[6][i] = sampleStd(c, i, 5);
      out[7][i] = sampleStd(c, i, 10);
      out[8][i] = mean(v, i, 5);
      out[9][i] = volumeRatio(v, i);
      out[10][i] = rsi(delta, i);
      out[11][i] = emaFast[i].subtract(emaSlow[i]).doubleValue();
    }
    return out;
  }

  static BigDecimal[] exact(double[] x) {
    BigDecimal[] out = new BigDecimal[x.length];
    for (int i = 0; i < x.length; i++) out[i] = new BigDecimal(x[i]);
    return out;
  }

  static BigDecimal sum(BigDecimal[] x, int end, int n) {
    BigDecimal s = BigDecimal.ZERO;
    for (int j = end - n + 1; j <= end; j++) s = s.add(x[j]);
    return s;
  }

  private static double mean(BigDecimal[] x, int i, int n) {
    if (i < n - 1) return 0.0;
    return sum(x, i, n).divide(BigDecimal.valueOf(n), MC).doubleValue();
  }

  /** sum((x - mean)^2) / (n - 1) = (n sum(x^2) - sum(x)^2) / (n (n - 1)), exact until the one division. */
  static BigDecimal sampleVariance(BigDecimal[] x, int i, int n) {
    return centralSumTimesN(x, i, n).divide(BigDecimal.valueOf((long) n * (n - 1)), MC);
  }

  /** n * sum((x - mean)^2) = n sum(x^2) - sum(x)^2 over x[i-n+1..i], exactly. */
  static BigDecimal centralSumTimesN(BigDecimal[] x, int i, int n) {
    BigDecimal s = BigDecimal.ZERO;
    BigDecimal s2 = BigDecimal.ZERO;
    for (int j = i - n + 1; j <= i; j++) {
      s = s.add(x[j]);
      s2 = s2.add(x[j].multiply(x[j]));
    }
    return s2.multiply(BigDecimal.valueOf(n)).subtract(s.multiply(s));
  }

  private static double sampleStd(BigDecimal[] x, int i, int n) {
    if (i < n - 1) return 0.0;
    return sampleVariance(x, i, n).sqrt(MC).doubleValue();
  }

  private static double volumeRatio(BigDecimal[] v, int i) {
    if (i < 4) return 0.0;
    BigDecimal mean = sum(v, i, 5).divide(BigDecimal.valueOf(5), MC);
    if (mean.signum() == 0) return 0.0; // 0/0 -> NaN -> 0 (the mean is 0 only when v[i] is)
    return v[i].divide(mean, MC).doubleValue();
  }

  private static double rsi(BigDecimal[] delta, int i) {
    if (i < 13) return 0.0;
    BigDecimal gain = BigDecimal.ZERO;
    BigDecimal loss = BigDecimal.ZERO;
    for (int j = i - 13; j <= i; j++) {
      if (delta[j].signum() > 0) gain = gain.add(delta[j]);
      if (delta[j].signum() < 0) loss = loss.subtract(delta[j]);
    }
    gain = gain.divide(BigDecimal.valueOf(14), MC);
    loss = loss.divide(BigDecimal.valueOf(14), MC);
    if (loss.signum() == 0) return gain.signum() > 0 ? 100.0 : 0.0; // gain/0 = inf -> 100; 0/0 -> NaN -> 0
    BigDecimal rs = gain.divide(loss, MC);
    return HUNDRED.subtract(HUNDRED.divide(BigDecimal.ONE.add(rs), MC)).doubleValue();
  }

  /** pandas ewm(span, adjust=False): e[0] = x[0], e[i] = (1 - a) e[i-1] + a x[i], a = 2/(span+1) exactly. */
  static BigDecimal[] ema(BigDecimal[] x, int span) {
    BigDecimal a = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(span + 1), MC);
    BigDecimal keep = BigDecimal.ONE.subtract(a);
    BigDecimal[] e = new BigDecimal[x.length];
    if (x.length == 0) return e;
    e[0] = x[0];
    for (int i = 1; i < x.length; i++) e[i] = keep.multiply(e[i - 1], MC).add(a.multiply(x[i], MC), MC);
    return e;
  }
}
