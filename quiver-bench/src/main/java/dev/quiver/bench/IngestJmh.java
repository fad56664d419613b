package dev.quiver.bench;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordWrapper;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading the bundled futures file (144,000 rows, 3 symbols, 1.7 MB gzip, 8.8 MB CSV) into
 * Bars, next to the ways it could have been done:
 *
 * <ul>
 *   <li>{@code quiverRead}: {@link MarketData#read}, the whole job (gunzip, parse, validate, build
 *       one Bars per symbol, infer the timeframe);
 *   <li>{@code fastCsvWithFastDoubleParser}: FastCSV's allocation-free callback API over a UTF-8
 *       reader, FastDoubleParser for numbers and a fixed-layout ISO parse, into flat arrays: less
 *       work than {@code quiverRead} (no validation, no split by symbol), so a fair floor for
 *       the library route;
 *   <li>{@code gunzipOnly}: inflating the file and nothing else, the floor of any reader;
 *   <li>{@code quiverReadPlainCsv} and {@code fastCsvPlainCsv}: the same two readers on an
 *       uncompressed copy (written to a temporary file at setup), which compares the parsers
 *       alone, without the helper thread that inflates gzip in parallel for {@code quiverRead}.
 * </ul>
 *
 * Run: {@code mvn -q -pl quiver-core,quiver-bench package -DskipTests}, then
 * {@code java -cp "quiver-bench/target/quiver-bench-0.1.0-SNAPSHOT.jar:quiver-bench/target/lib/*" org.openjdk.jmh.Main IngestJmh}.
 * The data file is found under the working directory's (or a parent's) {@code data/} folder, or
 * given with {@code -p file=PATH}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IngestJmh {

  @Param("")
  public String file;

  private Path path;
  private Path plain;

  @Setup
  public void prepare() throws IOException {
    path = locate(file);
    plain = Files.createTempFile("futures", ".csv");
    plain.toFile().deleteOnExit();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      Files.copy(in, plain, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path locate(String given) {
    if (!given.isEmpty()) return Path.of(given);
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("data/cn_index_futures_1m.csv.gz"))) p = p.getParent();
    if (p == null) {
      throw new IllegalStateException("data/cn_index_futures_1m.csv.gz not found above " + Path.of("").toAbsolutePath() + "; pass -p file=PATH");
    }
    return p.resolve("data/cn_index_futures_1m.csv.gz");
  }

  @TearDown
  public void removeCopy() throws IOException {
    Files.deleteIfExists(plain);
  }

  @Benchmark
  public LoadedData quiverReadPlainCsv() {
    return MarketData.read(plain, ReadOptions.defaults());
  }

  @Benchmark
  public FlatColumns fastCsvPlainCsv() throws IOException {
    FlatColumns columns = new FlatColumns();
    try (CsvReader<Boolean> reader = CsvReader.builder().build(columns, plain, StandardCharsets.UTF_8)) {
      for (Boolean ignored : reader) {
        columns.rows++;
      }
    }
    return columns;
  }

  @Benchmark
  public LoadedData quiverRead() {
    return MarketData.read(path, ReadOptions.defaults());
  }

  @Benchmark
  public long gunzipOnly() throws IOException {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16)) {
      for (int n; (n = in.read(buf)) > 0; ) total += n;
    }
    return total;
  }

  @Benchmark
  public FlatColumns fastCsvWithFastDoubleParser() throws IOException {
    FlatColumns columns = new FlatColumns();
    try (CsvReader<Boolean> reader = CsvReader.builder().build(columns,
        new InputStreamReader(new GZIPInputStream(Files.newInputStream(path), 1 << 16), StandardCharsets.UTF_8))) {
      for (Boolean ignored : reader) {
        columns.rows++;
      }
    }
    return columns;
  }

  /** Columns filled field by field from FastCSV's callbacks (the header row is skipped). */
  public static final class FlatColumns extends AbstractBaseCsvCallbackHandler<Boolean> {
    int rows = -1;
    long[] time = new long[1024];
    double[] open = new double[1024];
    double[] high = new double[1024];
    double[] low = new double[1024];
    double[] close = new double[1024];
    double[] volume = new double[1024];

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
      if (rows < 0) return;
      if (rows == time.length) grow();
      switch (index) {
        case 0 -> time[rows] = isoUtc(buf, offset);
        case 1 -> open[rows] = JavaDoubleParser.parseDouble(buf, offset, length);
        case 2 -> high[rows] = JavaDoubleParser.parseDouble(buf, offset, length);
        case 3 -> low[rows] = JavaDoubleParser.parseDouble(buf, offset, length);
        case 4 -> close[rows] = JavaDoubleParser.parseDouble(buf, offset, length);
        case 5 -> volume[rows] = JavaDoubleParser.parseDouble(buf, offset, length);
        default -> { }
      }
    }

    @Override
    protected RecordWrapper<Boolean> buildRecord() {
      return wrapRecord(Boolean.TRUE);
    }

    private void grow() {
      int n = time.length * 2;
      time = java.util.Arrays.copyOf(time, n);
      open = java.util.Arrays.copyOf(open, n);
      high = java.util.Arrays.copyOf(high, n);
      low = java.util.Arrays.copyOf(low, n);
      close = java.util.Arrays.copyOf(close, n);
      volume = java.util.Arrays.copyOf(volume, n);
    }

    private static int d2(char[] b, int i) {
      return (b[i] - '0') * 10 + b[i + 1] - '0';
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ} to epoch ms, fixed layout, no checks. */
    private static long isoUtc(char[] b, int s) {
      int y = d2(b, s) * 100 + d2(b, s + 2);
      int m = d2(b, s + 5);
      int d = d2(b, s + 8);
      int yy = m <= 2 ? y - 1 : y;
      long era = Math.floorDiv(yy, 400);
      long yoe = yy - era * 400;
      long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
      long days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
      return (days * 86_400L + d2(b, s + 11) * 3600L + d2(b, s + 14) * 60L + d2(b, s + 17)) * 1000L;
    }
  }
}
