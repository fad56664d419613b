package dev.quiver.split;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward in calendar days on the bar timestamps, rolling or expanding.
 *
 * <p>Days are 86,400,000 ms of the rows' open times (UTC), counted from {@code origin}, the start
 * of the UTC day of the first row. Fold window {@code w = 0, 1, ...} tests the rows whose time is
 * in {@code [origin + (trainDays + w*stepDays) days, + testDays days)} and trains on the rows in
 * {@code [origin + w*stepDays days, test start)} (rolling) or {@code [origin, test start)}
 * (expanding), minus the rows {@link Purge} drops (labels ending after the first test row;
 * training precedes the test, so no embargo applies). Windows run while their test start is at
 * or before the last row's time, so the last test window may be cut short by the end of the
 * data. A window whose test holds no row (a holiday, a gap) or whose training keeps fewer than
 * {@code minTrainSamples} rows is skipped; the folds that remain are named {@code walk-forward-0},
 * {@code walk-forward-1}, ... in order. Rows are found by binary search on the times: O(n) per
 * fold. Stateless and thread-safe.
 */
public final class CalendarWalkForward implements Splitter {

  public static final long DAY_MS = 86_400_000L;

  private final int trainDays;
  private final int testDays;
  private final int stepDays;
  private final int minTrainSamples;
  private final boolean expanding;

  /**
   * @param trainDays days in the first training window, at least 1
   * @param testDays days in each test window, at least 1
   * @param stepDays days each window moves forward, at least 1
   * @param minTrainSamples training rows a window needs after purging to become a fold, at least 1
   * @param expanding true: training starts at the origin every fold; false: a rolling window of {@code trainDays}
   * @throws BadInputException naming every value below 1
   */
  public CalendarWalkForward(int trainDays, int testDays, int stepDays, int minTrainSamples, boolean expanding) {
    List<Problem> problems = new ArrayList<>();
    check(problems, "train_days", trainDays);
    check(problems, "test_days", testDays);
    check(problems, "step_days", stepDays);
    check(problems, "min_train_samples", minTrainSamples);
    if (!problems.isEmpty()) throw new BadInputException(problems, "walk-forward days and min_train_samples must be at least 1");
    this.trainDays = trainDays;
    this.testDays = testDays;
    this.stepDays = stepDays;
    this.minTrainSamples = minTrainSamples;
    this.expanding = expanding;
  }

  private static void check(List<Problem> problems, String key, int value) {
    if (value < 1) problems.add(new Problem(Where.none(), String.valueOf(value), "split_" + key, "walk-forward " + key + " " + value + " must be at least 1"));
  }

  @Override
  public List<Fold> folds(Timeline rows) {
    long[] time = rows.time();
    int n = time.length;
    long origin = Math.floorDiv(time[0], DAY_MS) * DAY_MS;
    long last = time[n - 1];
    List<Fold> out = new ArrayList<>();
    int windows = 0;
    for (long w = 0; ; w++) {
      long testStart = origin + (trainDays + w * stepDays) * DAY_MS;
      if (testStart > last) break;
      windows++;
      long trainStart = expanding ? origin : origin + w * stepDays * DAY_MS;
      int a = firstAtOrAfter(time, testStart);
      int b = firstAtOrAfter(time, testStart + testDays * DAY_MS);
      if (a == b) continue;
      Rows test = Rows.range(a, b);
      Rows train = Purge.train(rows, Rows.range(firstAtOrAfter(time, trainStart), a), test, 0);
      if (train.size() < minTrainSamples) continue;
      out.add(new Fold(WalkForward.NAME + "-" + out.size(), train, Rows.range(a, a), test));
    }
    if (out.isEmpty()) {
      long spanDays = (last - origin) / DAY_MS + 1;
      throw new BadInputException(Where.none(), "walk-forward train_days " + trainDays + ", test_days " + testDays + ", step_days " + stepDays
          + " gives no fold with at least " + minTrainSamples + " training rows: the data spans " + spanDays + " day" + (spanDays == 1 ? "" : "s")
          + " (" + n + " rows), " + windows + " test window" + (windows == 1 ? "" : "s") + " began in it",
          "use fewer train_days, a lower min_train_samples, or more data");
    }
    return List.copyOf(out);
  }

  /** The first row whose time is at or after {@code t}, or n. */
  private static int firstAtOrAfter(long[] time, long t) {
    int lo = 0;
    int hi = time.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  public int trainDays() {
    return trainDays;
  }

  public int testDays() {
    return testDays;
  }

  public int stepDays() {
    return stepDays;
  }

  public int minTrainSamples() {
    return minTrainSamples;
  }

  public boolean expanding() {
    return expanding;
  }
}
