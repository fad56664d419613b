package dev.quiver.model.tree;

import dev.quiver.model.Matrix;
import java.util.Arrays;

/**
 * Quantile bins of a training matrix, for histogram tree learning. Per feature, up to {@code
 * maxBins - 1} ascending cut points are taken from the sorted finite training values at the
 * quantiles {@code k / maxBins}; duplicates are dropped. A finite value v gets code {@code 1 +
 * (number of cuts < v)}, so codes {@code 1..cuts+1}; NaN and ±infinity are "missing" and get code
 * 0. A split "code <= b" is the raw test "missing, or v <= cut[b - 1]" ({@link #threshold}), which is
 * how {@link RegressionTree} predicts on raw inputs: the same rows go the same way in training and
 * prediction. Codes are stored row-major, one byte per cell ({@code maxBins <= 255}). Immutable
 * after construction.
 */
public final class HistogramBins {

  private final float[][] cuts;
  private final byte[] codes;
  private final int rows;
  private final int cols;
  private final int maxBins;

  private HistogramBins(float[][] cuts, byte[] codes, int rows, int cols, int maxBins) {
    this.cuts = cuts;
    this.codes = codes;
    this.rows = rows;
    this.cols = cols;
    this.maxBins = maxBins;
  }

  /** Bins x's columns with at most {@code maxBins} value bins each (2..255), plus the missing bin. */
  public static HistogramBins of(Matrix x, int maxBins) {
    if (maxBins < 2 || maxBins > 255) throw new IllegalArgumentException("maxBins must be in [2, 255], got " + maxBins);
    int n = x.rows();
    int p = x.cols();
    float[][] cuts = new float[p][];
    float[] values = new float[n];
    for (int f = 0; f < p; f++) {
      int m = 0;
      for (int r = 0; r < n; r++) {
        float v = x.get(r, f);
        if (Float.isFinite(v)) values[m++] = v;
      }
      Arrays.sort(values, 0, m);
      float[] c = new float[maxBins - 1];
      int k = 0;
      for (int q = 1; q < maxBins && m > 0; q++) {
        float v = values[(int) ((long) q * (m - 1) / maxBins)];
        if (v < values[m - 1] && (k == 0 || v > c[k - 1])) c[k++] = v;
      }
      cuts[f] = Arrays.copyOf(c, k);
    }
    byte[] codes = new byte[n * p];
    for (int r = 0; r < n; r++) {
      for (int f = 0; f < p; f++) codes[r * p + f] = (byte) code(cuts[f], x.get(r, f));
    }
    return new HistogramBins(cuts, codes, n, p, maxBins);
  }

  private static int code(float[] c, float v) {
    if (!Float.isFinite(v)) return 0;
    int lo = 0;
    int hi = c.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (c[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return 1 + lo;
  }

  /** The raw threshold of the split "code <= bin": missing values and values {@code <= threshold} go left. */
  public float threshold(int feature, int bin) {
    return bin == 0 ? Float.NEGATIVE_INFINITY : cuts[feature][bin - 1];
  }

  /** Codes per cell, row-major ({@code codes[row * cols + feature] & 0xFF}); shared, do not modify. */
  byte[] codes() {
    return codes;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The number of codes a feature can have: {@code maxBins + 1} (the missing bin and the value bins). */
  int stride() {
    return maxBins + 1;
  }
}
