package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.Arrays;

/**
 * {@code ret_std_N}: sample standard deviation (ddof=1) of the last N simple one-bar returns
 * {@code c[j]/c[j-1] - 1}, i.e. pandas {@code close.pct_change().rolling(N).std()}, not
 * annualised. The first return is at row 1, so rows 0..N-1 are NaN; 0 when the N returns are
 * equal. Requires N >= 2. Thread-safe.
 */
public record ReturnStd(int window) implements Feature {

  public ReturnStd {
    if (window < 2) throw new IllegalArgumentException("ret_std window must be >= 2, got " + window);
  }

  @Override
  public String name() {
    return "ret_std_" + window;
  }

  @Override
  public int lookback() {
    return window;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] c = bars.close();
    Arrays.fill(out, Double.NaN);
    double[] ret = new double[c.length];
    for (int i = 1; i < c.length; i++) ret[i] = (c[i] - c[i - 1]) / c[i - 1];
    RollingWindow.std(ret, 1, window, 1, null, out);
  }
}
