package dev.quiver.data;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read a market data file.
 *
 * @param columns which column plays which role ({@link ColumnMapping#defaults()})
 * @param timestampFormat the timestamps' format, or null to detect it from the first data row
 * @param zone the zone of ISO timestamps written without an offset (and of date-only
 *     timestamps); UTC by default. Timestamps with {@code Z} or an offset ignore it
 * @param policy what to do with rows that break a rule ({@link Policy#FAIL} by default)
 * @param hasHeader true or false to say whether the first row is a header, null to detect it
 *     (the first row is a header when none of its fields is a number)
 * @param defaultSymbol the symbol of every row when there is no symbol column; null means the
 *     file name without its extensions ({@code cn_futures.csv.gz} gives {@code cn_futures})
 */
public record ReadOptions(ColumnMapping columns, TimestampFormat timestampFormat, ZoneId zone,
    Policy policy, Boolean hasHeader, String defaultSymbol) {

  public ReadOptions {
    Objects.requireNonNull(columns, "columns");
    zone = zone == null ? ZoneOffset.UTC : zone;
    policy = policy == null ? Policy.FAIL : policy;
  }

  /** Default columns, detected timestamp format and header, UTC, policy fail, symbol from the file name. */
  public static ReadOptions defaults() {
    return new ReadOptions(ColumnMapping.defaults(), null, ZoneOffset.UTC, Policy.FAIL, null, null);
  }

  public ReadOptions withColumns(ColumnMapping columns) {
    return new ReadOptions(columns, timestampFormat, zone, policy, hasHeader, defaultSymbol);
  }

  public ReadOptions withTimestampFormat(TimestampFormat timestampFormat) {
    return new ReadOptions(columns, timestampFormat, zone, policy, hasHeader, defaultSymbol);
  }

  public ReadOptions withZone(ZoneId zone) {
    return new ReadOptions(columns, timestampFormat, zone, policy, hasHeader, defaultSymbol);
  }

  public ReadOptions withPolicy(Policy policy) {
    return new ReadOptions(columns, timestampFormat, zone, policy, hasHeader, defaultSymbol);
  }

  public ReadOptions withHasHeader(Boolean hasHeader) {
    return new ReadOptions(columns, timestampFormat, zone, policy, hasHeader, defaultSymbol);
  }

  public ReadOptions withDefaultSymbol(String defaultSymbol) {
    return new ReadOptions(columns, timestampFormat, zone, policy, hasHeader, defaultSymbol);
  }
}
