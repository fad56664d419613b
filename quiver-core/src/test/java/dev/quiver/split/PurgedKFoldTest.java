package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Purged k-fold against worked cases derived by hand from de Prado's convention (Advances in
 * Financial Machine Learning, ch. 7: snippets 7.1-7.3, the PurgedKFold class). In his code a
 * training row left of the test block is kept when its label end t1 <= the test start t0, and the
 * training rows right of it start at the index of max(t1 over the test) plus the embargo
 * int(n * pctEmbargo). In row terms: purge i < maxLabelEnd(test) with labelEnd(i) > firstTestRow,
 * embargo rows maxLabelEnd(test) .. maxLabelEnd(test) + e - 1.
 */
class PurgedKFoldTest {

  private static List<Fold> folds(Timeline rows, int k, double pct) {
    return new PurgedKFold(k, pct).folds(rows);
  }

  @Test
  void ten_rows_three_folds_horizon_two_embargo_ten_percent() {
    // n = 10, labelEnd(i) = min(i + 2, 9): row i's label covers bars (i, i+2].
    // embargo e = floor(0.1 * 10) = 1 row.
    // array_split(arange(10), 3): 10 mod 3 = 1, so the first block has 4 rows: [0,4) [4,7) [7,10).
    List<Fold> f = folds(Timeline.ofRows(10, 2), 3, 0.1);
    assertThat(f).hasSize(3);

    // fold 0: test [0,4); maxLabelEnd = labelEnd(3) = 5, test labels cover (0, 5].
    //   nothing left of the test. Right: row 4 (4 < 5, its label (4,6] overlaps) purged;
    //   embargo drops rows 5..5+1-1 = row 5. Train = 6, 7, 8, 9.
    assertThat(f.get(0).test().toArray()).containsExactly(0, 1, 2, 3);
    assertThat(f.get(0).train().toArray()).containsExactly(6, 7, 8, 9);

    // fold 1: test [4,7); maxLabelEnd = labelEnd(6) = 8, test labels cover (4, 8].
    //   left: row 3 has labelEnd 5 > 4: purged. Row 2 has labelEnd 4, not > 4: kept (its label
    //   reads bar 4's return, which no test label covers). Rows 0, 1 kept.
    //   right: row 7 < 8 purged; embargo drops row 8; row 9 kept. Train = 0, 1, 2, 9.
    assertThat(f.get(1).test().toArray()).containsExactly(4, 5, 6);
    assertThat(f.get(1).train().toArray()).containsExactly(0, 1, 2, 9);

    // fold 2: test [7,10); maxLabelEnd = 9 (clipped), test labels cover (7, 9].
    //   left: row 6 (labelEnd 8 > 7) purged, row 5 (labelEnd 7) kept. Nothing right. Train = 0..5.
    assertThat(f.get(2).test().toArray()).containsExactly(7, 8, 9);
    assertThat(f.get(2).train().toArray()).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void twelve_rows_four_folds_horizon_three_embargo_twenty_percent() {
    // n = 12, labelEnd(i) = min(i + 3, 11); e = floor(0.2 * 12) = floor(2.4) = 2.
    // array_split(arange(12), 4): equal blocks [0,3) [3,6) [6,9) [9,12).
    List<Fold> f = folds(Timeline.ofRows(12, 3), 4, 0.2);

    // fold 0: maxLabelEnd = labelEnd(2) = 5. Right: rows 3, 4 (< 5) purged; embargo rows 5, 6.
    assertThat(f.get(0).train().toArray()).containsExactly(7, 8, 9, 10, 11);
    // fold 1: test [3,6), maxLabelEnd = 8. Left: labelEnd(0) = 3 kept; labelEnd(1) = 4 > 3 and
    //   labelEnd(2) = 5 > 3 purged. Right: rows 6, 7 purged; embargo rows 8, 9. Train = 0, 10, 11.
    assertThat(f.get(1).train().toArray()).containsExactly(0, 10, 11);
    // fold 2: test [6,9), maxLabelEnd = 11. Left: rows 3 (labelEnd 6) kept, 4 and 5 purged.
    //   Right: rows 9, 10 (< 11) purged; the embargo starts at row 11 and drops it.
    assertThat(f.get(2).train().toArray()).containsExactly(0, 1, 2, 3);
    // fold 3: test [9,12). Left: row 6 (labelEnd 9) kept, rows 7, 8 purged.
    assertThat(f.get(3).train().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void varying_label_ends_purge_row_by_row_not_from_the_first_offender_on() {
    // triple-barrier style label ends that are not monotone.
    int[] end = {4, 2, 3, 6, 5, 7, 9, 8, 9, 9};
    Timeline rows = new Timeline(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, end);
    List<Fold> f = folds(rows, 2, 0.0);
    // fold 1: test [5,10). Left rows purged when labelEnd > 5: only row 3 (labelEnd 6).
    //   Row 4 (labelEnd 5) stays although it comes after a purged row. Train = [0,3) and [4,5).
    assertThat(f.get(1).train()).isEqualTo(Rows.ofRanges(0, 3, 4, 5));
    // fold 0: test [0,5), maxLabelEnd = 6 (row 3). Right: row 5 (< 6) purged; no embargo.
    assertThat(f.get(0).train()).isEqualTo(Rows.range(6, 10));
  }

  @Test
  void test_blocks_are_numpy_array_split_blocks_and_partition_the_rows() {
    // array_split(arange(11), 4) -> sizes 3, 3, 3, 2
    List<Fold> f = folds(Timeline.ofRows(11, 0), 4, 0.0);
    assertThat(f).extracting(Fold::test).containsExactly(Rows.range(0, 3), Rows.range(3, 6), Rows.range(6, 9), Rows.range(9, 11));
    // with no label horizon and no embargo nothing is purged: train is everything else
    assertThat(f.get(2).train()).isEqualTo(Rows.ofRanges(0, 6, 9, 11));
    assertThat(f).extracting(Fold::name).containsExactly("purged-kfold-0", "purged-kfold-1", "purged-kfold-2", "purged-kfold-3");
  }

  @Test
  void the_embargo_is_floor_of_pct_times_n_in_double_arithmetic_as_python_int() {
    assertThat(Purge.embargoRows(0.01, 1000)).isEqualTo(10);
    assertThat(Purge.embargoRows(0.29, 100)).isEqualTo(28); // 0.29 * 100 = 28.999999999999996 in binary
    assertThat(Purge.embargoRows(0.05, 19)).isZero();
  }

  @Test
  void bad_settings_are_all_reported_at_once() {
    assertThatThrownBy(() -> new PurgedKFold(1, 1.5))
        .isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).hasSize(2))
        .hasMessageContaining("at least 2 folds")
        .hasMessageContaining("[0, 1)");
  }

  @Test
  void more_folds_than_rows_or_nothing_left_to_train_on_is_bad_input() {
    assertThatThrownBy(() -> folds(Timeline.ofRows(3, 1), 5, 0.0)).isInstanceOf(BadInputException.class).hasMessageContaining("at least 5 rows, there are 3");
    // horizon 10 over 12 rows: every row left of the last block reaches into it
    assertThatThrownBy(() -> folds(Timeline.ofRows(12, 10), 2, 0.0)).isInstanceOf(BadInputException.class).hasMessageContaining("no training rows left");
  }
}
