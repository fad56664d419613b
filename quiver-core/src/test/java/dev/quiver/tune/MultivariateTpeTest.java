package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Multivariate TPE on functions whose variables interact, over many paired seeds: a one-sided sign
 * test on the best value after 40 trials (both samplers share the seed). With 40 seeds the
 * multivariate sampler must win at least 27 (p = 0.019 under "equally good") and have the lower
 * median best.
 */
class MultivariateTpeTest {

  private static final int SEEDS = 40;
  private static final int TRIALS = 40;
  private static final int WINS = 27;

  private static final SearchSpace PLANE = new SearchSpace(List.of(Dimension.real("x", -10, 10, false), Dimension.real("y", -10, 10, false)));

  private static double best(Sampler sampler, SearchSpace space, Study.Objective f, long seed) {
    Study s = new Study(space, sampler, seed, Study.Direction.MINIMIZE);
    s.optimize(f, TRIALS, null);
    return s.best().value();
  }

  private static void beats(Sampler multivariate, Sampler other, SearchSpace space, Study.Objective f) {
    int wins = 0;
    double[] a = new double[SEEDS];
    double[] b = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      a[seed] = best(multivariate, space, f, seed);
      b[seed] = best(other, space, f, seed);
      if (a[seed] < b[seed]) wins++;
    }
    double p = 1 - new BinomialDistribution(SEEDS, 0.5).cumulativeProbability(wins - 1);
    Arrays.sort(a);
    Arrays.sort(b);
    assertThat(wins).as("multivariate wins out of " + SEEDS + " (sign-test p = " + p + ")").isGreaterThanOrEqualTo(WINS);
    assertThat(a[SEEDS / 2]).as("median best against " + b[SEEDS / 2]).isLessThan(b[SEEDS / 2]);
  }

  @Test
  void multivariate_tpe_finds_a_lower_branin_value_than_independent_tpe() {
    beats(new MultivariateTpeSampler(), new TpeSampler(), PLANE, p -> TpeVersusRandomTest.branin((Double) p.get("x"), (Double) p.get("y")));
  }

  @Test
  void multivariate_tpe_finds_a_lower_rotated_narrow_quadratic_than_random_search() {
    beats(new MultivariateTpeSampler(), new RandomSampler(), PLANE, p -> {
      double x = (Double) p.get("x");
      double y = (Double) p.get("y");
      double along = (x + y) / Math.sqrt(2) - 2;
      double across = (x - y) / Math.sqrt(2) - 1;
      return along * along + 100 * across * across;
    });
  }

  @Test
  void conditional_dimensions_are_sampled_only_when_active_and_the_best_branch_is_found() {
    SearchSpace space = new SearchSpace(List.of(Dimension.categorical("kind", List.of("a", "b", "c")), Dimension.integer("n", 1, 1000, true),
        Dimension.real("rate", 1e-4, 1.0, true), Dimension.real("extra", 0, 1, false).when("kind", Set.of("b")),
        Dimension.categorical("mode", List.of("p", "q")).when("kind", Set.of("b")), Dimension.integer("depth", 0, 9, false).when("mode", Set.of("q"))));
    Study s = new Study(space, new MultivariateTpeSampler(), 5, Study.Direction.MINIMIZE);
    s.optimize(p -> {
      double v = Math.abs(Math.log((Integer) p.get("n")) - Math.log(50)) + Math.abs(Math.log10((Double) p.get("rate")) + 2);
      if (!"b".equals(p.get("kind"))) return v + 2.0;
      return v + Math.abs((Double) p.get("extra") - 0.3) + ("q".equals(p.get("mode")) ? Math.abs((Integer) p.get("depth") - 4) / 10.0 : 0.5);
    }, 80, null);
    for (Trial t : s.trials()) {
      assertThat((Integer) t.params().get("n")).isBetween(1, 1000);
      assertThat((Double) t.params().get("rate")).isBetween(1e-4, 1.0);
      boolean b = "b".equals(t.params().get("kind"));
      assertThat(t.params().containsKey("extra")).isEqualTo(b);
      assertThat(t.params().containsKey("mode")).isEqualTo(b);
      assertThat(t.params().containsKey("depth")).isEqualTo("q".equals(t.params().get("mode")));
      if (b) assertThat((Double) t.params().get("extra")).isBetween(0.0, 1.0);
    }
    assertThat(s.best().params().get("kind")).isEqualTo("b");
    assertThat(s.best().value()).isLessThan(1.0);
  }

  @Test
  void a_multivariate_study_is_reproducible_for_a_fixed_seed() {
    Study.Objective f = p -> TpeVersusRandomTest.branin((Double) p.get("x"), (Double) p.get("y"));
    Study a = new Study(PLANE, new MultivariateTpeSampler(), 11, Study.Direction.MINIMIZE);
    Study b = new Study(PLANE, new MultivariateTpeSampler(), 11, Study.Direction.MINIMIZE);
    Study c = new Study(PLANE, new MultivariateTpeSampler(), 12, Study.Direction.MINIMIZE);
    assertThat(a.optimize(f, 30, null)).isEqualTo(b.optimize(f, 30, null));
    assertThat(c.optimize(f, 30, null)).isNotEqualTo(a.trials());
  }
}
