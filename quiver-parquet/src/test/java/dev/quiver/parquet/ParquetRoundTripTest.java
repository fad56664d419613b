package dev.quiver.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.data.IsoLayout;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import dev.quiver.data.Resampler;
import dev.quiver.data.SourceInfo;
import dev.quiver.data.Timeframe;
import dev.quiver.data.TimestampFormat;
import dev.quiver.error.BadInputException;
import dev.quiver.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet in and out through DuckDB, found by core through the TableFormat SPI. */
class ParquetRoundTripTest {

  @TempDir Path dir;

  private static String gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bars_written_to_parquet_read_back_identical() {
    LoadedData csv = MarketData.read(TestData.file(TestData.FUTURES_1M), ReadOptions.defaults());
    Path out = dir.resolve("futures.parquet");
    MarketData.write(csv.series(), out, csv.source());
    LoadedData pq = MarketData.read(out, ReadOptions.defaults());
    assertThat(pq.source().format()).isEqualTo("parquet");
    assertThat(pq.source().timestampFormat()).isEqualTo(TimestampFormat.ISO);
    assertThat(pq.source().timeframe()).isEqualTo(Timeframe.M1);
    assertThat(pq.source().columns()).containsExactly("timestamp", "open", "high", "low", "close", "volume", "symbol");
    assertThat(pq.report().clean()).isTrue();
    assertThat(pq.series()).isEqualTo(csv.series());
    for (Bars b : pq.series()) assertThat(b).isEqualTo(TestData.futures(b.symbol()));
  }

  @Test
  void csv_to_parquet_to_csv_gives_back_the_same_text() throws IOException {
    LoadedData csv = MarketData.read(TestData.file(TestData.FUTURES_1M), ReadOptions.defaults());
    Path pqFile = dir.resolve("f.parquet");
    MarketData.write(csv.series(), pqFile, csv.source());
    LoadedData pq = MarketData.read(pqFile, ReadOptions.defaults());
    Path back = dir.resolve("back.csv.gz");
    MarketData.write(pq.series(), back, pq.source());
    assertThat(gunzip(back)).isEqualTo(gunzip(TestData.file(TestData.FUTURES_1M)).replace("\r\n", "\n"));
  }

  @Test
  void epoch_timestamps_and_extras_survive_parquet() {
    Path in = write("e.csv", """
        timestamp,open,high,low,close,volume,my_signal
        1704159000000,10,11,9,10.5,100,0.25
        1704159060000,10.5,12,10,11,200,
        1704159120000,11,12,10.5,11.5,300,0.5
        """);
    LoadedData csv = MarketData.read(in, ReadOptions.defaults());
    assertThat(csv.report().clean()).isTrue();
    Path pq = dir.resolve("e.parquet");
    MarketData.write(csv.series(), pq, csv.source());
    LoadedData back = MarketData.read(pq, ReadOptions.defaults().withDefaultSymbol("e"));
    assertThat(back.report().clean()).isTrue();
    assertThat(back.source().timestampFormat()).isEqualTo(TimestampFormat.EPOCH_MILLIS);
    assertThat(back.series()).isEqualTo(csv.series());
    assertThat(back.series().get(0).extras().get("my_signal")[1]).isNaN();
  }

  @Test
  void parquet_written_by_duckdb_from_csv_reads_like_the_csv() throws Exception {
    Path pq = dir.resolve("foreign.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      st.execute("COPY (SELECT * FROM read_csv('" + TestData.file(TestData.ASHARE_1M) + "')) TO '" + pq + "' (FORMAT PARQUET)");
    }
    LoadedData fromParquet = MarketData.read(pq, ReadOptions.defaults());
    LoadedData fromCsv = MarketData.read(TestData.file(TestData.ASHARE_1M), ReadOptions.defaults());
    assertThat(fromParquet.series()).isEqualTo(fromCsv.series());
    assertThat(fromParquet.report().problems()).extracting(p -> p.rule())
        .containsExactlyElementsOf(fromCsv.report().problems().stream().map(p -> p.rule()).toList());
    // Parquet problems are located by 1-based row number: the CSV line minus its header
    assertThat(fromParquet.report().problems()).extracting(p -> p.where().line())
        .containsExactlyElementsOf(fromCsv.report().problems().stream().map(p -> p.where().line() - 1).toList());
  }

