package dev.quiver.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureSelectionTest {

  static final int NOISE = 7;

  /**
   * 3,000 rows, one bar apart; column "signal" (index 3) drives the next-bar return
   * {@code r = 0.002 signal + 0.002 e}, the label is {@code r > 0}; the seven "noise_j" columns are
   * independent N(0, 1) and carry nothing.
   */
  static Dataset planted(long seed) {
    int rows = 3_000;
    int cols = NOISE + 1;
    Random rnd = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int j = 0; j < cols; j++) names.add(j == 3 ? "signal" : "noise_" + j);
    float[] x = new float[rows * cols];
    float[] y = new float[rows];
    long[] time = new long[rows];
    int[] end = new int[rows];
    double[] fr = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) x[i * cols + j] = (float) rnd.nextGaussian();
      fr[i] = 0.002 * x[i * cols + 3] + 0.002 * rnd.nextGaussian();
      y[i] = fr[i] > 0 ? 1f : 0f;
      time[i] = 1_700_000_000_000L + 60_000L * i;
      end[i] = Math.min(rows - 1, i + 1);
    }
    return new Dataset(new Matrix(x, rows, cols, names), y, Task.BINARY, time, new int[rows], List.of("SYN"), end, fr, "planted");
  }

  static FeatureSelection selection(String family, SelectionSettings s) {
    ModelFamily f = ModelFamilies.discover().get(family);
    Params p = f.params("balanced", Map.of());
    return new FeatureSelection(f, "balanced", p, s, 1, 7);
  }

  @Test
  void rfecv_keeps_the_informative_feature_and_drops_most_noise() {
    SelectionSettings s = new SelectionSettings("rfecv", 10, 1, 1, 4, "walk-forward", 0.0, "auc");
    SelectionResult r = selection("logistic", s).select(planted(11));
    assertThat(r.selected()).contains("signal");
    assertThat(r.selected().size()).isLessThanOrEqualTo(3);
    assertThat(r.steps()).extracting(SelectionStep::nFeatures).containsExactly(8, 7, 6, 5, 4, 3, 2, 1);
    // The informative feature is never the one removed, and the last step keeps it alone.
    for (SelectionStep step : r.steps()) assertThat(step.removed()).doesNotContain("signal");
    assertThat(r.steps().get(7).score()).isGreaterThan(0.75);
    assertThat(r.importance()).isEqualTo("abs_coefficient");
  }

  @Test
  void the_chosen_count_has_the_best_score_with_ties_going_to_fewer_features() {
    SelectionSettings s = new SelectionSettings("rfecv", 10, 3, 2, 3, "purged-kfold", 0.01, "ic");
    SelectionResult r = selection("logistic", s).select(planted(12));
    assertThat(r.steps()).extracting(SelectionStep::nFeatures).containsExactly(8, 5, 2);
    assertThat(r.steps().get(0).removed()).hasSize(3);
    assertThat(r.steps().get(2).removed()).isEmpty();
    double best = r.steps().stream().mapToDouble(SelectionStep::score).max().orElseThrow();
    SelectionStep chosen = r.steps().stream().filter(st -> st.nFeatures() == r.selected().size()).findFirst().orElseThrow();
    assertThat(chosen.score()).isEqualTo(best);
    for (SelectionStep st : r.steps()) if (st.score() == best) assertThat(st.nFeatures()).isGreaterThanOrEqualTo(chosen.nFeatures());
  }

  @Test
  void topk_keeps_the_k_most_important_features_in_column_order() {
    SelectionSettings s = new SelectionSettings("topk", 1, 1, 1, 3, "walk-forward", 0.0, "auc");
    SelectionResult r = selection("logistic", s).select(planted(13));
    assertThat(r.selected()).containsExactly("signal");
    assertThat(r.steps()).hasSize(2);
    assertThat(r.steps().get(0).nFeatures()).isEqualTo(8);
    assertThat(r.steps().get(0).removed()).hasSize(7).doesNotContain("signal");
    assertThat(r.steps().get(1).score()).isGreaterThan(0.75);
  }

  @Test
  void families_without_their_own_importance_are_ranked_by_permutation() {
    SelectionSettings s = new SelectionSettings("topk", 2, 1, 1, 2, "walk-forward", 0.0, "auc");
    SelectionResult r = selection("gmm_regime", s).select(planted(14));
    assertThat(r.importance()).isEqualTo("permutation_auc");
    assertThat(r.selected()).hasSize(2);
  }

  @Test
  void settings_that_do_not_fit_the_data_fail_naming_the_fix() {
    assertThatThrownBy(() -> selection("logistic", new SelectionSettings("topk", 20, 1, 1, 3, "walk-forward", 0.0, "auc")).select(planted(1)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("k 20 is more than the 8 features");
    assertThatThrownBy(() -> selection("logistic", new SelectionSettings("rfecv", 5, 1, 1, 3, "walk-forward", 0.0, "r2")).select(planted(1)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("r2 needs a regression label");
    assertThatThrownBy(() -> new SelectionSettings("rfe", 0, 1, 1, 1, "kfold", 0.0, "sharpe"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("method must be one of").hasMessageContaining("k must be at least 1")
        .hasMessageContaining("folds must be at least 2").hasMessageContaining("cv must be one of").hasMessageContaining("metric must be one of");
  }
}
