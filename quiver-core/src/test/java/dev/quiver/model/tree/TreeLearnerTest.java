package dev.quiver.model.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeLearnerTest {

  @Test
  void a_depth_one_tree_finds_a_step_and_sends_missing_values_the_way_training_did() {
    int n = 200;
    float[] x = new float[n * 2];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * 2] = i % 10 == 0 ? Float.NaN : i;
      x[i * 2 + 1] = (i * 37) % 200;
      t[i] = Float.isNaN(x[i * 2]) || i < 120 ? -1.0 : 3.0;
    }
    Matrix m = new Matrix(x, n, 2, List.of("step", "noise"));
    HistogramBins bins = HistogramBins.of(m, 255);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) rows[i] = i;
    RegressionTree tree = new TreeLearner(bins, 1, 5, 0.0).fit(t, rows, n);
    assertThat(tree.feature()[0]).isZero();
    for (int i = 0; i < n; i++) assertThat(tree.predict(m, i)).isEqualTo(t[i]);
    double[] gains = new double[2];
    tree.addGains(gains);
    assertThat(gains[0]).isPositive();
    assertThat(gains[1]).isZero();
  }

  @Test
  void leaves_keep_at_least_min_leaf_rows_and_shrink_by_lambda() {
    float[] x = {1, 2, 3, 4};
    double[] t = {0, 0, 0, 8};
    Matrix m = new Matrix(x, 4, 1, List.of("a"));
    int[] rows = {0, 1, 2, 3};
    RegressionTree tree = new TreeLearner(HistogramBins.of(m, 8), 3, 2, 1.0).fit(t, rows, 4);
    assertThat(tree.predict(m, 3)).isEqualTo(8.0 / 3.0); // {3, 4} with lambda 1: 8 / (2 + 1)
    assertThat(tree.predict(m, 0)).isEqualTo(0.0);
  }
}
