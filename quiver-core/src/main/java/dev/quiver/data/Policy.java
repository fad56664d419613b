package dev.quiver.data;

import dev.quiver.error.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * What to do with rows that break a validation rule ({@link ValidationRule}).
 *
 * <ul>
 *   <li>{@link #FAIL} (default): report every problem; {@link MarketData#load} then throws. The
 *       series read alongside the report are those {@link #DROP} would give.
 *   <li>{@link #DROP}: drop every offending row, report what was dropped.
 *   <li>{@link #REPAIR}: fix what has one safe fix, drop the rest. Exactly: an OHLC inconsistency
 *       (high below max(open, close), low above min(open, close), high below low) is clamped to
 *       {@code high = max(open, high, low, close)}, {@code low = min(open, high, low, close)} and
 *       the row kept; a duplicate timestamp keeps the first row of that time; a row whose
 *       timestamp goes back is dropped; a row with a missing, unparseable, NaN or infinite value,
 *       a non-positive price or a negative volume is dropped. Every repair and drop is still
 *       reported.
 * </ul>
 */
public enum Policy {
  FAIL, DROP, REPAIR;

  /** Parses {@code fail}, {@code drop} or {@code repair} (case-insensitive). */
  public static Policy parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Policy p : values()) if (p.label().equals(t)) return p;
    throw BadInputException.unknown("policy", text, List.of("fail", "drop", "repair"));
  }

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return label();
  }
}
