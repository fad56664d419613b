package dev.quiver.deep;

/**
 * How much generated return paths look like real ones: the two-sample Kolmogorov-Smirnov
 * statistic of all their returns pooled (0 = same distribution, 1 = disjoint), the moments of
 * each (mean, population std with ddof 0, skewness, excess kurtosis), and the autocorrelation of
 * returns and of absolute returns (volatility clustering) at lags 1..L, each the pooled
 * within-path estimate (every path demeaned by the pooled mean; a lag never spans two paths).
 * Immutable.
 */
public record PathRealism(double ks, Moments real, Moments generated, double[] realAcf, double[] generatedAcf, double[] realAbsAcf,
    double[] generatedAbsAcf) {

  /** Mean, population std (ddof 0), skewness and excess kurtosis of a sample. */
  public record Moments(double mean, double std, double skew, double excessKurtosis) {

    static Moments of(double[][] paths) {
      double n = 0;
      double sum = 0;
      for (double[] p : paths) {
        for (double v : p) {
          sum += v;
          n++;
        }
      }
      double mean = sum / n;
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      for (double[] p : paths) {
        for (double v : p) {
          double d = v - mean;
          m2 += d * d;
          m3 += d * d * d;
          m4 += d * d * d * d;
        }
      }
      m2 /= n;
      m3 /= n;
      m4 /= n;
      double std = Math.sqrt(m2);
      return new Moments(mean, std, m2 == 0 ? 0 : m3 / (std * m2), m2 == 0 ? 0 : m4 / (m2 * m2) - 3);
    }
  }

  /** Compares {@code generated} paths with {@code real} ones (each a row of returns) at lags 1..{@code lags}. */
  public static PathRealism of(double[][] real, double[][] generated, int lags) {
    return new PathRealism(ks(pooled(real), pooled(generated)), Moments.of(real), Moments.of(generated), acf(real, lags, false),
        acf(generated, lags, false), acf(real, lags, true), acf(generated, lags, true));
  }

  /** The largest gap between the empirical CDFs of {@code a} and {@code b}. */
  static double ks(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    int i = 0;
    int j = 0;
    double worst = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= v) i++;
      while (j < y.length && y[j] <= v) j++;
      worst = Math.max(worst, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return worst;
  }

  static double[] acf(double[][] paths, int lags, boolean absolute) {
    double n = 0;
    double sum = 0;
    for (double[] p : paths) {
      for (double v : p) {
        sum += absolute ? Math.abs(v) : v;
        n++;
      }
    }
    double mean = sum / n;
    double var = 0;
    for (double[] p : paths) {
      for (double v : p) {
        double d = (absolute ? Math.abs(v) : v) - mean;
        var += d * d;
      }
    }
    double[] out = new double[lags];
    for (int lag = 1; lag <= lags; lag++) {
      double cov = 0;
      for (double[] p : paths) {
        for (int t = lag; t < p.length; t++) {
          double a = (absolute ? Math.abs(p[t]) : p[t]) - mean;
          double b = (absolute ? Math.abs(p[t - lag]) : p[t - lag]) - mean;
          cov += a * b;
        }
      }
      out[lag - 1] = var == 0 ? 0 : cov / var;
    }
    return out;
  }

  private static double[] pooled(double[][] paths) {
    int n = 0;
    for (double[] p : paths) n += p.length;
    double[] out = new double[n];
    int k = 0;
    for (double[] p : paths) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }
}
