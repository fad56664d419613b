package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads market data files into validated {@link Bars} and writes series back.
 *
 * <p>Formats: CSV, gzip-compressed CSV (recognised by its magic bytes, whatever the name) and
 * Parquet (magic bytes {@code PAR1} or a {@code .parquet} name; needs the {@code quiver-parquet}
 * module on the classpath). What a file holds, how it is validated and what each policy does
 * are described on {@link ReadOptions}, {@link ColumnMapping}, {@link ValidationRule} and
 * {@link Policy}. Rows of one symbol become one {@link Bars}, symbols in order of first
 * appearance; numeric columns that play no role are kept as {@link Bars#extras()}; trades are
 * aggregated to 1-minute bars; the timeframe is the most common step between bars.
 *
 * <p>File-level problems (missing, empty, truncated or corrupt gzip, binary, missing columns,
 * no data rows, unsupported timestamps) throw {@link BadInputException}; row-level problems go
 * in the {@link ValidationReport}. Thread-safe: every call works on its own state.
 */
public final class MarketData {

  private static final long PARALLEL_GUNZIP_BYTES = 256 * 1024;

  private MarketData() {}

  /**
   * Reads and validates a file. Never throws for row-level problems: they are in the report,
   * and the series hold the rows the policy keeps (under {@link Policy#FAIL}, those
   * {@link Policy#DROP} would keep).
   */
  public static LoadedData read(Path file, ReadOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    checkReadable(file);
    String symbol = options.defaultSymbol() != null ? options.defaultSymbol() : stem(file);
    byte[] head = head(file);
    boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    boolean parquetMagic = head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    if (!gzip && (parquetMagic || name(file).endsWith(".parquet"))) {
      TableFormat format = TableFormats.forFile(file);
      return TableIngest.read(file, format.name(), format.read(file), options, symbol);
    }
    if (gzip) {
      try (InputStream in = gunzip(file)) {
        return CsvIngest.read(file, "csv.gz", in, options, symbol, gzipContentSize(file));
      } catch (EOFException e) {
        throw bad(file, "truncated_gzip", "the gzip file ends early (truncated): " + e.getMessage(),
            "the file was cut short, e.g. by an interrupted download or copy; get the whole file again");
      } catch (ZipException e) {
        throw bad(file, "corrupt_gzip", "the gzip data is damaged: " + e.getMessage(), "get an undamaged copy of the file");
      } catch (IOException e) {
        throw readFailure(file, e);
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return CsvIngest.read(file, "csv", in, options, symbol, Files.size(file));
    } catch (IOException e) {
      throw readFailure(file, e);
    }
  }

  /**
   * Large gzip files are inflated by a helper thread while this one parses, when the machine
   * has more than one core: reading the bundled futures file then takes the longer of the two
   * instead of their sum.
   */
  private static InputStream gunzip(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    if (Runtime.getRuntime().availableProcessors() > 1 && Files.size(file) > PARALLEL_GUNZIP_BYTES) {
      return new BackgroundInflater(raw);
    }
    return new GZIPInputStream(raw, 1 << 16);
  }

  /**
   * The uncompressed size a gzip file records in its last four bytes (modulo 2^32, and of its
   * last member only), or 0 when that is not plausible (a truncated file ends in arbitrary
   * bytes); only a hint for sizing columns.
   */
  private static long gzipContentSize(Path file) {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      long size = ch.size();
      if (size < 18) return 0;
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, size - 4);
      long isize = tail.getInt(0) & 0xffffffffL;
      return isize >= size && isize <= size * 40 ? isize : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** {@link #read} and then {@link ValidationReport#throwIfFailed()}. */
  public static LoadedData load(Path file, ReadOptions options) {
    LoadedData data = read(file, options);
    data.report().throwIfFailed();
    return data;
  }

  /**
   * Writes series to {@code out}: {@code .csv}, {@code .csv.gz} (or {@code .gz}) or
   * {@code .parquet} by its name, with the columns, timestamp format and zone of {@code like}
   * (see {@link SourceInfo#standard} for a plain layout). Series follow one another in list
   * order, each in time order; a {@code symbol} column is added when several series share a
   * file whose source had none; extras the series carry beyond the source's columns are added
   * at the end. The file appears whole or not at all: it is written to a temporary file in the
   * same folder and renamed into place; on failure nothing is left behind.
   */
  public static void write(List<Bars> series, Path out, SourceInfo like) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(like, "like");
    String name = name(out);
    if (name.endsWith(".parquet")) {
      TableFormat format = TableFormats.forFile(out);
      Table table = TableExport.of(series, like);
      AtomicFile.write(out, temp -> format.write(table, temp));
    } else if (name.endsWith(".csv.gz") || name.endsWith(".gz")) {
      AtomicFile.write(out, temp -> CsvBarWriter.write(series, temp, like, true));
    } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
      AtomicFile.write(out, temp -> CsvBarWriter.write(series, temp, like, false));
    } else {
      throw bad(out, "unknown_output_format", "cannot tell the output format from the name '" + out.getFileName() + "'",
          "name the output *.csv, *.csv.gz or *.parquet");
    }
  }

  /** The file name without its data extensions: {@code cn_futures.csv.gz} gives {@code cn_futures}. */
  static String stem(Path file) {
    String n = String.valueOf(file.getFileName());
    for (String ext : new String[] {".gz", ".csv", ".tsv", ".txt", ".parquet"}) {
      if (n.toLowerCase(Locale.ROOT).endsWith(ext)) n = n.substring(0, n.length() - ext.length());
    }
    return n.isEmpty() ? "series" : n;
  }

  private static String name(Path file) {
    return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
  }

  private static void checkReadable(Path file) {
    if (!Files.exists(file)) throw bad(file, "file_not_found", "no such file", "check the path");
    if (Files.isDirectory(file)) throw bad(file, "not_a_file", "this is a folder, not a file", "give the path of a CSV, CSV.gz or Parquet file");
    if (!Files.isReadable(file)) throw bad(file, "not_readable", "the file cannot be read (permissions)", "check the file's permissions");
    try {
      if (Files.size(file) == 0) throw bad(file, "empty_file", "the file is empty (0 bytes)", "give a file with a header and data rows");
    } catch (IOException e) {
      throw readFailure(file, e);
    }
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(4);
    } catch (IOException e) {
      throw readFailure(file, e);
    }
  }

  private static RuntimeException readFailure(Path file, IOException e) {
    if (e instanceof AccessDeniedException) return bad(file, "not_readable", "the file cannot be read (permissions)", "check the file's permissions");
    return new InternalException("reading " + file + " failed: " + e.getMessage(), e);
  }

  private static BadInputException bad(Path file, String rule, String message, String fix) {
    return new BadInputException(List.of(new Problem(Where.file(file), "", rule, message)), fix);
  }
}
