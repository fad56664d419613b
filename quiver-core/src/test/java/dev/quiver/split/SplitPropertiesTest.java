package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.error.BadInputException;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Invariants of every splitter on random rows: random counts, label horizons that vary row by row
 * (as triple-barrier labels do), fold counts and embargoes. The leak checks are written from the
 * convention's words, not from {@link Purge}'s code.
 */
class SplitPropertiesTest {

  /** n rows a few minutes to a day apart; label ends i + a random 0..maxHorizon, clipped to n - 1. */
  static Timeline randomRows(int n, int maxHorizon, long seed) {
    Random rnd = new Random(seed);
    long[] time = new long[n];
    int[] end = new int[n];
    long t = 1_700_000_000_000L + rnd.nextInt(86_400_000);
    for (int i = 0; i < n; i++) {
      time[i] = t;
      t += rnd.nextInt(8) == 0 ? 60_000L * (1 + rnd.nextInt(1440)) : 60_000L * (1 + rnd.nextInt(30));
      end[i] = Math.min(n - 1, i + rnd.nextInt(maxHorizon + 1));
    }
    return new Timeline(time, end);
  }

  /** No training row's label span (i, end(i)] overlaps a test row's, nor the span (a, M] of a test block [a, b) with largest label end M. */
  static void assertNoLeak(Timeline rows, Rows train, Rows test) {
    int[] end = rows.labelEnd();
    int[] tr = train.toArray();
    int[] te = test.toArray();
    for (int i : tr) {
      for (int j : te) {
        assertThat(i).isNotEqualTo(j);
        assertThat(Math.max(i, j) < Math.min(end[i], end[j])).as("train row %d (label end %d) overlaps test row %d (label end %d)", i, end[i], j, end[j]).isFalse();
      }
    }
    for (int k = 0; k < test.rangeCount(); k++) {
      int a = test.from(k);
      int m = blockMaxEnd(end, a, test.to(k));
      for (int i : tr) assertThat(i < m && end[i] > a).as("train row %d against test block [%d, %d)", i, a, test.to(k)).isFalse();
    }
  }

  private static int blockMaxEnd(int[] end, int from, int to) {
    int m = from;
    for (int j = from; j < to; j++) m = Math.max(m, end[j]);
    return m;
  }

  /** The training rows the rule keeps out of {@code candidates}, row by row. */
  static Rows expectedTrain(Timeline rows, Rows candidates, Rows test, int embargo) {
    int[] end = rows.labelEnd();
    Rows.Builder b = new Rows.Builder();
    for (int i : candidates.toArray()) {
      boolean keep = !test.contains(i);
      for (int k = 0; k < test.rangeCount() && keep; k++) {
        int a = test.from(k);
        int m = blockMaxEnd(end, a, test.to(k));
        boolean purged = i < m && end[i] > a;
        boolean embargoed = i >= m && i <= m + embargo - 1;
        keep = !purged && !embargoed;
      }
      if (keep) b.add(i);
    }
    return b.build();
  }

  private static Timeline copy(Timeline t) {
    return new Timeline(t.time().clone(), t.labelEnd().clone());
  }

  private static void assertDeterministic(Splitter s, Timeline rows, List<Fold> folds) {
    assertThat(s.folds(rows)).isEqualTo(folds);
    assertThat(s.folds(copy(rows))).isEqualTo(folds);
  }

  private static void expectOnlyFor(BadInputException e, String... reasons) {
    assertThat(e.getMessage()).containsAnyOf(reasons);
    Statistics.label("outcome").collect("refused");
  }

