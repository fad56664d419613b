package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which column index plays which role in one file, decided from its column names and a
 * {@link ColumnMapping}. A file is bars when it has open, high, low and close; trades when it
 * has a price column and none of those. Columns no role uses are extra candidates.
 *
 * @param field the column index per role ({@link SeriesAssembler#TIMESTAMP} ..
 *     {@link SeriesAssembler#PRICE}; -1 when absent); for trades {@code VOLUME} is the size column
 *     (volume, else amount)
 * @param candidates column indexes no role uses, in file order
 */
record ColumnRoles(boolean ticks, int[] field, int[] candidates, ColumnMapping resolved) {

  private static final int ROLE_COUNT = 8;

  /** Column names of a headerless file with {@code count} fields, or null when that count has no default. */
  static List<String> headerlessNames(int count) {
    return switch (count) {
      case 3 -> List.of("timestamp", "price", "volume");
      case 4 -> List.of("timestamp", "price", "volume", "symbol");
      case 5 -> List.of("timestamp", "open", "high", "low", "close");
      case 6 -> List.of("timestamp", "open", "high", "low", "close", "volume");
      case 7 -> List.of("timestamp", "open", "high", "low", "close", "volume", "symbol");
      default -> null;
    };
  }

  /** @param headerLine the header's line for problem locations (0 when the format has none) */
  static ColumnRoles resolve(List<String> names, ColumnMapping mapping, Path file, long headerLine) {
    ColumnMapping defaults = ColumnMapping.defaults();
    int ts = find(names, mapping.timestamp());
    int open = find(names, mapping.open());
    int high = find(names, mapping.high());
    int low = find(names, mapping.low());
    int close = find(names, mapping.close());
    int price = find(names, mapping.price());
    boolean anyOhlc = open >= 0 || high >= 0 || low >= 0 || close >= 0;
    boolean ticks = !anyOhlc && price >= 0;
    List<String> missing = new ArrayList<>();
    if (ts < 0) missing.add("timestamp");
    if (!ticks) {
      if (open < 0) missing.add("open");
      if (high < 0) missing.add("high");
      if (low < 0) missing.add("low");
      if (close < 0) missing.add("close");
    }
    int volume = find(names, mapping.volume());
    int symbol = find(names, mapping.symbol());
    int amount = find(names, mapping.amount());
    for (String role : List.of("volume", "symbol", "amount")) {
      String asked = mapping.get(role);
      boolean explicit = asked != null && !asked.equalsIgnoreCase(defaults.get(role));
      if (explicit && find(names, asked) < 0) missing.add(role);
    }
    if (!missing.isEmpty()) throw missingColumns(file, headerLine, names, mapping, missing, ticks);
    int size = volume >= 0 ? volume : (ticks ? amount : -1);
    int[] field = new int[ROLE_COUNT];
    Arrays.fill(field, -1);
    field[SeriesAssembler.TIMESTAMP] = ts;
    field[SeriesAssembler.SYMBOL] = symbol;
    field[SeriesAssembler.VOLUME] = size;
    if (ticks) {
      field[SeriesAssembler.PRICE] = price;
    } else {
      field[SeriesAssembler.OPEN] = open;
      field[SeriesAssembler.HIGH] = high;
      field[SeriesAssembler.LOW] = low;
      field[SeriesAssembler.CLOSE] = close;
    }
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      boolean used = false;
      for (int f : field) used |= f == i;
      if (!used) rest.add(i);
    }
    int[] candidates = rest.stream().mapToInt(Integer::intValue).toArray();
    ColumnMapping resolved = new ColumnMapping(name(names, ts), name(names, ticks ? -1 : open), name(names, ticks ? -1 : high),
        name(names, ticks ? -1 : low), name(names, ticks ? -1 : close), name(names, volume), name(names, symbol),
        name(names, ticks ? price : -1), name(names, ticks && volume < 0 ? amount : -1));
    return new ColumnRoles(ticks, field, candidates, resolved);
  }

  /** The column name per role for problem locations (the role name when the file has no such column). */
  String[] columnNames(List<String> names) {
    String[] out = new String[ROLE_COUNT];
    String[] roles = {"timestamp", "open", "high", "low", "close", "volume", "symbol", "price"};
    for (int r = 0; r < ROLE_COUNT; r++) out[r] = field[r] >= 0 ? names.get(field[r]) : roles[r];
    return out;
  }

  private static String name(List<String> names, int i) {
    return i < 0 ? null : names.get(i);
  }

  private static int find(List<String> names, String wanted) {
    if (wanted == null) return -1;
    String w = wanted.trim();
    for (int i = 0; i < names.size(); i++) if (names.get(i).trim().equalsIgnoreCase(w)) return i;
    return -1;
  }

  private static BadInputException missingColumns(Path file, long headerLine, List<String> names, ColumnMapping mapping, List<String> missing,
      boolean ticks) {
    List<Problem> problems = new ArrayList<>();
    for (String role : missing) {
      String wanted = mapping.get(role);
      problems.add(new Problem(Where.cell(file, headerLine, wanted), wanted, "missing_column",
          "no column '" + wanted + "' for the " + role + " role" + (ticks ? " (read as trades)" : "")));
    }
    StringBuilder example = new StringBuilder();
    for (String role : missing) {
      if (example.length() > 0) example.append(',');
      example.append(role).append("=<column>");
    }
    return new BadInputException(problems, "the file's columns are: " + String.join(", ", names)
        + "; name yours with --columns " + example
        + " (bars need timestamp, open, high, low, close; trades need timestamp, price)");
  }
}
