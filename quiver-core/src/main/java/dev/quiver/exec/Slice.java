package dev.quiver.exec;

import java.util.Objects;

/**
 * The part of the data one job trains on, as plain text so that another executor (a Spark one)
 * can rebuild it: the data reference (a path or URI), the bar timeframe ("1m", "1h"), the symbol
 * ({@value #ALL_SYMBOLS} for the pooled symbols of the file) and the fold's name.
 */
public record Slice(String data, String timeframe, String symbol, String fold) {

  /** The symbol of a slice that pools every symbol of its data. */
  public static final String ALL_SYMBOLS = "*";

  /** A slice that names nothing: the job trains on whatever its body is given. */
  public static final Slice WHOLE = new Slice("", "", ALL_SYMBOLS, "");

  public Slice {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(timeframe, "timeframe");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(fold, "fold");
  }
}