  @Property(tries = 300)
  void purged_kfold_tests_partition_the_rows_and_trains_keep_exactly_what_the_rule_allows(
      @ForAll @IntRange(min = 2, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 25) int maxHorizon,
      @ForAll @IntRange(min = 2, max = 10) int k,
      @ForAll @DoubleRange(min = 0.0, max = 0.1) double embargoPct,
      @ForAll long seed) {
    Timeline rows = randomRows(n, maxHorizon, seed);
    PurgedKFold split = new PurgedKFold(k, embargoPct);
    List<Fold> folds;
    try {
      folds = split.folds(rows);
    } catch (BadInputException e) {
      expectOnlyFor(e, "no training rows left", "needs at least " + k + " rows");
      return;
    }
    Statistics.label("outcome").collect("folds");
    int embargo = (int) Math.floor(embargoPct * n);
    assertThat(folds).hasSize(k);
    int next = 0;
    for (int f = 0; f < k; f++) {
      Fold fold = folds.get(f);
      assertThat(fold.test().isRange()).isTrue();
      assertThat(fold.testFrom()).isEqualTo(next);
      assertThat(fold.testRows()).isEqualTo(n / k + (f < n % k ? 1 : 0));
      next = fold.testTo();
      assertThat(fold.train()).isEqualTo(expectedTrain(rows, Rows.range(0, n), fold.test(), embargo));
      assertNoLeak(rows, fold.train(), fold.test());
    }
    assertThat(next).isEqualTo(n);
    assertDeterministic(split, rows, folds);
    Statistics.label("outcome").coverage(c -> c.check("folds").percentage(p -> p > 30));
  }

