package dev.quiver.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The byte-level number and timestamp parsers agree with the JDK's. */
class ParsersTest {

  private static double parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    DecimalParser p = new DecimalParser();
    double v = p.parse(b, 0, b.length);
    assertThat(p.failed()).as(s).isFalse();
    return v;
  }

  @Property(tries = 2_000)
  void decimals_parse_to_the_same_double_as_the_jdk(@ForAll double v) {
    for (String s : new String[] {Double.toString(v), new BigDecimal(v).toPlainString(), String.format("%.4f", v), String.format("%.2f", v)}) {
      assertThat(Double.doubleToRawLongBits(parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    }
  }

  @Property(tries = 2_000)
  void price_like_decimals_parse_exactly(@ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long digits,
      @ForAll @IntRange(min = 0, max = 15) int scale) {
    String s = new BigDecimal(java.math.BigInteger.valueOf(digits), scale).toPlainString();
    assertThat(Double.doubleToRawLongBits(parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    assertThat(Double.doubleToRawLongBits(parse("-" + s))).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble("-" + s)));
  }

  @Test
  void odd_numbers_parse_or_fail_clearly() {
    assertThat(parse(" 12.5 ")).isEqualTo(12.5);
    assertThat(parse("1e3")).isEqualTo(1000.0);
    assertThat(parse("+7")).isEqualTo(7.0);
    assertThat(parse(".5")).isEqualTo(0.5);
    assertThat(parse("-0")).isEqualTo(-0.0);
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("nan")).isNaN();
    assertThat(parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(parse("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    DecimalParser p = new DecimalParser();
    for (String bad : new String[] {"", " ", "ten", "1,5", "1.2.3", "-", "."}) {
      byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
      p.parse(b, 0, b.length);
      assertThat(p.failed()).as(bad).isTrue();
    }
  }

  private static long ts(TimestampFormat f, ZoneId zone, String s) {
    TimestampParser p = new TimestampParser(f, zone);
    long v = p.parse(s);
    assertThat(p.failed()).as(s).isFalse();
    return v;
  }

  @Property(tries = 1_000)
  void iso_timestamps_parse_like_java_time(@ForAll @LongRange(min = -2_000_000_000_000L, max = 4_000_000_000_000L) long ms,
      @ForAll @IntRange(min = 0, max = 3) int zoneIndex) {
    ZoneId zone = new ZoneId[] {ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"), ZoneId.of("Europe/London")}[zoneIndex];
    Instant at = Instant.ofEpochMilli(ms);
    assertThat(ts(TimestampFormat.ISO, zone, at.toString())).isEqualTo(ms);
    String withOffset = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    assertThat(ts(TimestampFormat.ISO, ZoneOffset.UTC, withOffset)).as(withOffset).isEqualTo(ms);
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    long expected = local.atZone(zone).toInstant().toEpochMilli();
    assertThat(ts(TimestampFormat.ISO, zone, local.toString())).as(local.toString()).isEqualTo(expected);
    assertThat(ts(TimestampFormat.ISO, zone, local.toString().replace('T', ' '))).isEqualTo(expected);
    long midnight = local.toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    assertThat(ts(TimestampFormat.ISO, zone, local.toLocalDate().toString())).isEqualTo(midnight);
  }

  @Property(tries = 500)
  void timestamps_written_by_the_writer_read_back(@ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long ms,
      @ForAll @IntRange(min = 0, max = 4) int layoutIndex) {
    IsoLayout layout = IsoLayout.values()[layoutIndex];
    ZoneId zone = ZoneId.of("America/New_York");
    long t = layout == IsoLayout.DATE ? Instant.ofEpochMilli(ms).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli() : ms;
    String text = new TimestampWriter(TimestampFormat.ISO, layout, zone).format(t);
    long back = ts(TimestampFormat.ISO, zone, text);
    boolean ambiguous = zone.getRules().getValidOffsets(LocalDateTime.ofInstant(Instant.ofEpochMilli(t), zone)).size() != 1;
    if (!ambiguous || layout == IsoLayout.UTC || layout == IsoLayout.OFFSET) assertThat(back).as(text).isEqualTo(t);
    assertThat(ts(TimestampFormat.EPOCH_MILLIS, zone, new TimestampWriter(TimestampFormat.EPOCH_MILLIS, null, zone).format(ms))).isEqualTo(ms);
    assertThat(ts(TimestampFormat.EPOCH_SECONDS, zone, new TimestampWriter(TimestampFormat.EPOCH_SECONDS, null, zone).format(ms))).isEqualTo(ms);
  }

  @Test
  void invalid_iso_timestamps_fail() {
    TimestampParser p = new TimestampParser(TimestampFormat.ISO, ZoneOffset.UTC);
    for (String bad : new String[] {"2024-02-30", "2024-13-01", "2024-01-01T24:00:00Z", "2024-01-01T10:61", "2024/01/01",
        "2024-01-01T10:00:00+25:00", "2024-01-01X10:00", "20240101"}) {
      p.parse(bad);
      assertThat(p.failed()).as(bad).isTrue();
    }
  }

  @Property(tries = 300)
  void daily_buckets_in_a_zone_match_java_time(@ForAll @DoubleRange(min = 0, max = 4e12) double at) {
    ZoneClock clock = new ZoneClock(ZoneId.of("America/New_York"));
    long ms = (long) at;
    long wall = clock.toWall(ms);
    LocalDateTime expected = LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneId.of("America/New_York"));
    assertThat(wall).isEqualTo(expected.toInstant(ZoneOffset.UTC).toEpochMilli());
  }
}
