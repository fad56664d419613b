package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.testing.TestData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChangePointTest {

  @Test
  void the_run_length_restarts_after_a_shift_in_mean_and_in_variance() {
    BayesianChangePoint cp = new BayesianChangePoint(200, 0, 1, 2, 1, 800);
    Random rnd = new Random(1);
    for (int t = 0; t < 400; t++) cp.update(rnd.nextGaussian());
    assertThat(cp.expectedRunLength()).isGreaterThan(200);
    assertThat(cp.probabilityRunAtMost(5)).isLessThan(0.05);
    double peak = 0;
    for (int t = 0; t < 10; t++) {
      cp.update(4 + rnd.nextGaussian());
      peak = Math.max(peak, cp.probabilityRunAtMost(10));
    }
    assertThat(peak).isGreaterThan(0.9);
    for (int t = 0; t < 20; t++) cp.update(4 + rnd.nextGaussian());
    assertThat(cp.mostLikelyRunLength()).isBetween(20, 40);
    // now the same mean, five times the spread
    for (int t = 0; t < 300; t++) cp.update(4 + rnd.nextGaussian());
    for (int t = 0; t < 30; t++) cp.update(4 + 5 * rnd.nextGaussian());
    assertThat(cp.expectedRunLength()).isLessThan(60);
  }

  @Property(tries = 8)
  void changing_the_future_never_changes_past_change_point_features(@ForAll @IntRange(min = 60, max = 2900) int cut, @ForAll long seed) {
    Bars bars = TestData.futures("IFL8.cfe").slice(0, 3000);
    FeatureSet set = FeatureSet.parse("cp_prob_50,cp_run_100", List.of());
    FeatureFrame before = set.compute(bars);
    FeatureFrame after = set.compute(CausalityPropertiesTest.changedAfter(bars, cut, seed));
    for (int c = 0; c < 2; c++) {
      assertThat(Arrays.copyOf(after.columns().get(c), cut + 1)).isEqualTo(Arrays.copyOf(before.columns().get(c), cut + 1));
    }
  }

  @Test
  void features_on_real_bars_are_probabilities_and_run_lengths_with_a_warm_up() {
    Bars bars = TestData.futures("IFL8.cfe").slice(0, 5000);
    FeatureFrame f = FeatureSet.parse("cp_prob_100,cp_run_100", List.of()).compute(bars);
    double[] p = f.columns().get(0);
    double[] run = f.columns().get(1);
    for (int i = 0; i < ChangePoint.WARMUP; i++) assertThat(p[i]).isNaN();
    int spikes = 0;
    for (int i = ChangePoint.WARMUP; i < p.length; i++) {
      assertThat(p[i]).isBetween(0.0, 1.0);
      assertThat(run[i]).isBetween(0.0, 400.0);
      if (p[i] > 0.5) spikes++;
    }
    // real minute returns do change regime now and then, but not on most bars
    assertThat(spikes).isPositive().isLessThan(p.length / 10);
  }
}
