package dev.quiver.data;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What a source looked like, so results can be written back the same way ({@link MarketData#write}).
 *
 * @param file the file read
 * @param format {@code "csv"}, {@code "csv.gz"} or {@code "parquet"}
 * @param timestampFormat how timestamps were written (detected or as set)
 * @param zone the zone of local ISO timestamps (for {@link IsoLayout#OFFSET}: the first row's offset)
 * @param columns the column names in file order (for a headerless CSV: role names in the default order)
 * @param ticks true when rows were trades aggregated to 1m bars
 * @param timeframe the bars' timeframe, inferred from the most common time step
 * @param isoLayout the ISO shape when {@code timestampFormat} is ISO, else null
 * @param mapping the roles resolved to this file's column names (null for roles it lacks)
 * @param header whether the CSV had a header row (always true for Parquet)
 */
public record SourceInfo(Path file, String format, TimestampFormat timestampFormat, ZoneId zone,
    List<String> columns, boolean ticks, Timeframe timeframe, IsoLayout isoLayout,
    ColumnMapping mapping, boolean header) {

  public SourceInfo {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
    zone = zone == null ? ZoneOffset.UTC : zone;
    columns = List.copyOf(columns);
    if (timestampFormat == TimestampFormat.ISO && isoLayout == null) isoLayout = IsoLayout.UTC;
    if (timestampFormat != TimestampFormat.ISO) isoLayout = null;
    if (mapping == null) mapping = resolve(columns);
  }

  /** A source whose columns carry the default role names; ISO timestamps are written as UTC with a Z. */
  public SourceInfo(Path file, String format, TimestampFormat timestampFormat, ZoneId zone,
      List<String> columns, boolean ticks, Timeframe timeframe) {
    this(file, format, timestampFormat, zone, columns, ticks, timeframe, null, null, true);
  }

  /**
   * The standard layout {@code timestamp,open,high,low,close,volume,symbol} with ISO UTC
   * timestamps: what {@link MarketData#write} uses for output when there is no source to copy.
   */
  public static SourceInfo standard(Timeframe timeframe) {
    return new SourceInfo(null, "csv", TimestampFormat.ISO, ZoneOffset.UTC,
        List.of("timestamp", "open", "high", "low", "close", "volume", "symbol"), false, timeframe);
  }

  private static ColumnMapping resolve(List<String> columns) {
    ColumnMapping d = ColumnMapping.defaults();
    ColumnMapping m = d;
    for (String role : ColumnMapping.ROLES) {
      String found = null;
      for (String c : columns) if (c.trim().equalsIgnoreCase(d.get(role))) found = c;
      m = m.with(role, found);
    }
    return m;
  }
}
