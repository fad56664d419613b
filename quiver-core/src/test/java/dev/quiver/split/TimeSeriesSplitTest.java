package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Indices pasted from scikit-learn 1.2.1 (numpy 1.24.2), printed once by
 * {@code for tr, te in TimeSeriesSplit(**kw).split(np.zeros((n, 1))): print(list(tr), list(te))}
 * for each (n, kw) below. The tests need no Python.
 */
class TimeSeriesSplitTest {

  private static void assertSplits(int n, TimeSeriesSplit split, int[][]... trainTest) {
    // a horizon far beyond the gap changes nothing: scikit-learn ignores labels
    for (Timeline rows : new Timeline[] {Timeline.ofRows(n, 0), Timeline.ofRows(n, 7)}) {
      List<Fold> f = split.folds(rows);
      assertThat(f).hasSize(trainTest.length);
      for (int s = 0; s < trainTest.length; s++) {
        assertThat(f.get(s).train().toArray()).as("train of split %d", s).containsExactly(trainTest[s][0]);
        assertThat(f.get(s).test().toArray()).as("test of split %d", s).containsExactly(trainTest[s][1]);
        assertThat(f.get(s).name()).isEqualTo("time-series-split-" + s);
      }
    }
  }

  private static int[][] split(int[] train, int[] test) {
    return new int[][] {train, test};
  }

  @Test
  void defaults_n12_n_splits_3() {
    // TimeSeriesSplit(n_splits=3), n=12: test_size = 12 // 4 = 3
    assertSplits(12, new TimeSeriesSplit(3, 0, null, null),
        split(new int[] {0, 1, 2}, new int[] {3, 4, 5}),
        split(new int[] {0, 1, 2, 3, 4, 5}, new int[] {6, 7, 8}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, new int[] {9, 10, 11}));
  }

  @Test
  void test_size_2_gap_2_n12() {
    // TimeSeriesSplit(n_splits=3, test_size=2, gap=2), n=12
    assertSplits(12, new TimeSeriesSplit(3, 2, null, 2),
        split(new int[] {0, 1, 2, 3}, new int[] {6, 7}),
        split(new int[] {0, 1, 2, 3, 4, 5}, new int[] {8, 9}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {10, 11}));
  }

  @Test
  void max_train_size_5_gap_1_n20() {
    // TimeSeriesSplit(n_splits=4, max_train_size=5, gap=1), n=20: test_size = 20 // 5 = 4
    assertSplits(20, new TimeSeriesSplit(4, 1, 5, null),
        split(new int[] {0, 1, 2}, new int[] {4, 5, 6, 7}),
        split(new int[] {2, 3, 4, 5, 6}, new int[] {8, 9, 10, 11}),
        split(new int[] {6, 7, 8, 9, 10}, new int[] {12, 13, 14, 15}),
        split(new int[] {10, 11, 12, 13, 14}, new int[] {16, 17, 18, 19}));
  }

  @Test
  void the_remainder_goes_to_the_first_training_set_n23() {
    // TimeSeriesSplit(n_splits=5), n=23: test_size = 23 // 6 = 3, first test starts at 23 - 15 = 8
    assertSplits(23, new TimeSeriesSplit(5, 0, null, null),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {8, 9, 10}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, new int[] {11, 12, 13}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, new int[] {14, 15, 16}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, new int[] {17, 18, 19}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, new int[] {20, 21, 22}));
  }

  @Test
  void explicit_test_size_3_leaves_one_training_row_n10() {
    // TimeSeriesSplit(n_splits=3, test_size=3), n=10
    assertSplits(10, new TimeSeriesSplit(3, 0, null, 3),
        split(new int[] {0}, new int[] {1, 2, 3}),
        split(new int[] {0, 1, 2, 3}, new int[] {4, 5, 6}),
        split(new int[] {0, 1, 2, 3, 4, 5, 6}, new int[] {7, 8, 9}));
  }

  @Test
  void all_four_parameters_n17() {
    // TimeSeriesSplit(n_splits=2, gap=3, test_size=4, max_train_size=6), n=17
    assertSplits(17, new TimeSeriesSplit(2, 3, 6, 4),
        split(new int[] {0, 1, 2, 3, 4, 5}, new int[] {9, 10, 11, 12}),
        split(new int[] {4, 5, 6, 7, 8, 9}, new int[] {13, 14, 15, 16}));
  }

  @Test
  void errors_are_the_ones_scikit_learn_raises() {
    // ValueError: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=1.
    assertThatThrownBy(() -> new TimeSeriesSplit(1, 0, null, null)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("n_splits=2 or more, got n_splits=1");
    // ValueError: Cannot have number of folds=4 greater than the number of samples=3.
    assertThatThrownBy(() -> new TimeSeriesSplit(3, 0, null, null).folds(Timeline.ofRows(3, 0))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("Cannot have number of folds=4 greater than the number of samples=3.");
    // ValueError: Too many splits=3 for number of samples=10 with test_size=3 and gap=1.
    assertThatThrownBy(() -> new TimeSeriesSplit(3, 1, null, 3).folds(Timeline.ofRows(10, 0))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("Too many splits=3 for number of samples=10 with test_size=3 and gap=1.");
  }

  @Test
  void values_scikit_learn_lets_through_but_make_no_sense_are_refused() {
    assertThatThrownBy(() -> new TimeSeriesSplit(3, -1, 0, 0)).isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).hasSize(3));
  }
}
