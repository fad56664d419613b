package dev.quiver.error;

/**
 * One problem found in input: where it is, the offending value as written, the rule it broke
 * (a short stable identifier such as {@code ohlc_high_below_close}) and a human message.
 */
public record Problem(Where where, String value, String rule, String message) {

  public Problem {
    value = value == null ? "" : value;
  }

  @Override
  public String toString() {
    return where + ": " + message + (value.isEmpty() ? "" : " (value '" + value + "')") + " [" + rule + "]";
  }
}