  @Property(tries = 300)
  void walk_forward_by_bars_tests_ordered_blocks_and_trains_only_on_earlier_rows_that_do_not_read_them(
      @ForAll @IntRange(min = 40, max = 400) int n,
      @ForAll @IntRange(min = 0, max = 20) int maxHorizon,
      @ForAll @IntRange(min = 1, max = 120) int trainSize,
      @ForAll @IntRange(min = 1, max = 40) int testSize,
      @ForAll @IntRange(min = 1, max = 40) int step,
      @ForAll boolean expanding,
      @ForAll long seed) {
    Timeline rows = randomRows(n, maxHorizon, seed);
    WalkForward split = new WalkForward(trainSize, testSize, step, expanding);
    List<Fold> folds;
    try {
      folds = split.folds(rows);
    } catch (BadInputException e) {
      expectOnlyFor(e, "no training rows left", "needs at least " + (trainSize + testSize) + " rows");
      return;
    }
    Statistics.label("outcome").collect("folds");
    int expectedFolds = (n - trainSize - testSize) / step + 1;
    assertThat(folds).hasSize(expectedFolds);
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      int a = trainSize + f * step;
      assertThat(fold.test()).isEqualTo(Rows.range(a, a + testSize));
      Rows candidates = Rows.range(expanding ? 0 : a - trainSize, a);
      assertThat(fold.train()).isEqualTo(expectedTrain(rows, candidates, fold.test(), 0));
      assertNoLeak(rows, fold.train(), fold.test());
      if (f > 0) {
        Fold before = folds.get(f - 1);
        assertThat(fold.testFrom()).isGreaterThan(before.testFrom());
        if (step >= testSize) assertThat(fold.test().disjoint(before.test())).isTrue();
      }
    }
    assertDeterministic(split, rows, folds);
    Statistics.label("outcome").coverage(c -> c.check("folds").percentage(p -> p > 30));
  }

  @Property(tries = 200)
  void walk_forward_by_days_tests_disjoint_ordered_day_windows_and_never_trains_on_what_they_read(
      @ForAll @IntRange(min = 100, max = 800) int n,
      @ForAll @IntRange(min = 0, max = 20) int maxHorizon,
      @ForAll @IntRange(min = 1, max = 5) int trainDays,
      @ForAll @IntRange(min = 1, max = 3) int testDays,
      @ForAll @IntRange(min = 0, max = 2) int extraStep,
      @ForAll @IntRange(min = 1, max = 30) int minTrain,
      @ForAll boolean expanding,
      @ForAll long seed) {
    Timeline rows = randomRows(n, maxHorizon, seed);
    int stepDays = testDays + extraStep;
    CalendarWalkForward split = new CalendarWalkForward(trainDays, testDays, stepDays, minTrain, expanding);
    List<Fold> folds;
    try {
      folds = split.folds(rows);
    } catch (BadInputException e) {
      expectOnlyFor(e, "gives no fold");
      return;
    }
    Statistics.label("outcome").collect("folds");
    long day = CalendarWalkForward.DAY_MS;
    long[] time = rows.time();
    long origin = Math.floorDiv(time[0], day) * day;
    for (int f = 0; f < folds.size(); f++) {
      Fold fold = folds.get(f);
      assertThat(fold.testRows()).isPositive();
      assertThat(fold.trainRows()).isGreaterThanOrEqualTo(minTrain);
      // the test rows are exactly one window's rows: [origin + (trainDays + w*step) days, + testDays days)
      long w = ((time[fold.testFrom()] - origin) / day - trainDays) / stepDays;
      long start = origin + (trainDays + w * stepDays) * day;
      for (int r = fold.testFrom(); r < fold.testTo(); r++) assertThat(time[r]).isBetween(start, start + testDays * day - 1);
      if (fold.testFrom() > 0) assertThat(time[fold.testFrom() - 1]).isLessThan(start);
      if (fold.testTo() < n) assertThat(time[fold.testTo()]).isGreaterThanOrEqualTo(start + testDays * day);
      long trainStart = expanding ? origin : origin + w * stepDays * day;
      for (int r : fold.train().toArray()) assertThat(time[r]).isBetween(trainStart, start - 1);
      assertNoLeak(rows, fold.train(), fold.test());
      if (f > 0) assertThat(fold.testFrom()).isGreaterThanOrEqualTo(folds.get(f - 1).testTo());
    }
    assertDeterministic(split, rows, folds);
    Statistics.label("outcome").coverage(c -> c.check("folds").percentage(p -> p > 30));
  }

  @Property(tries = 200)
  void cpcv_tests_each_group_in_the_right_number_of_splits_and_every_path_covers_every_row(
      @ForAll @IntRange(min = 20, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 15) int maxHorizon,
      @ForAll @IntRange(min = 2, max = 8) int groups,
      @ForAll @IntRange(min = 1, max = 7) int testGroups,
      @ForAll @DoubleRange(min = 0.0, max = 0.05) double embargoPct,
      @ForAll long seed) {
    Assume.that(testGroups < groups);
    Timeline rows = randomRows(n, maxHorizon, seed);
    CombinatorialPurgedCv split = new CombinatorialPurgedCv(groups, testGroups, embargoPct);
    List<Fold> folds;
    try {
      folds = split.folds(rows);
    } catch (BadInputException e) {
      expectOnlyFor(e, "no training rows left", "needs at least " + groups + " rows");
      return;
    }
    Statistics.label("outcome").collect("folds");
    int embargo = (int) Math.floor(embargoPct * n);
    int[] bounds = split.groupBounds(n);
    assertThat(folds).hasSize((int) CombinatorialPurgedCv.binomial(groups, testGroups));
    int[] tested = new int[groups];
    for (int s = 0; s < folds.size(); s++) {
      Fold fold = folds.get(s);
      Rows.Builder expectedTest = new Rows.Builder();
      for (int g : split.testGroupsOf(s)) {
        expectedTest.addRange(bounds[g], bounds[g + 1]);
        tested[g]++;
      }
      assertThat(fold.test()).isEqualTo(expectedTest.build());
      assertThat(fold.train()).isEqualTo(expectedTrain(rows, Rows.range(0, n), fold.test(), embargo));
      assertNoLeak(rows, fold.train(), fold.test());
    }
    for (int g = 0; g < groups; g++) assertThat(tested[g]).isEqualTo(split.pathCount());
    assertThat(split.paths()).hasSize(split.pathCount());
    boolean[][] used = new boolean[folds.size()][groups];
    for (CombinatorialPurgedCv.BacktestPath p : split.paths()) {
      boolean[] covered = new boolean[n];
      for (int g = 0; g < groups; g++) {
        Rows test = folds.get(p.splitOf(g)).test();
        assertThat(used[p.splitOf(g)][g]).as("split %d group %d used twice", p.splitOf(g), g).isFalse();
        used[p.splitOf(g)][g] = true;
        for (int r = bounds[g]; r < bounds[g + 1]; r++) {
          assertThat(test.contains(r)).isTrue();
          covered[r] = true;
        }
      }
      for (boolean c : covered) assertThat(c).isTrue();
    }
    assertDeterministic(split, rows, folds);
    Statistics.label("outcome").coverage(c -> c.check("folds").percentage(p -> p > 30));
  }

  @Property(tries = 200)
  void time_series_split_with_a_gap_of_at_least_the_horizon_minus_one_never_leaks(
      @ForAll @IntRange(min = 30, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 10) int maxHorizon,
      @ForAll @IntRange(min = 2, max = 8) int nSplits,
      @ForAll @IntRange(min = 0, max = 5) int extraGap,
      @ForAll long seed) {
    Timeline rows = randomRows(n, maxHorizon, seed);
    TimeSeriesSplit split = new TimeSeriesSplit(nSplits, Math.max(0, maxHorizon - 1) + extraGap, null, null);
    List<Fold> folds;
    try {
      folds = split.folds(rows);
    } catch (BadInputException e) {
      expectOnlyFor(e, "Too many splits", "Cannot have number of folds");
      return;
    }
    Statistics.label("outcome").collect("folds");
    int t = n / (nSplits + 1);
    for (int s = 0; s < nSplits; s++) {
      Fold fold = folds.get(s);
      assertThat(fold.test()).isEqualTo(Rows.range(n - (nSplits - s) * t, n - (nSplits - s - 1) * t));
      assertNoLeak(rows, fold.train(), fold.test());
    }
    assertThat(folds.get(nSplits - 1).testTo()).isEqualTo(n);
    assertDeterministic(split, rows, folds);
    Statistics.label("outcome").coverage(c -> c.check("folds").percentage(p -> p > 30));
  }

  @Property(tries = 200)
  void holdout_on_random_rows_never_leaks_between_any_two_segments(
      @ForAll @IntRange(min = 30, max = 2000) int n,
      @ForAll @IntRange(min = 0, max = 25) int maxHorizon,
      @ForAll long seed) {
    Timeline rows = randomRows(n, maxHorizon, seed);
    Holdout split = new Holdout(0.6, 0.2, 0.2, 1);
    List<Fold> folds;
    try {
      folds = split.folds(rows);
    } catch (BadInputException e) {
      expectOnlyFor(e, "after purging");
      return;
    }
    Statistics.label("outcome").collect("folds");
    Fold f = folds.get(0);
    assertNoLeak(rows, f.train(), f.validation());
    assertNoLeak(rows, f.train(), f.test());
    assertNoLeak(rows, f.validation(), f.test());
    assertDeterministic(split, rows, folds);
    Statistics.label("outcome").coverage(c -> c.check("folds").percentage(p -> p > 30));
  }

  @Property(tries = 50)
  void a_dataset_and_a_bare_row_count_with_the_same_label_ends_give_the_same_folds(
      @ForAll @IntRange(min = 40, max = 400) int n,
      @ForAll @IntRange(min = 0, max = 8) int horizon) {
    // a one-symbol dataset of n labelled minute bars whose labels read `horizon` bars ahead has label ends min(i + horizon, n - 1)
    dev.quiver.dataset.Dataset data = HoldoutTest.single(n, Math.max(horizon, 1));
    Timeline bare = Timeline.ofRows(n, Math.max(horizon, 1));
    assertThat(data.labelEnd()).containsExactly(bare.labelEnd());
    for (Splitter s : List.of(new PurgedKFold(4, 0.02), new WalkForward(n / 3, n / 6, n / 6, false), new CombinatorialPurgedCv(5, 2, 0.01),
        new TimeSeriesSplit(3, 2, null, null), new Holdout(0.6, 0.2, 0.2, 1))) {
      assertThat(outcome(s, data)).isEqualTo(outcome(s, bare));
    }
  }

  /** The folds, or the message of the bad-input error they end in. */
  private static Object outcome(Splitter s, Object rows) {
    try {
      return rows instanceof Timeline t ? s.folds(t) : s.folds((dev.quiver.dataset.Dataset) rows);
    } catch (BadInputException e) {
      return e.getMessage();
    }
  }
}
