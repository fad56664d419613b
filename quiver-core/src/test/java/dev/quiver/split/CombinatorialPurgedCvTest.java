package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CPCV as de Prado describes it (Advances in Financial Machine Learning, ch. 12, figure 12.1: N = 6, k = 2). */
class CombinatorialPurgedCvTest {

  @Test
  void six_groups_two_test_groups_give_fifteen_splits_and_five_paths() {
    CombinatorialPurgedCv cv = new CombinatorialPurgedCv(6, 2, 0.0);
    assertThat(cv.splitCount()).isEqualTo(15); // C(6, 2)
    assertThat(cv.pathCount()).isEqualTo(5); // phi = 2/6 * 15 = C(5, 1)
    // lexicographic, as itertools.combinations(range(6), 2)
    int[][] expected = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {2, 3}, {2, 4}, {2, 5}, {3, 4}, {3, 5}, {4, 5}};
    for (int s = 0; s < 15; s++) assertThat(cv.testGroupsOf(s)).containsExactly(expected[s]);
  }

  @Test
  void each_path_takes_every_group_from_the_next_split_that_tested_it() {
    // splits testing each group, in order:
    //   group 0: 0 1 2 3 4      group 1: 0 5 6 7 8      group 2: 1 5 9 10 11
    //   group 3: 2 6 9 12 13    group 4: 3 7 10 12 14   group 5: 4 8 11 13 14
    // path p takes the p-th entry of every row above (the columns of figure 12.1).
    List<CombinatorialPurgedCv.BacktestPath> paths = new CombinatorialPurgedCv(6, 2, 0.0).paths();
    assertThat(paths).extracting(CombinatorialPurgedCv.BacktestPath::splitOfGroup).containsExactly(
        new int[] {0, 0, 1, 2, 3, 4},
        new int[] {1, 5, 5, 6, 7, 8},
        new int[] {2, 6, 9, 9, 10, 11},
        new int[] {3, 7, 10, 12, 12, 13},
        new int[] {4, 8, 11, 13, 14, 14});
  }

  @Test
  void every_path_covers_every_row_once_from_splits_that_tested_it() {
    CombinatorialPurgedCv cv = new CombinatorialPurgedCv(5, 3, 0.02);
    Timeline rows = Timeline.ofRows(103, 2);
    List<Fold> folds = cv.folds(rows);
    int[] bounds = cv.groupBounds(103);
    assertThat(bounds).containsExactly(0, 21, 42, 63, 83, 103); // array_split: 103 = 3 * 21 + 2 * 20
    for (CombinatorialPurgedCv.BacktestPath p : cv.paths()) {
      int covered = 0;
      for (int g = 0; g < 5; g++) {
        Rows test = folds.get(p.splitOf(g)).test();
        for (int r = bounds[g]; r < bounds[g + 1]; r++) assertThat(test.contains(r)).isTrue();
        covered += bounds[g + 1] - bounds[g];
      }
      assertThat(covered).isEqualTo(103);
    }
    // each group is tested in C(4, 2) = 6 splits
    for (int g = 0; g < 5; g++) {
      int times = 0;
      for (Fold f : folds) if (f.test().contains(bounds[g])) times++;
      assertThat(times).isEqualTo(6);
    }
  }

  @Test
  void purge_and_embargo_apply_around_each_test_group() {
    // n = 16 in 4 groups [0,4) [4,8) [8,12) [12,16); labelEnd(i) = min(i + 2, 15); e = floor(0.1 * 16) = 1.
    List<Fold> f = new CombinatorialPurgedCv(4, 2, 0.1).folds(Timeline.ofRows(16, 2));
    // split 1 tests groups {0, 2}:
    //   group 0 [0,4): labels cover (0, 5]; row 4 (< 5) purged, embargo row 5.
    //   group 2 [8,12): labels cover (8, 13]; left: row 7 (labelEnd 9 > 8) purged, row 6 (labelEnd 8) kept;
    //   right: row 12 (< 13) purged, embargo row 13. Train = 6, 14, 15.
    assertThat(f.get(1).test()).isEqualTo(Rows.ofRanges(0, 4, 8, 12));
    assertThat(f.get(1).train().toArray()).containsExactly(6, 14, 15);
    // split 4 tests groups {1, 3}:
    //   group 1 [4,8): labels cover (4, 9]; row 3 (labelEnd 5 > 4) purged, row 2 (labelEnd 4) kept;
    //   rows 8 (< 9) purged, embargo row 9.
    //   group 3 [12,16): labels cover (12, 15]; row 11 (labelEnd 13 > 12) purged, row 10 kept. Train = 0, 1, 2, 10.
    assertThat(f.get(4).test()).isEqualTo(Rows.ofRanges(4, 8, 12, 16));
    assertThat(f.get(4).train().toArray()).containsExactly(0, 1, 2, 10);
    // split 0 tests the adjacent groups {0, 1} = [0, 8): labels cover (0, 9]; row 8 purged, embargo row 9.
    assertThat(f.get(0).train().toArray()).containsExactly(10, 11, 12, 13, 14, 15);
  }

  @Test
  void bad_settings_are_all_reported_and_huge_split_counts_refused() {
    assertThatThrownBy(() -> new CombinatorialPurgedCv(1, 0, -0.5)).isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).hasSize(3));
    assertThatThrownBy(() -> new CombinatorialPurgedCv(6, 6, 0)).isInstanceOf(BadInputException.class).hasMessageContaining("[1, groups - 1]");
    assertThatThrownBy(() -> new CombinatorialPurgedCv(40, 20, 0)).isInstanceOf(BadInputException.class).hasMessageContaining("137846528820 splits");
    assertThatThrownBy(() -> new CombinatorialPurgedCv(6, 2, 0).folds(Timeline.ofRows(5, 0))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("at least 6 rows, there are 5");
  }
}
