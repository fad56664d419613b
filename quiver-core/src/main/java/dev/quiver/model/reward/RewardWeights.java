package dev.quiver.model.reward;

/**
 * Row weights from forward returns. With {@code m} the mean of |r| over the rows whose r is finite,
 * a row's weight is {@code (|r| / m)^power} clipped to {@code [minWeight, maxWeight]}; a row whose r
 * is NaN or infinite gets weight 1 (it counts as an average row). Before clipping the weights of
 * finite rows average to 1 when power is 1, so the penalty keeps its meaning across data sets.
 * When every |r| is 0 (or none is finite) every weight is 1. Stateless and thread-safe.
 */
public final class RewardWeights {

  private RewardWeights() {}

  public static double[] of(double[] forwardReturn, double power, double minWeight, double maxWeight) {
    int n = forwardReturn.length;
    double sum = 0;
    int count = 0;
    for (double r : forwardReturn) {
      if (Double.isFinite(r)) {
        sum += Math.abs(r);
        count++;
      }
    }
    double[] w = new double[n];
    double mean = count == 0 ? 0 : sum / count;
    for (int i = 0; i < n; i++) {
      double r = forwardReturn[i];
      if (!(mean > 0) || !Double.isFinite(r)) {
        w[i] = 1.0;
        continue;
      }
      double v = power == 1.0 ? Math.abs(r) / mean : Math.pow(Math.abs(r) / mean, power);
      w[i] = Math.min(maxWeight, Math.max(minWeight, v));
    }
    return w;
  }
}
