package dev.quiver.data;

/**
 * One column of a {@link Table}. Missing values: {@link #MISSING_LONG} in long columns, NaN in
 * {@link Numbers}, null in {@link Texts}.
 */
public sealed interface TableColumn {

  /** The marker of a missing value in a long column. */
  long MISSING_LONG = Long.MIN_VALUE;

  String name();

  int size();

  /** Instants in epoch milliseconds UTC (Parquet TIMESTAMP WITH TIME ZONE). */
  record Instants(String name, long[] epochMillis) implements TableColumn {
    public int size() {
      return epochMillis.length;
    }
  }

  /**
   * Wall-clock date-times without a zone, as epoch milliseconds of that wall clock read as UTC
   * (Parquet TIMESTAMP, or DATE when {@code dateOnly}); the read zone places them in time.
   */
  record LocalTimes(String name, long[] wallMillis, boolean dateOnly) implements TableColumn {
    public int size() {
      return wallMillis.length;
    }
  }

  /** Whole numbers (Parquet integer types). */
  record Longs(String name, long[] values) implements TableColumn {
    public int size() {
      return values.length;
    }
  }

  /** Floating-point or decimal numbers, NaN where missing. */
  record Numbers(String name, double[] values) implements TableColumn {
    public int size() {
      return values.length;
    }
  }

  /** Text, null where missing. */
  record Texts(String name, String[] values) implements TableColumn {
    public int size() {
      return values.length;
    }
  }
}
