package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which source column plays which role. Bars need {@code timestamp, open, high, low, close} and
 * may have {@code volume} and {@code symbol}; trades (ticks) need {@code timestamp, price} and may
 * have {@code volume} or {@code amount} (their size) and {@code symbol}. Names match header
 * names ignoring case and surrounding blanks. Every other numeric column is kept as an extra.
 *
 * <p>A resolved mapping (as in {@link SourceInfo#mapping()}) holds the header names exactly as
 * written in the file, and {@code null} for roles the file does not have.
 */
public record ColumnMapping(String timestamp, String open, String high, String low, String close,
    String volume, String symbol, String price, String amount) {

  /** The role names, in the default column order of a headerless file. */
  public static final List<String> ROLES =
      List.of("timestamp", "open", "high", "low", "close", "volume", "symbol", "price", "amount");

  /** Each role looked up under its own name. */
  public static ColumnMapping defaults() {
    return new ColumnMapping("timestamp", "open", "high", "low", "close", "volume", "symbol", "price", "amount");
  }

  /**
   * Parses {@code role=column[,role=column...]} over the defaults, e.g.
   * {@code timestamp=time,close=px,symbol=ticker}. An empty spec gives the defaults; an unknown
   * role or an entry without '=' is bad input naming the valid roles.
   */
  public static ColumnMapping parse(String spec) {
    ColumnMapping m = defaults();
    if (spec == null || spec.isBlank()) return m;
    List<Problem> problems = new ArrayList<>();
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) continue;
      int eq = e.indexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        problems.add(new Problem(Where.none(), e, "bad_column_mapping", "column mapping entry '" + e + "' is not role=column"));
        continue;
      }
      String role = e.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String column = e.substring(eq + 1).trim();
      if (!ROLES.contains(role)) throw BadInputException.unknown("column role", role, ROLES);
      m = m.with(role, column);
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems, "write --columns as role=column pairs separated by commas, e.g. timestamp=time,close=px; roles: " + String.join(", ", ROLES));
    }
    return m;
  }

  /** The column name for a role (one of {@link #ROLES}), or null when the role has none. */
  public String get(String role) {
    return switch (role) {
      case "timestamp" -> timestamp;
      case "open" -> open;
      case "high" -> high;
      case "low" -> low;
      case "close" -> close;
      case "volume" -> volume;
      case "symbol" -> symbol;
      case "price" -> price;
      case "amount" -> amount;
      default -> throw BadInputException.unknown("column role", role, ROLES);
    };
  }

  /** A copy with one role mapped to {@code column} (null: the role has no column). */
  public ColumnMapping with(String role, String column) {
    return switch (role) {
      case "timestamp" -> new ColumnMapping(column, open, high, low, close, volume, symbol, price, amount);
      case "open" -> new ColumnMapping(timestamp, column, high, low, close, volume, symbol, price, amount);
      case "high" -> new ColumnMapping(timestamp, open, column, low, close, volume, symbol, price, amount);
      case "low" -> new ColumnMapping(timestamp, open, high, column, close, volume, symbol, price, amount);
      case "close" -> new ColumnMapping(timestamp, open, high, low, column, volume, symbol, price, amount);
      case "volume" -> new ColumnMapping(timestamp, open, high, low, close, column, symbol, price, amount);
      case "symbol" -> new ColumnMapping(timestamp, open, high, low, close, volume, column, price, amount);
      case "price" -> new ColumnMapping(timestamp, open, high, low, close, volume, symbol, column, amount);
      case "amount" -> new ColumnMapping(timestamp, open, high, low, close, volume, symbol, price, column);
      default -> throw BadInputException.unknown("column role", role, ROLES);
    };
  }

  /** The role whose column is {@code column} (ignoring case), or null when it is no role's. */
  public String roleOf(String column) {
    String c = column.trim();
    for (String role : ROLES) {
      String name = get(role);
      if (name != null && name.trim().equalsIgnoreCase(c)) return role;
    }
    return null;
  }
}
