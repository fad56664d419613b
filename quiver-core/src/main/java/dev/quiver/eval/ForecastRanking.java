package dev.quiver.eval;

/**
 * How well a real-valued forecast ranks the realised returns, in the two scores that put a
 * regression model on the same table as a classifier.
 *
 * <ul>
 *   <li>{@code auc}: the area under the ROC curve of the forecast used as a score for "the realised
 *       return is up" ({@link ClassificationMetrics#auc()}, ties in the forecast counted one half).
 *       Tie rule for the outcome: a return of exactly zero counts as "not up" (class 0), the
 *       convention of the direction label and of {@link RegressionMetrics#directionalAccuracy()},
 *       so a regression model's auc is scored on the same classes as a direction classifier's on
 *       the same rows. NaN when every return is up or none is.
 *   <li>{@code ic}: the Spearman rank correlation of forecast and realised return
 *       ({@link InformationCoefficient#spearman}, ties averaged). NaN for fewer than 2 rows or a
 *       constant side.
 * </ul>
 *
 * Only the order of the forecast matters: any increasing transform of it gives the same scores.
 */
public record ForecastRanking(double auc, double ic, long n) {

  /**
   * @param forecast one predicted value per row
   * @param realised the realised simple return of each row
   * @throws IllegalArgumentException when lengths differ or a value is NaN or infinite
   */
  public static ForecastRanking of(double[] forecast, double[] realised) {
    int n = forecast.length;
    if (realised.length != n) throw new IllegalArgumentException(forecast.length + " forecasts for " + realised.length + " returns");
    double ic = InformationCoefficient.spearman(forecast, realised);
    float[] up = new float[n];
    for (int i = 0; i < n; i++) up[i] = realised[i] > 0 ? 1f : 0f;
    double auc = n == 0 ? Double.NaN : ClassificationMetrics.of(up, forecast).auc();
    return new ForecastRanking(auc, ic, n);
  }
}
