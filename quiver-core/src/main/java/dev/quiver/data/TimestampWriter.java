package dev.quiver.data;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Writes epoch milliseconds the way a source wrote its timestamps ({@link SourceInfo}), so that
 * outputs keep their input's timestamp format: ISO in the source's {@link IsoLayout} and zone,
 * epoch seconds (with a {@code .SSS} fraction only when the millisecond part is not zero) or
 * epoch milliseconds. Not thread-safe (it caches the zone offset); make one per writer.
 */
public final class TimestampWriter {

  private final TimestampFormat format;
  private final IsoLayout layout;
  private final ZoneClock clock;
  private final int[] ymd = new int[3];

  public TimestampWriter(TimestampFormat format, IsoLayout layout, ZoneId zone) {
    this.format = Objects.requireNonNull(format, "format");
    this.layout = layout == null ? IsoLayout.UTC : layout;
    ZoneId z = zone == null ? ZoneOffset.UTC : zone;
    this.clock = new ZoneClock(this.layout == IsoLayout.UTC ? ZoneOffset.UTC : z);
  }

  /** Writes timestamps as {@code source} wrote them. */
  public static TimestampWriter of(SourceInfo source) {
    return new TimestampWriter(source.timestampFormat(), source.isoLayout(), source.zone());
  }

  public String format(long epochMillis) {
    StringBuilder sb = new StringBuilder(25);
    append(sb, epochMillis);
    return sb.toString();
  }

  public void append(StringBuilder sb, long epochMillis) {
    switch (format) {
      case EPOCH_MILLIS -> sb.append(epochMillis);
      case EPOCH_SECONDS -> {
        long seconds = Math.floorDiv(epochMillis, 1000);
        long ms = Math.floorMod(epochMillis, 1000);
        sb.append(seconds);
        if (ms != 0) fraction(sb.append('.'), ms);
      }
      case ISO -> iso(sb, epochMillis);
    }
  }

  private void iso(StringBuilder sb, long epochMillis) {
    long offset = clock.offsetAt(epochMillis);
    long wall = epochMillis + offset;
    long day = Math.floorDiv(wall, CivilTime.DAY_MS);
    long msOfDay = wall - day * CivilTime.DAY_MS;
    CivilTime.civilFromDays(day, ymd);
    four(sb, ymd[0]).append('-');
    two(sb, ymd[1]).append('-');
    two(sb, ymd[2]);
    if (layout == IsoLayout.DATE) return;
    sb.append(layout == IsoLayout.LOCAL_SPACE ? ' ' : 'T');
    int secondsOfDay = (int) (msOfDay / 1000);
    two(sb, secondsOfDay / 3600).append(':');
    two(sb, secondsOfDay / 60 % 60).append(':');
    two(sb, secondsOfDay % 60);
    long ms = msOfDay % 1000;
    if (ms != 0) fraction(sb.append('.'), ms);
    if (layout == IsoLayout.UTC) {
      sb.append('Z');
    } else if (layout == IsoLayout.OFFSET) {
      int total = (int) (offset / 60_000);
      sb.append(total < 0 ? '-' : '+');
      total = Math.abs(total);
      two(sb, total / 60).append(':');
      two(sb, total % 60);
    }
  }

  private static StringBuilder fraction(StringBuilder sb, long ms) {
    if (ms < 100) sb.append('0');
    if (ms < 10) sb.append('0');
    return sb.append(ms);
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  private static StringBuilder four(StringBuilder sb, int v) {
    if (v < 0 || v > 9999) return sb.append(v);
    return sb.append((char) ('0' + v / 1000)).append((char) ('0' + v / 100 % 10))
        .append((char) ('0' + v / 10 % 10)).append((char) ('0' + v % 10));
  }
}
