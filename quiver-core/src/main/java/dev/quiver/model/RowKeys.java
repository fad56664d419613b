package dev.quiver.model;

/**
 * Which series each row of a {@link Matrix}'s backing array belongs to and when its bar opened,
 * for models that read a row's history (sequence windows): {@code series[a]} and {@code time[a]}
 * (epoch ms) describe absolute row {@code a} of the array, the same index as {@code
 * data[a * cols ...]}, not a row of a view. Within one series, times are non-decreasing as
 * {@code a} grows; rows of different series may interleave (a {@link dev.quiver.dataset.Dataset}
 * merges symbols in time order). The arrays are shared, not copied: treat them as immutable.
 */
public record RowKeys(int[] series, long[] time) {

  public RowKeys {
    if (series.length != time.length) throw new IllegalArgumentException(series.length + " series ids for " + time.length + " times");
  }

  public int rows() {
    return series.length;
  }
}
