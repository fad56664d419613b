package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InformationCoefficientTest {

  @Test
  void ranks_average_ties_as_scipy_rankdata_does() {
    // values 3, 1, 4, 1, 5: sorted 1, 1, 3, 4, 5 -> the two 1s share ranks 1 and 2 -> 1.5 each
    assertThat(InformationCoefficient.averageRanks(new double[] {3, 1, 4, 1, 5})).containsExactly(3, 1.5, 4, 1.5, 5);
    // -0.0 and 0.0 are one value
    assertThat(InformationCoefficient.averageRanks(new double[] {0.0, -0.0, -1})).containsExactly(2.5, 2.5, 1);
  }

  @Test
  void hand_worked_correlations() {
    // x 1, 2, 3, 4; y 1, 3, 2, 4: deviations x -1.5, -0.5, 0.5, 1.5; y -1.5, 0.5, -0.5, 1.5
    // sum dx dy = 2.25 - 0.25 - 0.25 + 2.25 = 4; sum dx^2 = sum dy^2 = 5 -> r = 0.8 (the ranks are the values: rank IC 0.8 too)
    double[] x = {1, 2, 3, 4};
    double[] y = {1, 3, 2, 4};
    assertThat(InformationCoefficient.pearson(x, y)).isCloseTo(0.8, within(1e-15));
    assertThat(InformationCoefficient.spearman(x, y)).isCloseTo(0.8, within(1e-15));
    // a monotone but non-linear relation has rank IC 1 and IC below 1
    double[] cube = {1, 8, 27, 64};
    assertThat(InformationCoefficient.spearman(x, cube)).isCloseTo(1.0, within(1e-15));
    assertThat(InformationCoefficient.pearson(x, cube)).isLessThan(1.0);
  }

  @Test
  void predictions_with_many_ties_match_scipy_and_pandas() {
    // python: i = np.arange(1000); x = np.round(np.sin(i*0.37)*3)/3; y = 0.01*np.sin(i*0.7) + 0.002*np.cos(i*1.3) + 0.0003
    //   np.corrcoef(x, y)[0, 1] = pd.Series(x).corr(pd.Series(y)) = 0.0014536226634267663
    //   scipy.stats.spearmanr(x, y)[0] = pd.Series(x).corr(pd.Series(y), method='spearman') = 0.0019055748005652833
    //   scipy.stats.rankdata(x)[:8] = 500, 608.5, 739.5, 907.5, 907.5, 907.5, 739.5, 739.5
    double[] x = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < 1000; i++) {
      x[i] = Math.rint(Math.sin(i * 0.37) * 3) / 3;
      y[i] = 0.01 * Math.sin(i * 0.7) + 0.002 * Math.cos(i * 1.3) + 0.0003;
    }
    assertThat(InformationCoefficient.pearson(x, y)).isCloseTo(0.0014536226634267663, within(1e-12));
    assertThat(InformationCoefficient.spearman(x, y)).isCloseTo(0.0019055748005652833, within(1e-12));
    assertThat(java.util.Arrays.copyOf(InformationCoefficient.averageRanks(x), 8)).containsExactly(500, 608.5, 739.5, 907.5, 907.5, 907.5, 739.5, 739.5);
  }

  @Test
  void constant_or_short_inputs_are_undefined_and_bad_values_refused() {
    assertThat(InformationCoefficient.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    assertThat(InformationCoefficient.spearman(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNaN();
    assertThat(InformationCoefficient.pearson(new double[] {1}, new double[] {2})).isNaN();
    assertThatThrownBy(() -> InformationCoefficient.pearson(new double[] {1, Double.NaN}, new double[] {1, 2})).hasMessageContaining("row 1");
    assertThatThrownBy(() -> InformationCoefficient.spearman(new double[] {1}, new double[] {1, 2})).hasMessageContaining("1 predictions for 2");
  }

  @Property(tries = 60)
  void radix_ranks_equal_the_counting_definition(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll @IntRange(min = 1, max = 40) int levels,
      @ForAll long seed) {
    // rank of v[i] = (number of values below it) + (number equal to it + 1) / 2, over signed values, huge and tiny ones included
    Random rnd = new Random(seed);
    double[] scale = {1e-300, 1e-3, 1, 1e6, 1e300};
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = (rnd.nextInt(levels) - levels / 2) * scale[rnd.nextInt(scale.length)];
    double[] ranks = InformationCoefficient.averageRanks(v);
    for (int i = 0; i < n; i++) {
      int below = 0;
      int equal = 0;
      for (double w : v) {
        if (w < v[i]) below++;
        else if (w == v[i]) equal++;
      }
      assertThat(ranks[i]).isEqualTo(below + (equal + 1) / 2.0);
    }
  }
}
