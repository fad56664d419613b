package dev.quiver.data;

import java.nio.file.Path;

/**
 * A columnar file format that core reads and writes through a plug-in, so that core never
 * links the library behind it (Parquet goes through DuckDB in the {@code quiver-parquet}
 * module). Implementations are found with {@link java.util.ServiceLoader} (register them in
 * {@code META-INF/services/dev.quiver.data.TableFormat}); they must be cheap to construct and
 * load native code only inside {@link #read} and {@link #write}. Core maps roles, validates and
 * builds {@link Bars}; a format only moves columns. Implementations are thread-safe.
 */
public interface TableFormat {

  /** The format's name as {@link SourceInfo#format()} reports it, e.g. {@code parquet}. */
  String name();

  /** True when this format reads {@code file} (by its magic bytes or extension) or writes to that name. */
  boolean accepts(Path file);

  /**
   * Every column of the file, rows in file order. A file that is not in this format, or is
   * damaged, is a {@link dev.quiver.error.BadInputException} naming the file.
   */
  Table read(Path file);

  /** Writes {@code table} to exactly {@code out}, replacing it (the caller makes the write atomic). */
  void write(Table table, Path out);
}
