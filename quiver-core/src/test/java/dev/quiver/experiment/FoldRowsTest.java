package dev.quiver.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Rows;
import dev.quiver.testing.PlantedFutures;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldRowsTest {

  private static final Dataset DATA = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);

  @Test
  void purged_kfold_training_rows_with_holes_are_gathered_row_by_row() {
    List<Fold> folds = new PurgedKFold(5, 0.01).folds(DATA);
    Fold middle = folds.get(2);
    assertThat(middle.train().rangeCount()).isEqualTo(2);
    TrainSet t = FoldRows.trainSet(DATA, middle.train());
    int[] rows = middle.train().toArray();
    assertThat(t.rows()).isEqualTo(rows.length);
    int cols = DATA.x().cols();
    for (int k = 0; k < rows.length; k += 997) {
      for (int c = 0; c < cols; c++) assertThat(t.x().get(k, c)).isEqualTo(DATA.x().get(rows[k], c));
      assertThat(t.y()[k]).isEqualTo(DATA.y()[rows[k]]);
    }
    int last = rows.length - 1;
    assertThat(t.x().get(last, cols - 1)).isEqualTo(DATA.x().get(rows[last], cols - 1));
    assertThat(t.x().contiguous()).hasSize(rows.length * cols);
  }

  @Test
  void one_range_is_a_view_without_a_copy() {
    TrainSet t = FoldRows.trainSet(DATA, Rows.range(100, 200));
    assertThat(t.x().data()).isSameAs(DATA.x().data());
    assertThat(t.x().offset()).isEqualTo(DATA.x().offset() + 100);
    assertThat(t.y()).containsExactly(java.util.Arrays.copyOfRange(DATA.y(), 100, 200));
  }

  @Test
  void per_row_arrays_follow_the_selection() {
    Rows r = Rows.ofRanges(2, 4, 7, 9);
    assertThat(FoldRows.gather(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, r)).containsExactly(2, 3, 7, 8);
    assertThat(FoldRows.gather(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, r)).containsExactly(2, 3, 7, 8);
    assertThat(FoldRows.gather(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, r)).containsExactly(2, 3, 7, 8);
  }

  @Test
  void rows_past_the_end_are_refused() {
    assertThatThrownBy(() -> FoldRows.gather(new double[5], Rows.range(3, 6))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 rows");
  }
}
