package dev.quiver.data;

import dev.quiver.error.BadInputException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** A bar length. Bars are stamped with their OPEN time; a bar closes at {@code open + millis()}. */
public enum Timeframe {
  M1("1m", 60_000L),
  M5("5m", 5 * 60_000L),
  M15("15m", 15 * 60_000L),
  M30("30m", 30 * 60_000L),
  H1("1h", 3_600_000L),
  H4("4h", 4 * 3_600_000L),
  D1("1d", 86_400_000L);

  private final String label;
  private final long millis;

  Timeframe(String label, long millis) {
    this.label = label;
    this.millis = millis;
  }

  public String label() {
    return label;
  }

  public long millis() {
    return millis;
  }

  public Duration duration() {
    return Duration.ofMillis(millis);
  }

  /** Parses "1m", "5m", "15m", "30m", "1h", "4h", "1d" (case-insensitive). */
  public static Timeframe parse(String text) {
    String t = text.trim().toLowerCase();
    for (Timeframe tf : values()) if (tf.label.equals(t)) return tf;
    throw BadInputException.unknown("timeframe", text, labels());
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Timeframe::label).toList();
  }

  @Override
  public String toString() {
    return label;
  }
}
