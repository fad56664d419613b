package dev.quiver.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with a header, right-aligned numbers and left-aligned text. Not thread-safe. */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  Table row(List<String> cells) {
    if (cells.size() != header.size()) throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
    rows.add(List.copyOf(cells));
    return this;
  }

  void print(PrintWriter out) {
    int[] width = new int[header.size()];
    boolean[] numeric = new boolean[header.size()];
    for (int j = 0; j < width.length; j++) {
      width[j] = header.get(j).length();
      numeric[j] = !rows.isEmpty();
      for (List<String> r : rows) {
        width[j] = Math.max(width[j], r.get(j).length());
        numeric[j] &= r.get(j).matches("-?[0-9.,]+%?|-|nan");
      }
    }
    line(out, header, width, numeric);
    StringBuilder rule = new StringBuilder();
    for (int j = 0; j < width.length; j++) rule.append(j == 0 ? "" : "  ").append("-".repeat(width[j]));
    out.println(rule);
    for (List<String> r : rows) line(out, r, width, numeric);
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] width, boolean[] numeric) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < cells.size(); j++) {
      if (j > 0) sb.append("  ");
      String c = cells.get(j);
      String pad = " ".repeat(width[j] - c.length());
      sb.append(numeric[j] ? pad + c : c + (j == cells.size() - 1 ? "" : pad));
    }
    out.println(sb);
  }
}
