package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowsTest {

  @Test
  void rows_are_stored_as_merged_ranges_and_listed_in_order() {
    Rows r = Rows.of(0, 1, 2, 5, 6, 9);
    assertThat(r.rangeCount()).isEqualTo(3);
    assertThat(r.bounds()).containsExactly(0, 3, 5, 7, 9, 10);
    assertThat(r.size()).isEqualTo(6);
    assertThat(r.toArray()).containsExactly(0, 1, 2, 5, 6, 9);
    assertThat(r.spanFrom()).isZero();
    assertThat(r.spanTo()).isEqualTo(10);
    assertThat(r.isRange()).isFalse();
    assertThat(r).hasToString("[0, 3) [5, 7) [9, 10)");
  }

  @Test
  void touching_ranges_merge_and_equal_sets_are_equal_however_built() {
    assertThat(Rows.ofRanges(0, 3, 3, 5, 7, 7, 8, 9)).isEqualTo(Rows.of(0, 1, 2, 3, 4, 8)).isEqualTo(Rows.ofRanges(0, 5, 8, 9));
    assertThat(Rows.ofRanges(0, 5).isRange()).isTrue();
    assertThat(Rows.of(0, 1, 2, 3, 4)).isEqualTo(Rows.range(0, 5));
    assertThat(Rows.of(0, 1, 2, 3, 4).hashCode()).isEqualTo(Rows.range(0, 5).hashCode());
  }

  @Test
  void contains_and_disjoint_follow_the_ranges() {
    Rows r = Rows.ofRanges(2, 4, 10, 12);
    assertThat(r.contains(1)).isFalse();
    assertThat(r.contains(2)).isTrue();
    assertThat(r.contains(3)).isTrue();
    assertThat(r.contains(4)).isFalse();
    assertThat(r.contains(11)).isTrue();
    assertThat(r.contains(12)).isFalse();
    assertThat(r.disjoint(Rows.ofRanges(4, 10, 12, 20))).isTrue();
    assertThat(r.disjoint(Rows.range(11, 15))).isFalse();
    assertThat(r.disjoint(Rows.range(5, 5))).isTrue();
  }

  @Test
  void an_empty_set_keeps_its_place() {
    Rows e = Rows.range(800, 800);
    assertThat(e.isEmpty()).isTrue();
    assertThat(e.isRange()).isTrue();
    assertThat(e.spanFrom()).isEqualTo(800);
    assertThat(e.spanTo()).isEqualTo(800);
    assertThat(e.toArray()).isEmpty();
    assertThat(e).isNotEqualTo(Rows.range(0, 0));
  }

  @Test
  void unsorted_or_overlapping_input_is_refused() {
    assertThatThrownBy(() -> Rows.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rows.of(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rows.ofRanges(0, 5, 4, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Rows.range(5, 4)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_fold_reads_contiguous_segments_as_ranges_and_refuses_a_span_over_a_hole() {
    Fold holdout = new Fold("holdout", 0, 699, 700, 899, 900, 1000);
    assertThat(holdout.trainFrom()).isZero();
    assertThat(holdout.trainTo()).isEqualTo(699);
    assertThat(holdout.validFrom()).isEqualTo(700);
    assertThat(holdout.testTo()).isEqualTo(1000);
    assertThat(holdout.trainRows()).isEqualTo(699);
    assertThat(holdout.train()).isEqualTo(Rows.range(0, 699));

    Fold kfold = new Fold("purged-kfold-1", Rows.ofRanges(0, 3, 9, 10), Rows.range(4, 4), Rows.range(4, 7));
    assertThat(kfold.trainRows()).isEqualTo(4);
    assertThat(kfold.testFrom()).isEqualTo(4);
    assertThat(kfold.hasValidation()).isFalse();
    assertThatThrownBy(kfold::trainFrom).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 ranges").hasMessageContaining("train()");
  }

  @Test
  void a_fold_refuses_overlapping_segments() {
    assertThatThrownBy(() -> new Fold("x", Rows.range(0, 5), Rows.range(5, 5), Rows.range(4, 8))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fold("x", 0, 5, 4, 6, 6, 8)).isInstanceOf(IllegalArgumentException.class);
  }
}
