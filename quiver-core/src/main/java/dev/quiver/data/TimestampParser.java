package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Parses timestamps from bytes to epoch milliseconds UTC without allocating. ISO-8601 accepts
 * {@code yyyy-MM-dd}, then {@code T}, {@code t} or a space, {@code HH:mm}, optional {@code :ss}
 * and a fraction of up to 9 digits (truncated to milliseconds), then nothing (a wall-clock time
 * in the read zone), {@code Z}, or an offset {@code ±HH:mm}, {@code ±HHmm}, {@code ±HH}. A date
 * alone is midnight in the read zone. Epoch seconds may carry a fraction; epoch milliseconds
 * written with a fraction are truncated. Not thread-safe: {@link #failed()} reports on the last
 * call.
 */
final class TimestampParser {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final TimestampFormat format;
  private final ZoneClock clock;
  private final DecimalParser fallback = new DecimalParser();
  private boolean failed;
  /** The last date parsed, as its 10 bytes, and its midnight: rows of one day share it. */
  private long cachedDateHead;
  private int cachedDateTail = -1;
  private long cachedDateWall;

  TimestampParser(TimestampFormat format, ZoneId zone) {
    this.format = format;
    this.clock = new ZoneClock(zone);
  }

  TimestampFormat format() {
    return format;
  }

  boolean failed() {
    return failed;
  }

  long parse(byte[] b, int s, int e) {
    failed = false;
    while (s < e && b[s] == ' ') s++;
    while (e > s && b[e - 1] == ' ') e--;
    return switch (format) {
      case ISO -> iso(b, s, e);
      case EPOCH_SECONDS -> epoch(b, s, e, 1000);
      case EPOCH_MILLIS -> epoch(b, s, e, 1);
    };
  }

  long parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  private long fail() {
    failed = true;
    return Long.MIN_VALUE;
  }

  private static int digit(byte c) {
    int d = c - '0';
    return d >= 0 && d <= 9 ? d : -1;
  }

  private static int two(byte[] b, int i) {
    int a = digit(b[i]);
    int c = digit(b[i + 1]);
    return a < 0 || c < 0 ? -1 : a * 10 + c;
  }

  private long iso(byte[] b, int s, int e) {
    int n = e - s;
    if (n < 10) return fail();
    long head = (long) LONGS.get(b, s);
    int tail = (b[s + 8] << 8) | (b[s + 9] & 0xff);
    long wall;
    if (head == cachedDateHead && tail == cachedDateTail) {
      wall = cachedDateWall;
    } else {
      if (b[s + 4] != '-' || b[s + 7] != '-') return fail();
      int y1 = two(b, s);
      int y2 = two(b, s + 2);
      int month = two(b, s + 5);
      int day = two(b, s + 8);
      if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return fail();
      int year = y1 * 100 + y2;
      if (day > CivilTime.lengthOfMonth(year, month)) return fail();
      wall = CivilTime.daysFromCivil(year, month, day) * CivilTime.DAY_MS;
      cachedDateHead = head;
      cachedDateTail = tail;
      cachedDateWall = wall;
    }
    if (n == 10) return clock.toEpoch(wall);
    byte sep = b[s + 10];
    if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || b[s + 13] != ':') return fail();
    int hour = two(b, s + 11);
    int minute = two(b, s + 14);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return fail();
    int i = s + 16;
    int second = 0;
    long millis = 0;
    if (i < e && b[i] == ':') {
      if (i + 3 > e) return fail();
      second = two(b, i + 1);
      if (second < 0 || second > 59) return fail();
      i += 3;
      if (i < e && (b[i] == '.' || b[i] == ',')) {
        i++;
        int start = i;
        long scale = 100;
        while (i < e && digit(b[i]) >= 0) {
          if (scale > 0) millis += digit(b[i]) * scale;
          scale /= 10;
          i++;
        }
        if (i == start || i - start > 9) return fail();
      }
    }
    wall += hour * 3_600_000L + minute * 60_000L + second * 1000L + millis;
    if (i == e) return clock.toEpoch(wall);
    if ((b[i] == 'Z' || b[i] == 'z') && i + 1 == e) return wall;
    long offset = offsetMillis(b, i, e);
    if (offset == Long.MIN_VALUE) return fail();
    return wall - offset;
  }

  /** The offset {@code ±HH[:mm]} in b[i, e) in milliseconds, or Long.MIN_VALUE. */
  private static long offsetMillis(byte[] b, int i, int e) {
    if (b[i] != '+' && b[i] != '-') return Long.MIN_VALUE;
    int sign = b[i] == '-' ? -1 : 1;
    int n = e - i - 1;
    int hours;
    int minutes = 0;
    if (n == 2) {
      hours = two(b, i + 1);
    } else if (n == 4) {
      hours = two(b, i + 1);
      minutes = two(b, i + 3);
    } else if (n == 5 && b[i + 3] == ':') {
      hours = two(b, i + 1);
      minutes = two(b, i + 4);
    } else {
      return Long.MIN_VALUE;
    }
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) return Long.MIN_VALUE;
    return sign * (hours * 3_600_000L + minutes * 60_000L);
  }

  private long epoch(byte[] b, int s, int e, long unitMillis) {
    int i = s;
    boolean negative = false;
    if (i < e && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long whole = 0;
    int digits = 0;
    for (; i < e && digit(b[i]) >= 0; i++) {
      whole = whole * 10 + digit(b[i]);
      if (++digits > 18) return epochFallback(b, s, e, unitMillis);
    }
    long frac = 0;
    if (i < e && b[i] == '.') {
      i++;
      long scale = unitMillis / 10;
      for (; i < e && digit(b[i]) >= 0; i++) {
        frac += digit(b[i]) * scale;
        scale /= 10;
      }
    }
    if (i != e || digits == 0) return epochFallback(b, s, e, unitMillis);
    long ms = whole * unitMillis + frac;
    return negative ? -ms : ms;
  }

  private long epochFallback(byte[] b, int s, int e, long unitMillis) {
    double v = fallback.parse(b, s, e);
    if (fallback.failed() || !Double.isFinite(v)) return fail();
    return (long) Math.floor(v * unitMillis);
  }

  // ---- detection from the first data row ----

  /**
   * The format of one timestamp as written: ISO when it has a date part, else epoch seconds
   * or milliseconds by magnitude. Null when it is neither.
   */
  static TimestampFormat detect(byte[] b, int s, int e, Path file, long line, String column) {
    while (s < e && b[s] == ' ') s++;
    while (e > s && b[e - 1] == ' ') e--;
    if (e - s >= 10 && b[s + 4] == '-' && b[s + 7] == '-') return TimestampFormat.ISO;
    DecimalParser p = new DecimalParser();
    double v = p.parse(b, s, e);
    if (p.failed() || !Double.isFinite(v)) return null;
    return byMagnitude(v, file, line, column, new String(b, s, e - s, StandardCharsets.UTF_8));
  }

  /** Epoch seconds below 1e11, milliseconds below 1e14; larger values are refused. */
  static TimestampFormat byMagnitude(double v, Path file, long line, String column, String text) {
    double a = Math.abs(v);
    if (a < 1e11) return TimestampFormat.EPOCH_SECONDS;
    if (a < 1e14) return TimestampFormat.EPOCH_MILLIS;
    throw new BadInputException(List.of(new Problem(Where.cell(file, line, column), text, "unsupported_timestamp",
        "timestamp " + text + " looks like micro- or nanoseconds since the epoch; only seconds and milliseconds are read")),
        "convert the column to epoch milliseconds or ISO-8601");
  }

  /** The ISO layout of one ISO timestamp as written (as accepted by {@link #parse}). */
  static IsoLayout layout(byte[] b, int s, int e) {
    while (s < e && b[s] == ' ') s++;
    while (e > s && b[e - 1] == ' ') e--;
    if (e - s <= 10) return IsoLayout.DATE;
    byte last = b[e - 1];
    if (last == 'Z' || last == 'z') return IsoLayout.UTC;
    if (offsetStart(b, s, e) >= 0) return IsoLayout.OFFSET;
    return b[s + 10] == ' ' ? IsoLayout.LOCAL_SPACE : IsoLayout.LOCAL;
  }

  /** The offset written at the end of an ISO timestamp, or null when it has none. */
  static ZoneOffset offset(byte[] b, int s, int e) {
    while (e > s && b[e - 1] == ' ') e--;
    int i = offsetStart(b, s, e);
    if (i < 0) return null;
    long ms = offsetMillis(b, i, e);
    return ms == Long.MIN_VALUE ? null : ZoneOffset.ofTotalSeconds((int) (ms / 1000));
  }

  private static int offsetStart(byte[] b, int s, int e) {
    for (int i = e - 1; i >= s + 16; i--) {
      if (b[i] == '+' || b[i] == '-') return i;
    }
    return -1;
  }
}
