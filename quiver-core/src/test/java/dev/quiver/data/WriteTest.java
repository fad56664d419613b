package dev.quiver.data;

import static dev.quiver.data.TestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing series back like their source, atomically. */
class WriteTest {

  @TempDir Path dir;

  private static String gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_futures_file_written_back_as_csv_gz_is_the_same_text() throws IOException {
    LoadedData d = MarketData.read(TestData.file(TestData.FUTURES_1M), ReadOptions.defaults());
    Path out = dir.resolve("copy.csv.gz");
    MarketData.write(d.series(), out, d.source());
    // the source ends its lines with CRLF; the writer uses LF
    assertThat(gunzip(out)).isEqualTo(gunzip(TestData.file(TestData.FUTURES_1M)).replace("\r\n", "\n"));
    LoadedData again = MarketData.read(out, ReadOptions.defaults());
    assertThat(again.series()).isEqualTo(d.series());
  }

  @Test
  void timestamp_formats_survive_a_write_and_read() {
    List<String> files = List.of(
        "timestamp,open,high,low,close,volume\n2024-01-02T09:30:00+08:00,10,11,9,10.5,100\n2024-01-02T09:31:00+08:00,10.5,12,10,11.25,200\n",
        "timestamp,open,high,low,close,volume\n2024-01-02 09:30:00,10,11,9,10.5,100\n2024-01-02 09:31:00,10.5,12,10,11.25,200\n",
        "timestamp,open,high,low,close,volume\n2024-01-02T09:30:00.250,10,11,9,10.5,100\n2024-01-02T09:31:00.250,10.5,12,10,11.25,200\n",
        "timestamp,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,12,10,11.25,200\n",
        "timestamp,open,high,low,close,volume\n1704159000,10,11,9,10.5,100\n1704159060,10.5,12,10,11.25,200\n",
        "timestamp,open,high,low,close,volume\n1704159000000,10,11,9,10.5,100\n1704159060000,10.5,12,10,11.25,200\n");
    ReadOptions shanghai = ReadOptions.defaults().withZone(ZoneId.of("Asia/Shanghai")).withDefaultSymbol("S");
    int k = 0;
    for (String content : files) {
      Path in = text(dir, "in" + k + ".csv", content);
      LoadedData d = MarketData.read(in, shanghai);
      Path out = dir.resolve("out" + k + ".csv");
      MarketData.write(d.series(), out, d.source());
      assertThat(TestFiles.read(out).series()).isNotEmpty();
      assertThat(readString(out)).isEqualTo(content);
      assertThat(MarketData.read(out, shanghai).series()).isEqualTo(d.series());
      k++;
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void extras_and_a_symbol_column_are_written() {
    Path in = text(dir, "x.csv", """
        timestamp,open,high,low,close,volume,my_signal
        2024-01-02T01:30:00Z,10,11,9,10.5,100,0.25
        2024-01-02T01:31:00Z,10.5,12,10,11,200,
        """);
    LoadedData d = TestFiles.read(in);
    Bars other = new Bars("OTHER", Timeframe.M1, d.series().get(0).time(), d.series().get(0).open(), d.series().get(0).high(),
        d.series().get(0).low(), d.series().get(0).close(), d.series().get(0).volume(), d.series().get(0).extras());
    Path out = dir.resolve("two.csv");
    MarketData.write(List.of(d.series().get(0), other), out, d.source());
    assertThat(readString(out)).isEqualTo("""
        timestamp,open,high,low,close,volume,my_signal,symbol
        2024-01-02T01:30:00Z,10,11,9,10.5,100,0.25,x
        2024-01-02T01:31:00Z,10.5,12,10,11,200,,x
        2024-01-02T01:30:00Z,10,11,9,10.5,100,0.25,OTHER
        2024-01-02T01:31:00Z,10.5,12,10,11,200,,OTHER
        """);
  }

  @Test
  void a_failed_write_leaves_no_temporary_file_and_keeps_the_old_target() throws IOException {
    LoadedData d = MarketData.read(TestData.file(TestData.FUTURES_1M), ReadOptions.defaults());
    Path target = dir.resolve("out.csv");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep.txt"), "old");
    assertThatThrownBy(() -> MarketData.write(d.series(), target, d.source())).isInstanceOf(BadInputException.class);
    Path file = dir.resolve("taken.csv");
    Files.writeString(file, "old content");
    Bars bad = new Bars("B", Timeframe.M1, new long[] {0}, new double[] {1}, new double[] {1}, new double[] {1},
        new double[] {1}, new double[] {1});
    SourceInfo parquetLike = new SourceInfo(file, "parquet", TimestampFormat.ISO, null, List.of("timestamp", "open", "high", "low", "close"),
        false, Timeframe.M1);
    assertThatThrownBy(() -> MarketData.write(List.of(bad), dir.resolve("x.parquet"), parquetLike))
        .isInstanceOf(BadInputException.class).hasMessageContaining("quiver-parquet");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.csv", "taken.csv");
    }
    assertThat(Files.readString(file)).isEqualTo("old content");
  }

  @Test
  void writing_replaces_an_existing_file_whole() throws IOException {
    Path in = text(dir, "a.csv", "timestamp,open,high,low,close\n2024-01-02T01:30:00Z,10,11,9,10.5\n");
    LoadedData d = TestFiles.read(in);
    Path out = text(dir, "b.csv", "something else entirely, and longer than the new content\n");
    MarketData.write(d.series(), out, d.source());
    assertThat(Files.readString(out)).isEqualTo("timestamp,open,high,low,close\n2024-01-02T01:30:00Z,10,11,9,10.5\n");
  }

  @Test
  void an_unknown_output_extension_is_bad_input() {
    LoadedData d = TestFiles.read(text(dir, "a.csv", "timestamp,open,high,low,close\n2024-01-02T01:30:00Z,10,11,9,10.5\n"));
    assertThatThrownBy(() -> MarketData.write(d.series(), dir.resolve("out.xlsx"), d.source()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("out.xlsx");
    assertThatThrownBy(() -> MarketData.write(d.series(), dir.resolve("no/such/dir/out.csv"), d.source()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
  }
}
