package dev.quiver.model.catboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderedTargetStatisticsTest {

  @Test
  void each_row_sees_only_earlier_rows_of_its_category_in_the_permutation() {
    int[] codes = {7, 7, 3, 7, 3};
    float[] y = {1, 0, 1, 1, 0};
    int[] order = {4, 0, 2, 3, 1};
    double prior = 0.5;
    double[] ts = OrderedTargetStatistics.ordered(codes, y, order, prior, 1.0);
    assertThat(ts[4]).isEqualTo(0.5);               // first of code 3
    assertThat(ts[0]).isEqualTo(0.5);               // first of code 7
    assertThat(ts[2]).isEqualTo((0 + 0.5) / 2);     // after row 4 (y 0)
    assertThat(ts[3]).isEqualTo((1 + 0.5) / 2);     // after row 0 (y 1)
    assertThat(ts[1]).isEqualTo((2 + 0.5) / 3);     // after rows 0 and 3
  }

  @Test
  void a_rows_own_target_never_enters_its_own_statistic() {
    Random rnd = new Random(1);
    int n = 500;
    int[] codes = new int[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      codes[i] = rnd.nextInt(12);
      y[i] = rnd.nextInt(2);
    }
    int[] order = CatBoostTrainer.permutation(n, new SplittableRandom(2));
    double[] before = OrderedTargetStatistics.ordered(codes, y, order, 0.4, 1.0);
    for (int i = 0; i < n; i += 37) {
      float[] flipped = y.clone();
      flipped[i] = 1 - flipped[i];
      assertThat(OrderedTargetStatistics.ordered(codes, flipped, order, 0.4, 1.0)[i]).isEqualTo(before[i]);
    }
  }

  @Test
  void new_rows_get_the_smoothed_mean_of_all_training_rows_of_their_category_and_unseen_ones_the_prior() {
    int[] codes = {5, 5, 5, -2, Integer.MIN_VALUE};
    float[] y = {1, 1, 0, 3, 2};
    CategoryStatistics s = OrderedTargetStatistics.fit(codes, y, 0.25, 2.0);
    assertThat(s.codes()).containsExactly(Integer.MIN_VALUE, -2, 5);
    assertThat((double) s.value(5)).isCloseTo((2 + 2 * 0.25) / (3 + 2), within(1e-7));
    assertThat((double) s.value(-2)).isCloseTo((3 + 0.5) / 3, within(1e-7));
    assertThat(s.value(Integer.MIN_VALUE)).isEqualTo((float) ((2 + 0.5) / 3));
    assertThat(s.value(42)).isEqualTo(0.25f);
  }
}
