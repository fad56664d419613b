package dev.quiver.deep;

import dev.quiver.model.Matrix;
import dev.quiver.model.RowKeys;

/**
 * What a net reads: one sample per chosen row of a {@link Matrix} view, standardized while a
 * batch is filled. With {@code lookback} 0 a sample is the row itself ({@code cols} floats).
 * With {@code lookback} T it is the sequence window of the T rows of the same series ending at
 * that row, oldest first ({@code T x cols} floats, row-major), read straight from the matrix's
 * backing array, including rows before the view's first row (earlier bars are the past, so a
 * validation or test row's window may reach into the training rows' features).
 *
 * <p>No window is ever copied out: the only per-row state is {@code prev} (the absolute index of
 * the previous row of the same unbroken run, or -1) and the run length, two ints per row of the
 * array; a batch is filled from sample indices. A run breaks where the series changes (the
 * matrix's {@link RowKeys}; without keys the whole array is one series) and, when {@code
 * gapBreak > 0}, where two consecutive bars of a series are more than {@code gapBreak} times
 * that series' smallest bar spacing apart (a session gap; 0 lets windows cross gaps). A row whose
 * run is shorter than T is padded with the oldest row of its run: such rows are kept for
 * prediction and dropped for training ({@code completeOnly}). Immutable: {@link #fill} writes only
 * into its {@code dst}, so threads with their own buffers may fill concurrently.
 */
final class Samples {

  private final float[] data;
  private final int cols;
  private final int offset;
  private final Standardization z;
  private final int lookback;
  private final int[] prev;
  private final int[] rows;
  private final int permutedCol;
  private final int[] permutation;

  private Samples(float[] data, int cols, int offset, Standardization z, int lookback, int[] prev, int[] rows, int permutedCol, int[] permutation) {
    this.data = data;
    this.cols = cols;
    this.offset = offset;
    this.z = z;
    this.lookback = lookback;
    this.prev = prev;
    this.rows = rows;
    this.permutedCol = permutedCol;
    this.permutation = permutation;
  }

  /**
   * The samples of {@code x}'s rows: all of them, or (with {@code completeOnly}) those with a whole
   * window and a finite target in {@code y} (may be null, meaning all targets are finite).
   */
  static Samples of(Matrix x, Standardization z, int lookback, double gapBreak, boolean completeOnly, float[] y) {
    int end = x.offset() + x.rows();
    int[] prev = null;
    int[] run = null;
    if (lookback > 0) {
      prev = new int[end];
      run = new int[end];
      link(x.keys(), end, gapBreak, prev, run);
    }
    int[] chosen = new int[x.rows()];
    int n = 0;
    for (int r = 0; r < x.rows(); r++) {
      int a = x.offset() + r;
      if (completeOnly && ((run != null && run[a] < lookback) || (y != null && !Float.isFinite(y[r])))) continue;
      chosen[n++] = a;
    }
    return new Samples(x.data(), x.cols(), x.offset(), z, lookback, prev, java.util.Arrays.copyOf(chosen, n), -1, null);
  }

  private static void link(RowKeys keys, int end, double gapBreak, int[] prev, int[] run) {
    if (keys == null) {
      for (int a = 0; a < end; a++) {
        prev[a] = a - 1;
        run[a] = a + 1;
      }
      return;
    }
    int[] series = keys.series();
    long[] time = keys.time();
    int maxId = 0;
    for (int a = 0; a < end; a++) {
      if (series[a] < 0) throw new IllegalArgumentException("row " + a + " has negative series id " + series[a]);
      maxId = Math.max(maxId, series[a]);
    }
    int[] last = new int[maxId + 1];
    java.util.Arrays.fill(last, -1);
    long[] minStep = new long[maxId + 1];
    java.util.Arrays.fill(minStep, Long.MAX_VALUE);
    for (int a = 0; a < end; a++) {
      int s = series[a];
      if (last[s] >= 0) {
        long d = time[a] - time[last[s]];
        if (d > 0 && d < minStep[s]) minStep[s] = d;
      }
      last[s] = a;
    }
    java.util.Arrays.fill(last, -1);
    for (int a = 0; a < end; a++) {
      int s = series[a];
      int p = last[s];
      if (p >= 0 && gapBreak > 0) {
        long d = time[a] - time[p];
        if (d < 0 || (minStep[s] != Long.MAX_VALUE && d > gapBreak * minStep[s])) p = -1;
      }
      prev[a] = p;
      run[a] = p < 0 ? 1 : run[p] + 1;
      last[s] = a;
    }
  }

  /** These samples with column {@code col} read from row {@code permutation[a]} instead of row a (absolute rows), for permutation importance. */
  Samples withPermutedColumn(int col, int[] permutation) {
    return new Samples(data, cols, offset, z, lookback, prev, rows, col, permutation);
  }

  /** The samples {@code picks} (indices of this set), in that order. */
  Samples subset(int[] picks) {
    int[] chosen = new int[picks.length];
    for (int i = 0; i < picks.length; i++) chosen[i] = rows[picks[i]];
    return new Samples(data, cols, offset, z, lookback, prev, chosen, permutedCol, permutation);
  }

  /** The absolute row of the backing array that sample i predicts. */
  int absoluteRow(int i) {
    return rows[i];
  }

  /** One past the last absolute row any sample reads. */
  int arrayEnd() {
    int end = 0;
    for (int a : rows) end = Math.max(end, a + 1);
    return end;
  }

  int count() {
    return rows.length;
  }

  /** The row of the view (0-based from its first row) that sample i predicts. */
  int viewRow(int i) {
    return rows[i] - offset;
  }

  int lookback() {
    return lookback;
  }

  int cols() {
    return cols;
  }

  /** Floats per sample. */
  int size() {
    return Math.max(1, lookback) * cols;
  }

  /** Writes samples {@code order[from..from+n)} (indices of this set) into {@code dst}, one after another. */
  void fill(int[] order, int from, int n, float[] dst) {
    int size = size();
    for (int k = 0; k < n; k++) {
      int a = rows[order == null ? from + k : order[from + k]];
      int base = k * size;
      if (lookback == 0) {
        writeRow(a, dst, base);
      } else {
        for (int t = lookback - 1; t >= 0; t--) {
          writeRow(a, dst, base + t * cols);
          if (prev[a] >= 0) a = prev[a];
        }
      }
    }
  }

  private void writeRow(int a, float[] dst, int at) {
    int src = a * cols;
    for (int j = 0; j < cols; j++) dst[at + j] = z.apply(data[src + j], j);
    if (permutation != null) dst[at + permutedCol] = z.apply(data[permutation[a] * cols + permutedCol], permutedCol);
  }
}
