package dev.quiver.data;

import java.util.List;

/** Columns of equal length exchanged with a {@link TableFormat}, in file order. */
public record Table(List<TableColumn> columns) {

  public Table {
    columns = List.copyOf(columns);
    int n = columns.isEmpty() ? 0 : columns.get(0).size();
    for (TableColumn c : columns) {
      if (c.size() != n) throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + n);
    }
  }

  public int rows() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  /** Column names in order. */
  public List<String> names() {
    return columns.stream().map(TableColumn::name).toList();
  }
}
