package dev.quiver.features;

/**
 * Exponential and Wilder smoothing over one column. Stateless; safe from many threads.
 *
 * <p>The exponential moving average is pandas' {@code ewm(span=N, adjust=False)}: {@code e[0] =
 * x[0]}, {@code e[i] = (1 - a) e[i-1] + a x[i]} with {@code a = 2/(N+1)}. It is computed as the
 * deviation {@code u[i] = e[i] - x[i]}, which follows {@code u[i] = (1 - a)(u[i-1] - (x[i] -
 * x[i-1]))}: u is of the size of recent price moves rather than of the price, so its rounding is
 * too, and a difference of two averages (MACD) keeps full precision near zero.
 */
final class Smoothing {

  private Smoothing() {}

  /** The smoothing factor of an N-span exponential average, 2/(N+1). */
  static double alpha(int span) {
    return 2.0 / (span + 1);
  }

  /** {@code u[i]} = EMA(span) of x at row i minus {@code x[i]}; rows from 0. */
  static void emaDeviation(double[] x, int span, double[] u) {
    final int len = x.length;
    if (len == 0) return;
    final double keep = 1.0 - alpha(span);
    double dev = 0.0;
    u[0] = 0.0;
    for (int i = 1; i < len; i++) {
      dev = keep * (dev - (x[i] - x[i - 1]));
      u[i] = dev;
    }
  }

  /** {@code out[i]} = EMA(fast) - EMA(slow) of x, both seeded with {@code x[0]}; rows from 0. */
  static void emaDifference(double[] x, int fast, int slow, double[] out) {
    final int len = x.length;
    if (len == 0) return;
    final double keepFast = 1.0 - alpha(fast);
    final double keepSlow = 1.0 - alpha(slow);
    double devFast = 0.0;
    double devSlow = 0.0;
    out[0] = 0.0;
    for (int i = 1; i < len; i++) {
      final double step = x[i] - x[i - 1];
      devFast = keepFast * (devFast - step);
      devSlow = keepSlow * (devSlow - step);
      out[i] = devFast - devSlow;
    }
  }

  /** {@code out[i]} = EMA(span) of x seeded with {@code x[0]}, in the plain recursive form. */
  static void ema(double[] x, int span, double[] out) {
    final int len = x.length;
    if (len == 0) return;
    final double a = alpha(span);
    double e = x[0];
    out[0] = e;
    for (int i = 1; i < len; i++) {
      e += a * (x[i] - e);
      out[i] = e;
    }
  }

  /**
   * Wilder's smoothing of {@code x[1..]} (x[0] is ignored): {@code out[n]} = mean of {@code
   * x[1..n]}, then {@code out[i] = (out[i-1] * (n-1) + x[i]) / n}. Rows before n are untouched.
   */
  static void wilder(double[] x, int n, double[] out) {
    final int len = x.length;
    if (n >= len) return;
    double sum = 0;
    for (int i = 1; i <= n; i++) sum += x[i];
    double avg = sum / n;
    out[n] = avg;
    final double keep = n - 1;
    for (int i = n + 1; i < len; i++) {
      avg = (avg * keep + x[i]) / n;
      out[i] = avg;
    }
  }
}
