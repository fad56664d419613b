package dev.quiver.eval;

/**
 * Scores of real-valued forecasts {@code pred} against outcomes {@code y}.
 *
 * <ul>
 *   <li>{@code rmse}, {@code mae}: root mean squared and mean absolute error;
 *   <li>{@code r2}: {@code 1 - SS_res / SS_tot} with SS_tot about the mean of y (can be negative);
 *       NaN when y is constant;
 *   <li>{@code directionalAccuracy}: share of rows where the forecast calls the sign, a row being
 *       right when {@code (pred > 0) == (y > 0)}; zero counts as "not up", the tie convention of
 *       the direction label.
 * </ul>
 *
 * All fields are NaN (and n 0) for no rows.
 */
public record RegressionMetrics(double rmse, double mae, double r2, double directionalAccuracy, long n) {

  /** @throws IllegalArgumentException when lengths differ or a value is NaN */
  public static RegressionMetrics of(float[] y, double[] pred) {
    int n = y.length;
    if (pred.length != n) throw new IllegalArgumentException(pred.length + " predictions for " + n + " outcomes");
    if (n == 0) return new RegressionMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (Float.isNaN(y[i]) || Double.isNaN(pred[i])) throw new IllegalArgumentException("NaN at row " + i);
      sum += y[i];
    }
    double mean = sum / n;
    double ssRes = 0, ssTot = 0, abs = 0;
    long right = 0;
    for (int i = 0; i < n; i++) {
      double e = pred[i] - y[i];
      double d = y[i] - mean;
      ssRes += e * e;
      ssTot += d * d;
      abs += Math.abs(e);
      if ((pred[i] > 0) == (y[i] > 0)) right++;
    }
    double r2 = ssTot == 0 ? Double.NaN : 1 - ssRes / ssTot;
    return new RegressionMetrics(Math.sqrt(ssRes / n), abs / n, r2, (double) right / n, n);
  }
}
