package dev.quiver.data;

/**
 * The row-level rules validation checks, each with the stable id that {@link dev.quiver.error.Problem#rule()}
 * carries (reports and JSON output use the id). {@link Policy} says what happens to an offending row.
 */
public enum ValidationRule {
  /** The row has fewer or more fields than the header. */
  FIELD_COUNT("field_count"),
  /** A required field is empty (volume only when other rows have volume). */
  MISSING_VALUE("missing_value"),
  /** A numeric field does not parse as a number. */
  NON_NUMERIC("non_numeric"),
  /** A timestamp does not parse in the file's timestamp format. */
  BAD_TIMESTAMP("bad_timestamp"),
  /** A price, volume or extra value is NaN or infinite. */
  NOT_FINITE("not_finite"),
  /** open, high, low, close (or a trade price) is zero or negative. */
  NON_POSITIVE_PRICE("non_positive_price"),
  /** volume (or a trade amount) is negative. */
  NEGATIVE_VOLUME("negative_volume"),
  /** high is below max(open, close). */
  HIGH_BELOW_MAX_OPEN_CLOSE("high_below_max_open_close"),
  /** low is above min(open, close). */
  LOW_ABOVE_MIN_OPEN_CLOSE("low_above_min_open_close"),
  /** high is below low. */
  HIGH_BELOW_LOW("high_below_low"),
  /** The timestamp is earlier than the previous kept row of the same symbol. */
  TIMESTAMP_NOT_INCREASING("timestamp_not_increasing"),
  /** The timestamp equals the previous kept row's of the same symbol (bars only; trades may share a time). */
  DUPLICATE_TIMESTAMP("duplicate_timestamp");

  private final String id;

  ValidationRule(String id) {
    this.id = id;
  }

  /** The stable identifier, e.g. {@code high_below_low}. */
  public String id() {
    return id;
  }

  /** True for the rules {@link Policy#REPAIR} fixes by clamping rather than dropping the row. */
  public boolean clampable() {
    return this == HIGH_BELOW_MAX_OPEN_CLOSE || this == LOW_ABOVE_MIN_OPEN_CLOSE || this == HIGH_BELOW_LOW;
  }

  @Override
  public String toString() {
    return id;
  }
}
