package dev.quiver.split;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's {@code TimeSeriesSplit(n_splits, gap, max_train_size, test_size)} with identical
 * indices, for users porting from Python (checked against scikit-learn 1.2.1). With {@code n}
 * rows and {@code T = testSize} (default {@code n / (nSplits + 1)}, integer division), split
 * {@code s = 0 .. nSplits-1} tests {@code [n - (nSplits - s)*T, + T)} and trains on the rows
 * before that start minus the last {@code gap}; with {@code maxTrainSize} only the latest
 * {@code maxTrainSize} of them.
 *
 * <p>Like scikit-learn it does not purge: labels are ignored. With labels reading {@code H} rows
 * ahead, a {@code gap} of at least {@code H - 1} keeps every training label out of the test
 * labels' span in {@link Purge}'s sense (the last training label then ends at the first test row). Errors as
 * scikit-learn raises them: {@code nSplits < 2}; {@code nSplits + 1 > n}; {@code n - gap -
 * T*nSplits <= 0}. Where scikit-learn accepts a value that makes no sense ({@code gap < 0},
 * {@code testSize < 1}, {@code maxTrainSize < 1}; it reads {@code max_train_size=0} as "no
 * limit") this class refuses it. No validation segment; split {@code s} is named
 * {@code time-series-split-s}. Stateless and thread-safe.
 */
public final class TimeSeriesSplit implements Splitter {

  public static final String NAME = "time-series-split";

  private final int nSplits;
  private final int gap;
  private final Integer maxTrainSize;
  private final Integer testSize;

  /**
   * @param nSplits number of splits, at least 2
   * @param gap rows dropped from the end of each training set, at least 0
   * @param maxTrainSize largest training set, at least 1; null for no limit
   * @param testSize rows per test block, at least 1; null for {@code n / (nSplits + 1)}
   */
  public TimeSeriesSplit(int nSplits, int gap, Integer maxTrainSize, Integer testSize) {
    List<Problem> problems = new ArrayList<>();
    if (nSplits < 2) {
      problems.add(new Problem(Where.none(), String.valueOf(nSplits), "split_n_splits",
          "k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=" + nSplits));
    }
    if (gap < 0) problems.add(new Problem(Where.none(), String.valueOf(gap), "split_gap", "gap " + gap + " must be 0 or more"));
    if (maxTrainSize != null && maxTrainSize < 1) {
      problems.add(new Problem(Where.none(), String.valueOf(maxTrainSize), "split_max_train_size", "max_train_size " + maxTrainSize + " must be at least 1 (leave it out for no limit)"));
    }
    if (testSize != null && testSize < 1) problems.add(new Problem(Where.none(), String.valueOf(testSize), "split_test_size", "test_size " + testSize + " must be at least 1"));
    if (!problems.isEmpty()) throw new BadInputException(problems, "give --n-splits 2 or more, --gap 0 or more, and sizes of at least 1");
    this.nSplits = nSplits;
    this.gap = gap;
    this.maxTrainSize = maxTrainSize;
    this.testSize = testSize;
  }

  @Override
  public List<Fold> folds(Timeline rows) {
    int n = rows.rows();
    int folds = nSplits + 1;
    int t = testSize != null ? testSize : n / folds;
    if (folds > n) {
      throw new BadInputException(Where.none(), "Cannot have number of folds=" + folds + " greater than the number of samples=" + n + ".",
          "use fewer --n-splits or more rows");
    }
    if ((long) n - gap - (long) t * nSplits <= 0) {
      throw new BadInputException(Where.none(), "Too many splits=" + nSplits + " for number of samples=" + n + " with test_size=" + t + " and gap=" + gap + ".",
          "use fewer --n-splits, a smaller --test-size or --gap, or more rows");
    }
    List<Fold> out = new ArrayList<>(nSplits);
    for (int s = 0; s < nSplits; s++) {
      int testStart = n - (nSplits - s) * t;
      int trainEnd = testStart - gap;
      int trainStart = maxTrainSize != null && maxTrainSize < trainEnd ? trainEnd - maxTrainSize : 0;
      out.add(new Fold(NAME + "-" + s, trainStart, trainEnd, testStart, testStart, testStart, testStart + t));
    }
    return List.copyOf(out);
  }

  public int nSplits() {
    return nSplits;
  }

  public int gap() {
    return gap;
  }

  /** The largest training set, or null for no limit. */
  public Integer maxTrainSize() {
    return maxTrainSize;
  }

  /** Rows per test block, or null for {@code n / (nSplits + 1)}. */
  public Integer testSize() {
    return testSize;
  }
}
