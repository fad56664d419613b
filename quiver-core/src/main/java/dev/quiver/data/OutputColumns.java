package dev.quiver.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns an output gets: the source's columns in the source's order, each either a bar
 * role or an extra read back by name; then extras the series have that the source lacked; a
 * {@code symbol} column is added when several series share the file and the source had none.
 * A trade source gives bar columns ({@code timestamp,open,high,low,close,volume[,symbol]}).
 *
 * @param roles per column: a role of {@link SeriesAssembler} or {@link SeriesAssembler#EXTRA}
 *     for an extra named like the column
 */
record OutputColumns(List<String> names, int[] roles) {

  static OutputColumns of(List<Bars> series, SourceInfo like) {
    List<String> names = new ArrayList<>();
    List<Integer> roles = new ArrayList<>();
    ColumnMapping m = like.mapping();
    if (like.ticks()) {
      add(names, roles, m.timestamp() == null ? "timestamp" : m.timestamp(), SeriesAssembler.TIMESTAMP);
      add(names, roles, "open", SeriesAssembler.OPEN);
      add(names, roles, "high", SeriesAssembler.HIGH);
      add(names, roles, "low", SeriesAssembler.LOW);
      add(names, roles, "close", SeriesAssembler.CLOSE);
      add(names, roles, m.volume() != null ? m.volume() : m.amount() != null ? m.amount() : "volume", SeriesAssembler.VOLUME);
      if (m.symbol() != null) add(names, roles, m.symbol(), SeriesAssembler.SYMBOL);
    } else {
      for (String column : like.columns()) {
        String role = m.roleOf(column);
        int r = role == null ? SeriesAssembler.EXTRA : switch (role) {
          case "timestamp" -> SeriesAssembler.TIMESTAMP;
          case "open" -> SeriesAssembler.OPEN;
          case "high" -> SeriesAssembler.HIGH;
          case "low" -> SeriesAssembler.LOW;
          case "close" -> SeriesAssembler.CLOSE;
          case "volume" -> SeriesAssembler.VOLUME;
          case "symbol" -> SeriesAssembler.SYMBOL;
          default -> SeriesAssembler.EXTRA;
        };
        if (r == SeriesAssembler.EXTRA && !anyHasExtra(series, column)) continue;
        add(names, roles, column, r);
      }
    }
    for (Bars b : series) {
      for (String extra : b.extras().keySet()) {
        if (!names.contains(extra)) add(names, roles, extra, SeriesAssembler.EXTRA);
      }
    }
    if (!roles.contains(SeriesAssembler.SYMBOL) && series.size() > 1) add(names, roles, "symbol", SeriesAssembler.SYMBOL);
    return new OutputColumns(List.copyOf(names), roles.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean anyHasExtra(List<Bars> series, String name) {
    for (Bars b : series) if (b.extras().containsKey(name)) return true;
    return false;
  }

  private static void add(List<String> names, List<Integer> roles, String name, int role) {
    names.add(name);
    roles.add(role);
  }
}
