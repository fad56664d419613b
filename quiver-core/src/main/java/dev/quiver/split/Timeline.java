package dev.quiver.split;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;

/**
 * What a {@link Splitter} reads of the rows it cuts: each row's bar time (epoch ms, non-decreasing)
 * and its label end, the last row its label reads. Row {@code i}'s label covers the returns of
 * rows {@code (i, labelEnd[i]]}, so {@code i <= labelEnd[i] < n}.
 *
 * <p>{@link #of(Dataset)} views a dataset's own arrays (no copy); {@link #ofRows(int, int)} is a
 * bare row count for seeing a scheme before there is data. Splitters run the same code on both.
 * The arrays are shared, not copied: treat a Timeline as immutable.
 */
public record Timeline(long[] time, int[] labelEnd) {

  public Timeline {
    if (time.length != labelEnd.length) throw new IllegalArgumentException(time.length + " times for " + labelEnd.length + " label ends");
    int n = time.length;
    for (int i = 0; i < n; i++) {
      if (labelEnd[i] < i || labelEnd[i] >= n) throw new IllegalArgumentException("label end " + labelEnd[i] + " of row " + i + " is outside [" + i + ", " + n + ")");
      if (i > 0 && time[i] < time[i - 1]) throw new IllegalArgumentException("row " + i + " is earlier than row " + (i - 1));
    }
  }

  /** A dataset's rows: its {@link Dataset#time()} and {@link Dataset#labelEnd()}. */
  public static Timeline of(Dataset data) {
    return new Timeline(data.time(), data.labelEnd());
  }

  /**
   * {@code n} rows whose labels read {@code horizon} rows ahead: {@code labelEnd(i) = min(i +
   * horizon, n - 1)}. Row {@code i} has time {@code i} (ms), so every row is its own time.
   *
   * @throws BadInputException when {@code n < 1} or {@code horizon < 0}
   */
  public static Timeline ofRows(int n, int horizon) {
    if (n < 1) throw new BadInputException(Where.none(), "a split needs at least 1 row, got " + n, "give --rows 1 or more");
    if (horizon < 0) throw new BadInputException(Where.none(), "label horizon " + horizon + " is negative", "give --horizon 0 or more (bars a label reads ahead)");
    long[] time = new long[n];
    int[] end = new int[n];
    for (int i = 0; i < n; i++) {
      time[i] = i;
      end[i] = (int) Math.min((long) i + horizon, n - 1);
    }
    return new Timeline(time, end);
  }

  public int rows() {
    return time.length;
  }
}
