package dev.quiver.model.catboost;

import java.util.Arrays;

/**
 * Feature quantisation, as CatBoost's {@code border_count} with the {@code Median} border type:
 * up to {@code borderCount} borders per column placed at equal-frequency quantiles of the
 * training values (duplicates dropped, each border halfway between two adjacent distinct
 * values), so a column with few distinct values gets a border between every pair of them.
 *
 * <p>A value's bin is the number of borders it is strictly greater than, in {@code [0,
 * borders.length]}; a split "bin > s" is therefore exactly "value > borders[s]", which is how
 * the fitted trees compare raw values. NaN is in bin 0 and never goes right (CatBoost's {@code
 * nan_mode=Min}). Stateless and thread-safe.
 */
final class Borders {

  /** Bins fit in an unsigned byte: at most 254 borders, 255 bins. */
  static final int MAX_BORDERS = 254;

  private Borders() {}

  /** The ascending borders of {@code values} (NaN and infinities ignored); empty for a constant or empty column. */
  static float[] of(float[] values, int borderCount) {
    float[] sorted = new float[values.length];
    int n = 0;
    for (float v : values) if (Float.isFinite(v)) sorted[n++] = v;
    sorted = Arrays.copyOf(sorted, n);
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < n; i++) if (i == 0 || sorted[i] != sorted[i - 1]) distinct++;
    float[] out = new float[Math.min(borderCount, Math.max(0, distinct - 1))];
    int k = 0;
    if (distinct - 1 <= borderCount) {
      for (int i = 1; i < n; i++) if (sorted[i] != sorted[i - 1]) out[k++] = between(sorted[i - 1], sorted[i]);
      return out;
    }
    float last = Float.NEGATIVE_INFINITY;
    for (int q = 1; q <= borderCount; q++) {
      int pos = (int) ((long) q * n / (borderCount + 1));
      int first = firstIndexOf(sorted, pos);
      float border;
      if (first > 0) {
        border = between(sorted[first - 1], sorted[first]);
      } else {
        int next = pos;
        while (next < n && sorted[next] == sorted[first]) next++;
        if (next == n) continue;
        border = between(sorted[first], sorted[next]);
      }
      if (border > last) {
        out[k++] = border;
        last = border;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** A border b with lo <= b < hi, so lo goes left and hi goes right. */
  private static float between(float lo, float hi) {
    float mid = (float) (((double) lo + (double) hi) / 2);
    return mid < hi && mid >= lo ? mid : lo;
  }

  private static int firstIndexOf(float[] sorted, int pos) {
    float v = sorted[pos];
    int lo = 0;
    int hi = pos;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The number of {@code borders} that {@code v} is strictly greater than; 0 for NaN. */
  static int bin(float[] borders, float v) {
    int lo = 0;
    int hi = borders.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v > borders[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Bins of a whole column, one unsigned byte per value. */
  static byte[] bins(float[] borders, float[] values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) out[i] = (byte) bin(borders, values[i]);
    return out;
  }
}
