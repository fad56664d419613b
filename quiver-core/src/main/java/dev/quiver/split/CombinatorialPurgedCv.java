package dev.quiver.split;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Combinatorial purged cross-validation (de Prado, Advances in Financial Machine Learning,
 * ch. 12). The rows are cut into {@code N} contiguous groups like numpy's {@code array_split}
 * (the first {@code n mod N} groups one row longer). Every choice of {@code k} test groups is one
 * split, {@code C(N, k)} in all, listed in lexicographic order of the group sets (as Python's
 * {@code itertools.combinations}): split {@code s} is named {@code cpcv-s} and tests the union of
 * its groups; it trains on every other row minus what {@link Purge} drops around each test group
 * (rows whose label overlaps the group's label span, and the embargo {@code floor(embargoPct * n)}
 * rows after it). No validation segment.
 *
 * <p>Each group is tested in {@code C(N-1, k-1)} splits, which gives {@code phi = k/N * C(N, k) =
 * C(N-1, k-1)} backtest paths, each a full out-of-sample history. Path assignment
 * ({@link #paths()}): for group {@code g}, list the splits that test it in ascending split order;
 * path {@code p} takes group {@code g}'s test predictions from the {@code p}-th of them. So path 0
 * uses for every group the first split that tests it, and every split's every test group is used
 * by exactly one path. Stateless and thread-safe.
 */
public final class CombinatorialPurgedCv implements Splitter {

  public static final String NAME = "cpcv";

  private final int groups;
  private final int testGroups;
  private final double embargoPct;
  private final int[][] splits;

  /**
   * @param groups number of groups N, at least 2
   * @param testGroups test groups per split k, in [1, N-1]
   * @param embargoPct fraction of all rows embargoed after each test group, in [0, 1)
   * @throws BadInputException naming every value out of range, or when {@code C(N, k)} exceeds 1,000,000 splits
   */
  public CombinatorialPurgedCv(int groups, int testGroups, double embargoPct) {
    List<Problem> problems = new ArrayList<>();
    if (groups < 2) problems.add(new Problem(Where.none(), String.valueOf(groups), "split_groups", "cpcv needs at least 2 groups, got " + groups));
    if (testGroups < 1 || testGroups >= Math.max(groups, 2)) {
      problems.add(new Problem(Where.none(), String.valueOf(testGroups), "split_test_groups", "cpcv test groups " + testGroups + " must be in [1, groups - 1]"));
    }
    if (!(embargoPct >= 0 && embargoPct < 1)) {
      problems.add(new Problem(Where.none(), String.valueOf(embargoPct), "split_embargo", "embargo fraction " + embargoPct + " must be in [0, 1)"));
    }
    if (problems.isEmpty() && binomial(groups, testGroups) > 1_000_000) {
      problems.add(new Problem(Where.none(), groups + "/" + testGroups, "split_too_many",
          "cpcv with " + groups + " groups and " + testGroups + " test groups makes " + binomial(groups, testGroups) + " splits"));
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "give --groups N >= 2 and --test-groups K in [1, N-1] with C(N, K) <= 1,000,000, e.g. --groups 6 --test-groups 2");
    this.groups = groups;
    this.testGroups = testGroups;
    this.embargoPct = embargoPct;
    this.splits = combinations(groups, testGroups);
  }

  /** {@code C(n, k)}, saturating at {@code Long.MAX_VALUE}. */
  static long binomial(int n, int k) {
    long c = 1;
    for (int i = 1; i <= k; i++) {
      if (c > Long.MAX_VALUE / (n - k + i)) return Long.MAX_VALUE;
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /** Every k-subset of 0..n-1, ascending within and lexicographic between. */
  private static int[][] combinations(int n, int k) {
    int[][] out = new int[(int) binomial(n, k)][];
    int[] c = new int[k];
    for (int i = 0; i < k; i++) c[i] = i;
    for (int s = 0; s < out.length; s++) {
      out[s] = c.clone();
      int i = k - 1;
      while (i >= 0 && c[i] == n - k + i) i--;
      if (i < 0) break;
      c[i]++;
      for (int j = i + 1; j < k; j++) c[j] = c[j - 1] + 1;
    }
    return out;
  }

  @Override
  public List<Fold> folds(Timeline rows) {
    int n = rows.rows();
    if (n < groups) {
      throw new BadInputException(Where.none(), "cpcv with " + groups + " groups needs at least " + groups + " rows, there are " + n, "use fewer groups or more rows");
    }
    int embargo = Purge.embargoRows(embargoPct, n);
    int[] bounds = ArraySplit.bounds(n, groups);
    Rows all = Rows.range(0, n);
    List<Fold> out = new ArrayList<>(splits.length);
    for (int s = 0; s < splits.length; s++) {
      Rows.Builder b = new Rows.Builder();
      for (int g : splits[s]) b.addRange(bounds[g], bounds[g + 1]);
      Rows test = b.build();
      Rows train = Purge.train(rows, all, test, embargo);
      if (train.isEmpty()) {
        throw new BadInputException(Where.none(), "cpcv split " + s + " (test groups " + Arrays.toString(splits[s]) + ") has no training rows left after purging and an embargo of "
            + embargo + " rows", "use more rows, more groups, fewer test groups, a shorter label horizon or a smaller embargo");
      }
      out.add(new Fold(NAME + "-" + s, train, Rows.range(test.spanFrom(), test.spanFrom()), test));
    }
    return List.copyOf(out);
  }

  /** The row bounds of the groups for {@code n} rows: group {@code g} is {@code [bounds[g], bounds[g + 1])}. */
  public int[] groupBounds(int n) {
    return ArraySplit.bounds(n, groups);
  }

  /** The test groups of split {@code s}, ascending (a copy). */
  public int[] testGroupsOf(int split) {
    return splits[split].clone();
  }

  /** {@code C(N, k)}: the number of splits. */
  public int splitCount() {
    return splits.length;
  }

  /** {@code C(N-1, k-1)}: the number of backtest paths. */
  public int pathCount() {
    return (int) binomial(groups - 1, testGroups - 1);
  }

  /** The backtest paths, assembled as the class comment says. */
  public List<BacktestPath> paths() {
    int paths = pathCount();
    int[][] splitOf = new int[paths][groups];
    int[] used = new int[groups];
    for (int s = 0; s < splits.length; s++) {
      for (int g : splits[s]) splitOf[used[g]++][g] = s;
    }
    List<BacktestPath> out = new ArrayList<>(paths);
    for (int p = 0; p < paths; p++) out.add(new BacktestPath(p, splitOf[p]));
    return List.copyOf(out);
  }

  public int groups() {
    return groups;
  }

  public int testGroups() {
    return testGroups;
  }

  public double embargoPct() {
    return embargoPct;
  }

  /**
   * One CPCV backtest path: group {@code g}'s predictions come from the model of split
   * {@code splitOfGroup[g]} (a fold index into {@link #folds}), which tested {@code g}.
   * Concatenated in group order they cover every row once.
   */
  public record BacktestPath(int index, int[] splitOfGroup) {

    public BacktestPath {
      splitOfGroup = splitOfGroup.clone();
    }

    /** The split that supplies group {@code g}. */
    public int splitOf(int group) {
      return splitOfGroup[group];
    }

    @Override
    public int[] splitOfGroup() {
      return splitOfGroup.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BacktestPath p && index == p.index && Arrays.equals(splitOfGroup, p.splitOfGroup);
    }

    @Override
    public int hashCode() {
      return 31 * index + Arrays.hashCode(splitOfGroup);
    }

    @Override
    public String toString() {
      return "path " + index + ": splits " + Arrays.toString(splitOfGroup);
    }
  }
}
