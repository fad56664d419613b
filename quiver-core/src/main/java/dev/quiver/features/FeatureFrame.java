package dev.quiver.features;

import java.util.List;

/**
 * Computed features of one symbol, column-major and exact (double precision): {@code
 * columns.get(j)[i]} is feature {@code names.get(j)} at bar {@code i}, whose open time is
 * {@code time[i]}. NaN marks no value.
 */
public record FeatureFrame(String symbol, long[] time, List<String> names, List<double[]> columns) {

  public FeatureFrame {
    names = List.copyOf(names);
    columns = List.copyOf(columns);
    if (names.size() != columns.size()) throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
    for (int j = 0; j < columns.size(); j++) {
      if (columns.get(j).length != time.length) {
        throw new IllegalArgumentException("column " + names.get(j) + " has " + columns.get(j).length + " rows, expected " + time.length);
      }
    }
  }

  public int rows() {
    return time.length;
  }

  public double[] column(String name) {
    int j = names.indexOf(name);
    if (j < 0) throw new IllegalArgumentException("no feature " + name + " in " + names);
    return columns.get(j);
  }

  /** Rows [from, to) as {@code double[row][feature]}; a copy, for tests and reports. */
  public double[][] rows(int from, int to) {
    double[][] out = new double[to - from][names.size()];
    for (int i = from; i < to; i++) for (int j = 0; j < names.size(); j++) out[i - from][j] = columns.get(j)[i];
    return out;
  }
}
