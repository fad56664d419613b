package dev.quiver.data;

import static dev.quiver.data.TestFiles.ms;
import static dev.quiver.data.TestFiles.read;
import static dev.quiver.data.TestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timestamp, header, delimiter and column detection on small files. */
class CsvFormatsTest {

  @TempDir Path dir;

  private static final String ROWS_Z = """
      timestamp,open,high,low,close,volume
      2024-01-02T01:30:00Z,10,11,9,10.5,100
      2024-01-02T01:31:00Z,10.5,12,10,11,200
      2024-01-02T01:32:00Z,11,11.5,10.5,11.25,50
      """;

  @Test
  void iso_utc_timestamps_are_detected_with_their_layout() {
    LoadedData d = read(text(dir, "a.csv", ROWS_Z));
    assertThat(d.source().timestampFormat()).isEqualTo(TimestampFormat.ISO);
    assertThat(d.source().isoLayout()).isEqualTo(IsoLayout.UTC);
    assertThat(d.series().get(0).time()).containsExactly(ms("2024-01-02T01:30:00Z"), ms("2024-01-02T01:31:00Z"), ms("2024-01-02T01:32:00Z"));
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.M1);
    assertThat(d.source().format()).isEqualTo("csv");
  }

  @Test
  void iso_offsets_place_each_row_in_time_and_keep_the_offset_for_writing() {
    LoadedData d = read(text(dir, "a.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T09:30:00+08:00,10,11,9,10.5,100
        2024-01-02T09:31:00+0800,10,11,9,10.5,100
        2024-01-02T01:32:00.250Z,10,11,9,10.5,100
        """));
    assertThat(d.source().isoLayout()).isEqualTo(IsoLayout.OFFSET);
    assertThat(d.source().zone()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(d.series().get(0).time()).containsExactly(ms("2024-01-02T01:30:00Z"), ms("2024-01-02T01:31:00Z"), ms("2024-01-02T01:32:00.250Z"));
  }

  @Test
  void local_timestamps_are_read_in_the_zone_option() {
    Path f = text(dir, "a.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02 09:30:00,10,11,9,10.5,100
        2024-01-02 09:31:00,10,11,9,10.5,100
        """);
    LoadedData utc = read(f);
    assertThat(utc.series().get(0).time()[0]).isEqualTo(ms("2024-01-02T09:30:00Z"));
    assertThat(utc.source().isoLayout()).isEqualTo(IsoLayout.LOCAL_SPACE);
    LoadedData shanghai = MarketData.read(f, ReadOptions.defaults().withZone(ZoneId.of("Asia/Shanghai")));
    assertThat(shanghai.series().get(0).time()[0]).isEqualTo(ms("2024-01-02T01:30:00Z"));
    assertThat(shanghai.source().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void local_times_across_a_daylight_saving_change_follow_the_zone_rules() {
    Path f = text(dir, "ny.csv", """
        timestamp,open,high,low,close
        2024-03-09T12:00:00,10,11,9,10.5
        2024-03-10T01:00:00,10,11,9,10.5
        2024-03-10T03:00:00,10,11,9,10.5
        2024-03-11T12:00:00,10,11,9,10.5
        """);
    ZoneId ny = ZoneId.of("America/New_York");
    LoadedData d = MarketData.read(f, ReadOptions.defaults().withZone(ny));
    long[] expected = {
        java.time.LocalDateTime.parse("2024-03-09T12:00:00").atZone(ny).toInstant().toEpochMilli(),
        java.time.LocalDateTime.parse("2024-03-10T01:00:00").atZone(ny).toInstant().toEpochMilli(),
        java.time.LocalDateTime.parse("2024-03-10T03:00:00").atZone(ny).toInstant().toEpochMilli(),
        java.time.LocalDateTime.parse("2024-03-11T12:00:00").atZone(ny).toInstant().toEpochMilli()};
    assertThat(d.series().get(0).time()).containsExactly(expected);
    assertThat(expected[2] - expected[1]).isEqualTo(3_600_000L);
  }

  @Test
  void date_only_timestamps_make_daily_bars_at_midnight() {
    LoadedData d = read(text(dir, "d.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02,10,11,9,10.5,100
        2024-01-03,10,11,9,10.5,100
        2024-01-04,10,11,9,10.5,100
        2024-01-08,10,11,9,10.5,100
        """));
    assertThat(d.source().isoLayout()).isEqualTo(IsoLayout.DATE);
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.D1);
    assertThat(d.series().get(0).time()[1]).isEqualTo(ms("2024-01-03T00:00:00Z"));
  }

  @Test
  void epoch_seconds_and_milliseconds_are_told_apart_by_magnitude() {
    LoadedData s = read(text(dir, "s.csv", """
        timestamp,open,high,low,close
        1704159000,10,11,9,10.5
        1704159060,10,11,9,10.5
        1704159120.5,10,11,9,10.5
        """));
    assertThat(s.source().timestampFormat()).isEqualTo(TimestampFormat.EPOCH_SECONDS);
    assertThat(s.series().get(0).time()).containsExactly(1_704_159_000_000L, 1_704_159_060_000L, 1_704_159_120_500L);
    LoadedData m = read(text(dir, "m.csv", """
        timestamp,open,high,low,close
        1704159000000,10,11,9,10.5
        1704159060000,10,11,9,10.5
        """));
    assertThat(m.source().timestampFormat()).isEqualTo(TimestampFormat.EPOCH_MILLIS);
    assertThat(m.series().get(0).time()).containsExactly(1_704_159_000_000L, 1_704_159_060_000L);
  }

  @Test
  void a_set_timestamp_format_overrides_detection() {
    Path f = text(dir, "s.csv", """
        timestamp,open,high,low,close
        86400000,10,11,9,10.5
        172800000,10,11,9,10.5
        """);
    LoadedData d = MarketData.read(f, ReadOptions.defaults().withTimestampFormat(TimestampFormat.EPOCH_MILLIS));
    assertThat(d.series().get(0).time()).containsExactly(86_400_000L, 172_800_000L);
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.D1);
  }

  @Test
  void a_headerless_file_takes_the_default_column_order() {
    LoadedData d = read(text(dir, "nohead.csv", """
        2024-01-02T01:30:00Z,10,11,9,10.5,100,AAA
        2024-01-02T01:31:00Z,10.5,12,10,11,200,AAA
        """));
    assertThat(d.source().header()).isFalse();
    assertThat(d.source().columns()).containsExactly("timestamp", "open", "high", "low", "close", "volume", "symbol");
    assertThat(d.series()).extracting(Bars::symbol).containsExactly("AAA");
    assertThat(d.series().get(0).close()).containsExactly(10.5, 11.0);
    assertThat(d.series().get(0).volume()).containsExactly(100.0, 200.0);
  }

  @Test
  void the_header_option_overrides_detection() {
    Path f = text(dir, "nohead.csv", """
        2024-01-02T01:30:00Z,10,11,9,10.5,100
        2024-01-02T01:31:00Z,10.5,12,10,11,200
        """);
    LoadedData d = MarketData.read(f, ReadOptions.defaults().withHasHeader(false));
    assertThat(d.totalBars()).isEqualTo(2);
    assertThat(d.series().get(0).symbol()).isEqualTo("nohead");
  }

  @Test
  void a_column_mapping_names_other_columns_and_headers_match_ignoring_case() {
    Path f = text(dir, "mapped.csv", """
        Time,Open,High,Low,PX,Vol,Ticker
        2024-01-02T01:30:00Z,10,11,9,10.5,100,AAA
        2024-01-02T01:31:00Z,10.5,12,10,11,200,AAA
        """);
    ReadOptions o = ReadOptions.defaults().withColumns(ColumnMapping.parse("timestamp=time, close=px, volume=vol, symbol=ticker"));
    LoadedData d = MarketData.read(f, o);
    Bars b = d.series().get(0);
    assertThat(b.symbol()).isEqualTo("AAA");
    assertThat(b.close()).containsExactly(10.5, 11.0);
    assertThat(b.volume()).containsExactly(100.0, 200.0);
    assertThat(d.source().mapping().close()).isEqualTo("PX");
    assertThat(d.source().mapping().open()).isEqualTo("Open");
  }

  @Test
  void many_symbols_in_one_file_become_one_series_each_in_order_of_first_appearance() {
    LoadedData d = read(text(dir, "multi.csv", """
        timestamp,open,high,low,close,volume,symbol
        2024-01-02T01:30:00Z,10,11,9,10.5,100,ZZZ
        2024-01-02T01:30:00Z,20,21,19,20.5,100,AAA
        2024-01-02T01:31:00Z,10,11,9,10.5,100,ZZZ
        2024-01-02T01:31:00Z,20,21,19,20.5,100,AAA
        2024-01-02T01:32:00Z,20,21,19,20.5,100,AAA
        """));
    assertThat(d.series()).extracting(Bars::symbol).containsExactly("ZZZ", "AAA");
    assertThat(d.series()).extracting(Bars::size).containsExactly(2, 3);
    assertThat(d.report().clean()).isTrue();
  }

  @Test
  void extra_numeric_columns_are_kept_by_name_and_text_columns_are_ignored_with_a_note() {
    LoadedData d = read(text(dir, "extras.csv", """
        timestamp,open,high,low,close,volume,my_signal,exchange,open_interest
        2024-01-02T01:30:00Z,10,11,9,10.5,100,0.25,SHFE,1200
        2024-01-02T01:31:00Z,10.5,12,10,11,200,,SHFE,1250
        """));
    Bars b = d.series().get(0);
    assertThat(b.extras()).containsOnlyKeys("my_signal", "open_interest");
    assertThat(b.extras().get("my_signal")[0]).isEqualTo(0.25);
    assertThat(b.extras().get("my_signal")[1]).isNaN();
    assertThat(b.extras().get("open_interest")).containsExactly(1200.0, 1250.0);
    assertThat(d.report().notes()).anyMatch(n -> n.contains("'exchange' ignored"));
    assertThat(d.report().clean()).isTrue();
  }

  @Test
  void semicolons_crlf_quotes_and_a_byte_order_mark_are_understood() {
    LoadedData d = read(text(dir, "excel.csv", "\uFEFF\"timestamp\";\"open\";\"high\";\"low\";\"close\";\"volume\";\"symbol\"\r\n"
        + "2024-01-02T01:30:00Z;10;11;9;10.5;100;\"A;B\"\r\n"
        + "\r\n"
        + "2024-01-02T01:31:00Z;10.5;12;10;11;200;\"A;B\"\r\n"));
    assertThat(d.series()).extracting(Bars::symbol).containsExactly("A;B");
    assertThat(d.series().get(0).volume()).containsExactly(100.0, 200.0);
    assertThat(d.report().clean()).isTrue();
  }

  @Test
  void gzip_is_recognised_by_its_magic_bytes_whatever_the_name() {
    Path f = TestFiles.gzip(dir, "looks_plain.csv", ROWS_Z);
    LoadedData d = read(f);
    assertThat(d.source().format()).isEqualTo("csv.gz");
    assertThat(d.totalBars()).isEqualTo(3);
  }

  @Test
  void the_symbol_defaults_to_the_file_name_stem_or_the_option() {
    Path f = TestFiles.gzip(dir, "eurusd_1m.csv.gz", ROWS_Z);
    assertThat(read(f).series().get(0).symbol()).isEqualTo("eurusd_1m");
    assertThat(MarketData.read(f, ReadOptions.defaults().withDefaultSymbol("EURUSD")).series().get(0).symbol()).isEqualTo("EURUSD");
  }

  @Test
  void timeframe_is_the_most_common_step() {
    LoadedData d = read(text(dir, "five.csv", """
        timestamp,open,high,low,close
        2024-01-02T01:30:00Z,10,11,9,10.5
        2024-01-02T01:35:00Z,10,11,9,10.5
        2024-01-02T01:40:00Z,10,11,9,10.5
        2024-01-02T05:00:00Z,10,11,9,10.5
        2024-01-02T05:05:00Z,10,11,9,10.5
        """));
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.M5);
  }

  @Test
  void each_series_gets_its_own_timeframe() {
    LoadedData d = read(text(dir, "mixed.csv", """
        timestamp,open,high,low,close,symbol
        2024-01-02T01:30:00Z,10,11,9,10.5,A
        2024-01-02T01:31:00Z,10,11,9,10.5,A
        2024-01-02T01:32:00Z,10,11,9,10.5,A
        2024-01-02T01:30:00Z,10,11,9,10.5,B
        2024-01-02T01:35:00Z,10,11,9,10.5,B
        """));
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.M1);
    assertThat(d.series("A").timeframe()).isEqualTo(Timeframe.M1);
    assertThat(d.series("B").timeframe()).isEqualTo(Timeframe.M5);
    assertThat(d.report().notes()).anyMatch(n -> n.startsWith("symbol B has 5m bars"));
  }

  @Test
  void pandas_nan_and_inf_are_read_as_not_finite_values() {
    LoadedData d = read(text(dir, "nan.csv", """
        timestamp,open,high,low,close
        2024-01-02T01:30:00Z,10,11,9,10.5
        2024-01-02T01:31:00Z,nan,11,9,10.5
        2024-01-02T01:32:00Z,10,inf,9,10.5
        2024-01-02T01:33:00Z,10,11,9,NaN
        """));
    assertThat(d.report().problems()).extracting(p -> p.rule()).containsExactly("not_finite", "not_finite", "not_finite");
    assertThat(d.report().problems()).extracting(p -> p.where().line()).containsExactly(3L, 4L, 5L);
    assertThat(d.totalBars()).isEqualTo(1);
  }
}
