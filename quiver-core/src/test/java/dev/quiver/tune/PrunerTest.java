package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrunerTest {

  private static final List<double[]> FIVE = List.of(
      new double[] {5, 4, 3, 2}, new double[] {6, 5, 4, 3}, new double[] {7, 6, 5, 4}, new double[] {8, 7, 6, 5}, new double[] {9, 8, 7, 6});

  @Test
  void median_prunes_a_trial_worse_than_the_median_of_the_others_at_the_same_step() {
    MedianPruner p = new MedianPruner(5, 0.25);
    assertThat(p.prune(1, 100, FIVE)).isFalse();   // step 1 is the warm-up (a quarter of 4 steps)
    assertThat(p.prune(2, 6.5, FIVE)).isTrue();    // the others' best values at step 2 are 4..8, median 6
    assertThat(p.prune(3, 5.5, FIVE)).isTrue();    // median 5
    assertThat(p.prune(3, 4.5, FIVE)).isFalse();
  }

  @Test
  void median_waits_for_enough_trials_and_for_the_warm_up() {
    assertThat(new MedianPruner(6, 0.0).prune(3, 100, FIVE)).isFalse();
    assertThat(new MedianPruner(5, 0.5).prune(2, 100, FIVE)).isFalse();
    assertThat(new MedianPruner(5, 0.5).prune(3, 100, FIVE)).isTrue();
  }

  @Test
  void halving_keeps_the_best_third_at_rungs_and_never_prunes_between_them() {
    SuccessiveHalvingPruner p = new SuccessiveHalvingPruner(1, 3, 3);
    assertThat(p.prune(1, 6.5, FIVE)).isTrue();    // rung 1 holds 5, 6, 6.5, 7, 8, 9: the best third is 5 and 6
    assertThat(p.prune(1, 5.5, FIVE)).isFalse();   // 5 and 5.5 are the best third
    assertThat(p.prune(2, 100, FIVE)).isFalse();   // step 2 is not a rung
    assertThat(p.prune(3, 3.5, FIVE)).isFalse();   // rung 3: values 3,4,5,6,7 and 3.5 -> keep 2: 3, 3.5
    assertThat(p.prune(3, 4.5, FIVE)).isTrue();
  }

  @Test
  void none_never_prunes() {
    assertThat(Pruner.NONE.prune(3, 1e9, FIVE)).isFalse();
  }
}
