package dev.quiver.split;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward by bar count, rolling or expanding. With train size {@code A}, test size {@code B}
 * and step {@code C}, fold {@code f = 0, 1, ...} tests rows {@code [A + f*C, A + f*C + B)} while
 * that block fits in the {@code n} rows, and trains on {@code [f*C, A + f*C)} (rolling) or
 * {@code [0, A + f*C)} (expanding) minus the rows {@link Purge} drops: those whose label ends
 * after the first test row. Training rows all precede the test block, so an embargo (rows after
 * it) never removes one and there is none to set. Test blocks are disjoint and in order when
 * {@code C >= B}. No validation segment; fold {@code f} is named {@code walk-forward-f}.
 * Stateless and thread-safe. For windows in calendar days see {@link CalendarWalkForward}.
 */
public final class WalkForward implements Splitter {

  public static final String NAME = "walk-forward";

  private final int trainSize;
  private final int testSize;
  private final int step;
  private final boolean expanding;

  /**
   * @param trainSize rows in the first training window, at least 1
   * @param testSize rows in each test block, at least 1
   * @param step rows each fold moves forward, at least 1
   * @param expanding true: training starts at row 0 every fold; false: a rolling window of {@code trainSize} rows
   * @throws BadInputException naming every size below 1
   */
  public WalkForward(int trainSize, int testSize, int step, boolean expanding) {
    List<Problem> problems = new ArrayList<>();
    check(problems, "train size", "--train-size", trainSize);
    check(problems, "test size", "--test-size", testSize);
    check(problems, "step", "--step", step);
    if (!problems.isEmpty()) throw new BadInputException(problems, "walk-forward sizes count rows and must be at least 1");
    this.trainSize = trainSize;
    this.testSize = testSize;
    this.step = step;
    this.expanding = expanding;
  }

  private static void check(List<Problem> problems, String what, String flag, int value) {
    if (value < 1) problems.add(new Problem(Where.none(), String.valueOf(value), "split_size", "walk-forward " + what + " (" + flag + ") " + value + " must be at least 1"));
  }

  @Override
  public List<Fold> folds(Timeline rows) {
    int n = rows.rows();
    if ((long) trainSize + testSize > n) {
      throw new BadInputException(Where.none(), "walk-forward with train size " + trainSize + " and test size " + testSize
          + " needs at least " + ((long) trainSize + testSize) + " rows, there are " + n, "use smaller sizes or more rows");
    }
    List<Fold> out = new ArrayList<>();
    for (long testFrom = trainSize; testFrom + testSize <= n; testFrom += step) {
      int a = (int) testFrom;
      int trainFrom = expanding ? 0 : a - trainSize;
      Rows test = Rows.range(a, a + testSize);
      Rows train = Purge.train(rows, Rows.range(trainFrom, a), test, 0);
      String name = NAME + "-" + out.size();
      if (train.isEmpty()) {
        throw new BadInputException(Where.none(), name + " (test rows [" + a + ", " + (a + testSize) + ")) has no training rows left: every label in ["
            + trainFrom + ", " + a + ") reads into the test block", "use a larger --train-size or a shorter label horizon");
      }
      out.add(new Fold(name, train, Rows.range(a, a), test));
    }
    return List.copyOf(out);
  }

  public int trainSize() {
    return trainSize;
  }

  public int testSize() {
    return testSize;
  }

  public int step() {
    return step;
  }

  public boolean expanding() {
    return expanding;
  }
}
