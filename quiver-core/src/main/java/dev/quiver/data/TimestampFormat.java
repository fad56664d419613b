package dev.quiver.data;

import dev.quiver.error.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * How a source writes its timestamps. {@code null} in {@link ReadOptions} means: detect from the
 * first data row (text with a '-' date part is ISO; a number below 1e11 in magnitude is epoch
 * seconds, from 1e11 up to 1e14 epoch milliseconds; larger numbers are refused as micro or
 * nanoseconds). Times are always held as epoch milliseconds UTC once read.
 */
public enum TimestampFormat {
  /** ISO-8601: {@code 2024-06-14T01:30:00Z}, with an offset, local (then in the read zone), {@code 2024-06-14 09:30:00}, or a date. */
  ISO("iso"),
  /** Seconds since 1970-01-01T00:00:00Z, optionally with a fraction. */
  EPOCH_SECONDS("epoch_s"),
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  EPOCH_MILLIS("epoch_ms");

  private final String label;

  TimestampFormat(String label) {
    this.label = label;
  }

  /** The name used on the command line: {@code iso}, {@code epoch_s}, {@code epoch_ms}. */
  public String label() {
    return label;
  }

  /** Parses {@code iso}, {@code epoch_s} (or {@code s}, {@code seconds}), {@code epoch_ms} (or {@code ms}, {@code millis}). */
  public static TimestampFormat parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "iso", "iso8601", "iso-8601": return ISO;
      case "epoch_s", "epoch-s", "s", "seconds", "epoch_seconds": return EPOCH_SECONDS;
      case "epoch_ms", "epoch-ms", "ms", "millis", "epoch_millis": return EPOCH_MILLIS;
      default: throw BadInputException.unknown("timestamp format", text, List.of("iso", "epoch_s", "epoch_ms"));
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