  @Test
  void local_timestamps_and_dates_in_parquet_are_placed_in_the_read_zone() throws Exception {
    Path pq = dir.resolve("local.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM (VALUES (TIMESTAMP '2024-01-02 09:30:00', 10.0, 11.0, 9.0, 10.5), "
          + "(TIMESTAMP '2024-01-02 09:31:00', 10.0, 11.0, 9.0, 10.5)) t(ts, o, h, l, c)) TO '" + pq + "' (FORMAT PARQUET)");
    }
    ReadOptions o = ReadOptions.defaults().withZone(ZoneId.of("Asia/Shanghai"))
        .withColumns(dev.quiver.data.ColumnMapping.parse("timestamp=ts,open=o,high=h,low=l,close=c"));
    LoadedData d = MarketData.read(pq, o);
    assertThat(d.series().get(0).time()[0]).isEqualTo(java.time.Instant.parse("2024-01-02T01:30:00Z").toEpochMilli());
    assertThat(d.source().isoLayout()).isEqualTo(IsoLayout.LOCAL);
    assertThat(d.series().get(0).symbol()).isEqualTo("local");
  }

  @Test
  void trades_in_parquet_aggregate_like_the_oracle() throws Exception {
    Path csv = dir.resolve("trades.csv");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(TestData.BITSTAMP_RESOURCE)) {
      Files.copy(in, csv);
    }
    Path pq = dir.resolve("trades.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv('" + csv + "', columns = {'timestamp': 'BIGINT', 'price': 'DOUBLE', 'amount': 'DOUBLE'}, header = true))"
          + " TO '" + pq + "' (FORMAT PARQUET)");
    }
    LoadedData d = MarketData.read(pq, ReadOptions.defaults().withDefaultSymbol("BTCUSD"));
    assertThat(d.source().ticks()).isTrue();
    assertThat(d.source().timestampFormat()).isEqualTo(TimestampFormat.EPOCH_SECONDS);
    assertThat(d.series()).containsExactly(TestData.bitstampMinuteBars());
  }

  @Test
  void resampled_bars_can_be_written_to_parquet() {
    Bars icl = TestData.futures("ICL8.cfe");
    Bars m5 = Resampler.resample(icl, Timeframe.M5).bars();
    Path out = dir.resolve("m5.parquet");
    MarketData.write(List.of(m5), out, SourceInfo.standard(Timeframe.M5));
    LoadedData back = MarketData.read(out, ReadOptions.defaults());
    assertThat(back.source().timeframe()).isEqualTo(Timeframe.M5);
    assertThat(back.series()).containsExactly(m5);
  }

  @Test
  void a_damaged_parquet_file_is_bad_input_and_a_failed_write_leaves_nothing() throws IOException {
    byte[] noise = new byte[4096];
    new Random(3).nextBytes(noise);
    Path bad = Files.write(dir.resolve("noise.parquet"), noise);
    assertThatThrownBy(() -> MarketData.read(bad, ReadOptions.defaults())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("Parquet");
    Path target = dir.resolve("taken.parquet");
    Files.createDirectory(target);
    Files.writeString(target.resolve("x"), "x");
    Bars icl = TestData.futures("ICL8.cfe").slice(0, 10);
    assertThatThrownBy(() -> MarketData.write(List.of(icl), target, SourceInfo.standard(Timeframe.M1))).isInstanceOf(BadInputException.class);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("noise.parquet", "taken.parquet");
    }
  }

  private Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
