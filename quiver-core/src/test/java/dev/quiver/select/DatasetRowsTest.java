package dev.quiver.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.split.Rows;
import org.junit.jupiter.api.Test;

class DatasetRowsTest {

  @Test
  void kept_rows_keep_their_values_and_label_ends_point_at_the_last_kept_row_the_label_reaches() {
    Dataset data = FeatureSelectionTest.planted(21);
    Dataset part = DatasetRows.of(data, Rows.ofRanges(100, 200, 300, 400));
    assertThat(part.rows()).isEqualTo(200);
    assertThat(part.featureNames()).isEqualTo(data.featureNames());
    for (int r = 0; r < 200; r++) {
      int i = r < 100 ? 100 + r : 200 + r;
      assertThat(part.y()[r]).isEqualTo(data.y()[i]);
      assertThat(part.time()[r]).isEqualTo(data.time()[i]);
      assertThat(part.forwardReturn()[r]).isEqualTo(data.forwardReturn()[i]);
      for (int j = 0; j < data.x().cols(); j++) assertThat(part.x().get(r, j)).isEqualTo(data.x().get(i, j));
    }
    // Row 199 reads row 200, which is not kept: its label ends at itself; row 399 reads past the last kept row.
    assertThat(part.labelEnd()[98]).isEqualTo(99);
    assertThat(part.labelEnd()[99]).isEqualTo(99);
    assertThat(part.labelEnd()[100]).isEqualTo(101);
    assertThat(part.labelEnd()[199]).isEqualTo(199);
  }

  @Test
  void every_step_names_its_features_and_the_spread_of_its_fold_scores() {
    SelectionSettings s = new SelectionSettings("rfecv", 10, 3, 2, 3, "walk-forward", 0.0, "auc");
    SelectionResult r = FeatureSelectionTest.selection("logistic", s).select(FeatureSelectionTest.planted(22));
    assertThat(r.steps().get(0).features()).hasSize(8).contains("signal");
    for (int k = 0; k + 1 < r.steps().size(); k++) {
      SelectionStep now = r.steps().get(k);
      java.util.List<String> next = new java.util.ArrayList<>(now.features());
      next.removeAll(now.removed());
      assertThat(r.steps().get(k + 1).features()).isEqualTo(next);
      assertThat(now.scoreStd()).isPositive().isLessThan(0.2);
    }
  }
}
