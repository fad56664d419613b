package dev.quiver.split;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chronological train/validation/test split, 0.7/0.2/0.1 by default. Stateless and
 * thread-safe; the same dataset always gives the same fold.
 *
 * <p>Cuts: with {@code n} rows, validation starts at row {@code floor(n * train)} and test at
 * {@code floor(n * (train + validation))}, each moved back to the first row of its timestamp so
 * that rows of one time (several symbols) never straddle a cut. Test runs to the last row.
 *
 * <p>Purge: labels look forward, so a training row near the cut can read bars of the validation
 * period. Training is cut at its first row whose {@link Dataset#labelEnd()} is {@code >=
 * validFrom}; rows from there to {@code validFrom} are dropped. Likewise validation ends at its
 * first row whose label end is {@code >= testFrom}. Afterwards every training label reads only
 * bars that open before the first validation bar (and, with an empty validation, before the
 * first test bar), and every validation label only bars that open before the first test bar.
 * No embargo is needed: nothing is trained on after the test segment. This cut is at least as
 * strict as {@link Purge}'s rule (which keeps a label ending exactly at the next segment's first
 * row, and keeps rows after a purged one whose own labels end in time): segments stay single
 * ranges and no kept label reads any bar of a later segment.
 *
 * <p>After purging each segment must hold at least {@code minSamples} rows (validation only when
 * its fraction is above 0), else a {@link BadInputException} says how many rows there are and
 * how many are needed.
 */
public final class Holdout implements Splitter {

  public static final String NAME = "holdout";

  private final double train;
  private final double validation;
  private final double test;
  private final int minSamples;

  /** 0.7 / 0.2 / 0.1 with at least 100 rows per segment. */
  public Holdout() {
    this(0.7, 0.2, 0.1, 100);
  }

  /**
   * @param train fraction of rows for training, in (0, 1)
   * @param validation fraction for early stopping, in [0, 1); 0 means no validation segment
   * @param test fraction for the reported scores, in (0, 1)
   * @param minSamples rows each segment needs after purging, at least 1
   * @throws BadInputException when a fraction is out of range or they do not sum to 1 (within 1e-9)
   */
  public Holdout(double train, double validation, double test, int minSamples) {
    List<Problem> problems = new ArrayList<>();
    if (!(train > 0 && train < 1)) problems.add(problem("train", train, "must be in (0, 1)"));
    if (!(validation >= 0 && validation < 1)) problems.add(problem("validation", validation, "must be in [0, 1)"));
    if (!(test > 0 && test < 1)) problems.add(problem("test", test, "must be in (0, 1)"));
    if (problems.isEmpty() && Math.abs(train + validation + test - 1.0) > 1e-9) {
      problems.add(new Problem(Where.none(), fractions(train, validation, test), "split_fractions_sum",
          "holdout fractions train/validation/test " + fractions(train, validation, test) + " sum to " + Math.round((train + validation + test) * 1e9) / 1e9 + ", not 1"));
    }
    if (minSamples < 1) problems.add(new Problem(Where.none(), String.valueOf(minSamples), "split_min_samples", "min_samples " + minSamples + " must be at least 1"));
    if (!problems.isEmpty()) throw new BadInputException(problems, "give three fractions that sum to 1, e.g. 0.7/0.2/0.1, and min_samples >= 1");
    this.train = train;
    this.validation = validation;
    this.test = test;
    this.minSamples = minSamples;
  }

  private static Problem problem(String segment, double value, String rule) {
    return new Problem(Where.none(), String.valueOf(value), "split_fraction", "holdout " + segment + " fraction " + value + " " + rule);
  }

  private static String fractions(double a, double b, double c) {
    return String.format(Locale.ROOT, "%s/%s/%s", a, b, c);
  }

  @Override
  public List<Fold> folds(Timeline rows) {
    return List.of(fold(rows));
  }

  /** The fold of {@code data}, cut and purged as the class comment says; fails when a segment is too small. */
  public Fold fold(Dataset data) {
    return fold(Timeline.of(data));
  }

  /** The fold of {@code rows}, cut and purged as the class comment says; fails when a segment is too small. */
  public Fold fold(Timeline rows) {
    Fold fold = cutAndPurge(rows);
    checkSizes(fold, rows.rows());
    return fold;
  }

  /** The fold before its segment sizes are checked. */
  Fold cutAndPurge(Dataset data) {
    return cutAndPurge(Timeline.of(data));
  }

  private Fold cutAndPurge(Timeline rows) {
    int n = rows.rows();
    long[] time = rows.time();
    int[] labelEnd = rows.labelEnd();
    int validFrom = groupStart(time, cut(n, train));
    int testFrom = groupStart(time, cut(n, train + validation));
    int trainTo = firstReaching(labelEnd, 0, validFrom, validFrom);
    int validTo = firstReaching(labelEnd, validFrom, testFrom, testFrom);
    return new Fold(NAME, 0, trainTo, validFrom, validTo, testFrom, n);
  }

  private static int cut(int n, double fraction) {
    return (int) Math.min(n, Math.floor(n * fraction + 1e-9));
  }

  /** The first row with the same time as row k (k itself when k is n or starts its time). */
  private static int groupStart(long[] time, int k) {
    if (k >= time.length) return time.length;
    while (k > 0 && time[k - 1] == time[k]) k--;
    return k;
  }

  /** The first row in [from, to) whose label end is >= limit, or {@code to} when none is. */
  private static int firstReaching(int[] labelEnd, int from, int to, int limit) {
    for (int i = from; i < to; i++) if (labelEnd[i] >= limit) return i;
    return to;
  }

  /** True when a segment has fewer than minSamples rows (validation only when its fraction is above 0). */
  boolean tooSmall(Fold f) {
    return f.trainRows() < minSamples || f.testRows() < minSamples || (validation > 0 && f.validRows() < minSamples);
  }

  private void checkSizes(Fold f, int n) {
    if (!tooSmall(f)) return;
    double smallest = Math.min(train, test);
    if (validation > 0) smallest = Math.min(smallest, validation);
    long needed = (long) Math.ceil(minSamples / smallest);
    String message = String.format(Locale.ROOT,
        "holdout %s/%s/%s of %d rows leaves train %d, validation %d, test %d rows after purging; each segment needs at least %d (about %d rows in all)",
        train, validation, test, n, f.trainRows(), f.validRows(), f.testRows(), minSamples, needed);
    throw new BadInputException(Where.none(), message, "use more data (a longer date range or more symbols), lower min_samples, or change the fractions");
  }

  public double train() {
    return train;
  }

  public double validation() {
    return validation;
  }

  public double test() {
    return test;
  }

  public int minSamples() {
    return minSamples;
  }
}
