package dev.quiver.forecast;

/**
 * Forecasts {@code h = 1..H} steps after the last observation, in the series' units:
 * {@code mean[h-1]} and its standard error {@code se[h-1]} (the square root of the mean squared
 * forecast error given the estimated parameters, parameter uncertainty not included).
 * A central {@code 1 - alpha} prediction interval is {@code mean +- z_{1-alpha/2} se}.
 */
public record ArimaForecast(double[] mean, double[] se) {

  public ArimaForecast {
    mean = mean.clone();
    se = se.clone();
  }

  public int steps() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] se() {
    return se.clone();
  }

  /** Lower end of the central prediction interval at {@code level} (e.g. 0.95) for step {@code h} (1-based). */
  public double lower(int h, double level) {
    return mean[h - 1] - z(level) * se[h - 1];
  }

  /** Upper end of the central prediction interval at {@code level} for step {@code h} (1-based). */
  public double upper(int h, double level) {
    return mean[h - 1] + z(level) * se[h - 1];
  }

  private static double z(double level) {
    if (!(level > 0 && level < 1)) throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    return new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
  }
}
