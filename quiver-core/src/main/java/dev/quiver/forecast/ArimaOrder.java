package dev.quiver.forecast;

import dev.quiver.error.BadInputException;

/**
 * The order of an ARIMA model: {@code p} autoregressive lags, {@code d} differences and
 * {@code q} moving-average lags, each at least 0 ({@code p, q <= 20}, {@code d <= 2}).
 * Written and parsed as {@code "p,d,q"}.
 */
public record ArimaOrder(int p, int d, int q) {

  public static final int MAX_LAGS = 20;
  public static final int MAX_D = 2;

  public ArimaOrder {
    if (p < 0 || q < 0 || d < 0 || p > MAX_LAGS || q > MAX_LAGS || d > MAX_D) {
      throw new BadInputException("ARIMA order (" + p + "," + d + "," + q + ") is out of range: need 0 <= p, q <= " + MAX_LAGS + " and 0 <= d <= " + MAX_D);
    }
  }

  /** Parses {@code "p,d,q"}, e.g. {@code "1,1,1"}. */
  public static ArimaOrder parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length == 3) {
      try {
        return new ArimaOrder(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), Integer.parseInt(parts[2].trim()));
      } catch (NumberFormatException e) {
        // reported below with the expected form
      }
    }
    throw new BadInputException(dev.quiver.error.Where.none(), "ARIMA order '" + text + "' is not three integers p,d,q", "write the order as p,d,q, e.g. --order 1,1,1");
  }

  /** Whether the model has a constant: only when {@code d == 0}, where it is the process mean. */
  public boolean hasConstant() {
    return d == 0;
  }

  /** Estimated parameters, sigma2 and the constant included: the {@code k} of AIC, BIC and AICc. */
  public int parameterCount() {
    return p + q + 1 + (hasConstant() ? 1 : 0);
  }

  @Override
  public String toString() {
    return p + "," + d + "," + q;
  }
}
