package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads a duration as a number with a unit: {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}; a bare number is seconds. */
final class DurationText implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration d;
      if (t.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      else if (t.endsWith("s")) d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
      else if (t.endsWith("m")) d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
      else if (t.endsWith("h")) d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
      else d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
      if (d.isNegative() || d.isZero()) throw new NumberFormatException();
      return d;
    } catch (NumberFormatException e) {
      throw new BadInputException(Where.none(), "'" + text + "' is not a positive duration", "write it like 500ms, 90s, 10m or 2h");
    }
  }
}
