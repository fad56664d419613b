package dev.quiver.model;

import java.util.List;

/**
 * A float32 row-major feature matrix, the layout LightGBM, XGBoost and PyTorch take:
 * cell (r, c) is {@code data[(offset + r) * cols + c]}. Rows are a window {@code [offset,
 * offset + rows)} into a shared array, so folds cost no copy. NaN marks a missing value.
 *
 * <p>{@code keys} (may be null) names the series and time of every row of the backing array, so a
 * sequence model can read the rows before a view's first row that belong to the same symbol;
 * views made by {@link #rows} keep them. A matrix without keys is one series in row order.
 */
public record Matrix(float[] data, int offset, int rows, int cols, List<String> names, RowKeys keys) {

  public Matrix {
    names = List.copyOf(names);
    if (names.size() != cols) throw new IllegalArgumentException(names.size() + " names for " + cols + " columns");
    if (offset < 0 || rows < 0 || (long) (offset + rows) * cols > data.length) {
      throw new IllegalArgumentException("rows [" + offset + ", " + (offset + rows) + ") out of range");
    }
    if (keys != null && (long) keys.rows() * cols != data.length) {
      throw new IllegalArgumentException(keys.rows() + " row keys for " + (cols == 0 ? 0 : data.length / cols) + " rows");
    }
  }

  public Matrix(float[] data, int offset, int rows, int cols, List<String> names) {
    this(data, offset, rows, cols, names, null);
  }

  public Matrix(float[] data, int rows, int cols, List<String> names) {
    this(data, 0, rows, cols, names);
  }

  public float get(int row, int col) {
    return data[(offset + row) * cols + col];
  }

  /** Rows [from, to) of this matrix as a view sharing the same array. */
  public Matrix rows(int from, int to) {
    if (from < 0 || to > rows || from > to) throw new IllegalArgumentException("rows [" + from + ", " + to + ") of " + rows);
    return new Matrix(data, offset + from, to - from, cols, names, keys);
  }

  /** This matrix's cells as a fresh contiguous array (a copy only when this is a window). */
  public float[] contiguous() {
    if (offset == 0 && (long) rows * cols == data.length) return data;
    float[] out = new float[rows * cols];
    System.arraycopy(data, offset * cols, out, 0, rows * cols);
    return out;
  }
}
