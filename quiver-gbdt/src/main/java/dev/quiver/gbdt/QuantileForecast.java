package dev.quiver.gbdt;

import java.util.Arrays;

/**
 * Forecasts of several quantiles per row: row r's forecast of quantile {@code taus[k]} is {@code
 * values[r * taus.length + k]}. {@code taus} rise strictly, and so do not cross: each row's values
 * never fall as tau rises. Arrays are copied in and out, so instances are immutable.
 */
public record QuantileForecast(double[] taus, int rows, double[] values) {

  public QuantileForecast {
    taus = taus.clone();
    values = values.clone();
    if ((long) rows * taus.length != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + rows + " rows of " + taus.length + " quantiles");
    }
  }

  @Override
  public double[] taus() {
    return taus.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** Row r's forecast of quantile {@code taus()[k]}. */
  public double get(int row, int k) {
    return values[row * taus.length + k];
  }

  /** The forecasts of quantile {@code taus()[k]}, one per row. */
  public double[] column(int k) {
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) out[r] = values[r * taus.length + k];
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuantileForecast f && f.rows == rows && Arrays.equals(f.taus, taus) && Arrays.equals(f.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(taus) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "QuantileForecast[taus " + Arrays.toString(taus) + ", " + rows + " rows]";
  }
}
