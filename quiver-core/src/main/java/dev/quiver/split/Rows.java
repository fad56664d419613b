package dev.quiver.split;

import java.util.Arrays;

/**
 * A sorted set of dataset row indices, stored as ascending, disjoint, non-touching half-open
 * ranges {@code [from(k), to(k))}: a fold's train or test rows cost a few ints however many rows
 * they hold. Immutable and thread-safe; equal sets are {@link #equals equal}.
 *
 * <p>An empty set keeps the place where its range would start ({@link #spanFrom()}), so that an
 * empty holdout validation segment still sits between train and test; two empty sets at
 * different places are not equal.
 */
public final class Rows {

  private static final int[] NONE = new int[0];

  /** from0, to0, from1, to1, ...: ascending, each range non-empty, no two touching. */
  private final int[] bounds;
  private final int size;
  /** Where an empty set sits; the first row otherwise. */
  private final int at;

  private Rows(int[] bounds, int at) {
    this.bounds = bounds;
    int s = 0;
    for (int k = 0; k < bounds.length; k += 2) s += bounds[k + 1] - bounds[k];
    this.size = s;
    this.at = bounds.length == 0 ? at : bounds[0];
  }

  /** Rows {@code [from, to)}; empty (placed at {@code from}) when they are equal. */
  public static Rows range(int from, int to) {
    if (from < 0 || to < from) throw new IllegalArgumentException("row range [" + from + ", " + to + ") is not a range of row indices");
    return from == to ? new Rows(NONE, from) : new Rows(new int[] {from, to}, from);
  }

  /** The rows of a strictly increasing array of non-negative indices. */
  public static Rows of(int... sortedRows) {
    Builder b = new Builder();
    int last = -1;
    for (int r : sortedRows) {
      if (r <= last) throw new IllegalArgumentException("rows must be strictly increasing and non-negative, got " + r + " after " + last);
      b.add(r);
      last = r;
    }
    return b.build();
  }

  /**
   * The rows of ranges {@code from0, to0, from1, to1, ...}, ascending and not overlapping;
   * touching ranges are merged and empty ones dropped.
   */
  public static Rows ofRanges(int... fromTo) {
    if (fromTo.length % 2 != 0) throw new IllegalArgumentException("ranges need an even number of bounds, got " + fromTo.length);
    Builder b = new Builder();
    int last = 0;
    for (int k = 0; k < fromTo.length; k += 2) {
      int from = fromTo[k];
      int to = fromTo[k + 1];
      if (from < last || to < from) throw new IllegalArgumentException("range [" + from + ", " + to + ") is not ascending after row " + last);
      b.addRange(from, to);
      last = to;
    }
    return b.build();
  }

  /** How many rows. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** How many maximal ranges the rows form (0 when empty). */
  public int rangeCount() {
    return bounds.length / 2;
  }

  /** First row of range {@code k}, {@code 0 <= k < rangeCount()}. */
  public int from(int k) {
    return bounds[2 * k];
  }

  /** One past the last row of range {@code k}. */
  public int to(int k) {
    return bounds[2 * k + 1];
  }

  /** The first row, or where an empty set sits. */
  public int spanFrom() {
    return at;
  }

  /** One past the last row, or where an empty set sits. */
  public int spanTo() {
    return bounds.length == 0 ? at : bounds[bounds.length - 1];
  }

  /** True when the rows are one contiguous range {@code [spanFrom(), spanTo())} (an empty set is one). */
  public boolean isRange() {
    return bounds.length <= 2;
  }

  /** Whether {@code row} is in the set; a binary search over the ranges. */
  public boolean contains(int row) {
    int lo = 0;
    int hi = rangeCount() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (row < bounds[2 * mid]) hi = mid - 1;
      else if (row >= bounds[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** True when no row is in both sets. */
  public boolean disjoint(Rows other) {
    int a = 0;
    int b = 0;
    while (a < bounds.length && b < other.bounds.length) {
      if (bounds[a + 1] <= other.bounds[b]) a += 2;
      else if (other.bounds[b + 1] <= bounds[a]) b += 2;
      else return false;
    }
    return true;
  }

  /** The rows in ascending order. */
  public int[] toArray() {
    int[] out = new int[size];
    int p = 0;
    for (int k = 0; k < bounds.length; k += 2) {
      for (int r = bounds[k]; r < bounds[k + 1]; r++) out[p++] = r;
    }
    return out;
  }

  /** The ranges as {@code from0, to0, from1, to1, ...} (a copy). */
  public int[] bounds() {
    return bounds.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rows r && at == r.at && Arrays.equals(bounds, r.bounds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bounds) + at;
  }

  /** The ranges, e.g. {@code [0, 695) [705, 1000)}, or {@code [] at 800} when empty. */
  @Override
  public String toString() {
    if (bounds.length == 0) return "[] at " + at;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < bounds.length; k += 2) {
      if (k > 0) sb.append(' ');
      sb.append('[').append(bounds[k]).append(", ").append(bounds[k + 1]).append(')');
    }
    return sb.toString();
  }

  /** Collects ascending rows or ranges into a {@link Rows}; not thread-safe, one use. */
  static final class Builder {

    private int[] bounds = new int[8];
    private int length;

    /** Adds {@code row}, which must be above every row added so far. */
    void add(int row) {
      if (length > 0 && bounds[length - 1] == row) {
        bounds[length - 1] = row + 1;
        return;
      }
      grow();
      bounds[length++] = row;
      bounds[length++] = row + 1;
    }

    /** Adds {@code [from, to)}, which must start at or after every row added so far. */
    void addRange(int from, int to) {
      if (from == to) return;
      if (length > 0 && bounds[length - 1] == from) {
        bounds[length - 1] = to;
        return;
      }
      grow();
      bounds[length++] = from;
      bounds[length++] = to;
    }

    private void grow() {
      if (length + 2 > bounds.length) bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }

    Rows build() {
      return new Rows(Arrays.copyOf(bounds, length), 0);
    }
  }
}
