package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * TPE against random search on standard test functions, over many seeds: a one-sided sign test
 * on the paired best values after a fixed budget (TPE and random share the seed). With 30 seeds,
 * TPE must win at least 21 (p = 0.021 under "equally good"), and its median best must be lower.
 */
class TpeVersusRandomTest {

  private static final int SEEDS = 30;
  private static final int TRIALS = 60;

  private static double best(Sampler sampler, SearchSpace space, Study.Objective f, long seed) {
    Study s = new Study(space, sampler, seed, Study.Direction.MINIMIZE);
    s.optimize(f, TRIALS, null);
    return s.best().value();
  }

  private static void tpeBeatsRandom(SearchSpace space, Study.Objective f) {
    int wins = 0;
    double[] tpe = new double[SEEDS];
    double[] rnd = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      tpe[seed] = best(new TpeSampler(), space, f, seed);
      rnd[seed] = best(new RandomSampler(), space, f, seed);
      if (tpe[seed] < rnd[seed]) wins++;
    }
    double p = 1 - new BinomialDistribution(SEEDS, 0.5).cumulativeProbability(wins - 1);
    java.util.Arrays.sort(tpe);
    java.util.Arrays.sort(rnd);
    assertThat(wins).as("TPE wins out of " + SEEDS + " (sign-test p = " + p + ")").isGreaterThanOrEqualTo(21);
    assertThat(tpe[SEEDS / 2]).as("median best, TPE vs random " + rnd[SEEDS / 2]).isLessThan(rnd[SEEDS / 2]);
  }

  @Test
  void tpe_finds_a_lower_shifted_quadratic_than_random_search() {
    SearchSpace space = new SearchSpace(List.of(Dimension.real("x", -10, 10, false), Dimension.real("y", -10, 10, false),
        Dimension.real("z", -10, 10, false)));
    tpeBeatsRandom(space, p -> {
      double x = (Double) p.get("x") - 3.7;
      double y = (Double) p.get("y") + 1.2;
      double z = (Double) p.get("z") - 6.1;
      return x * x + y * y + z * z;
    });
  }

  @Test
  void tpe_finds_a_lower_branin_value_than_random_search() {
    SearchSpace space = new SearchSpace(List.of(Dimension.real("x1", -5, 10, false), Dimension.real("x2", 0, 15, false)));
    tpeBeatsRandom(space, p -> branin((Double) p.get("x1"), (Double) p.get("x2")));
  }

  @Test
  void tpe_handles_ints_log_scales_categories_and_conditions() {
    SearchSpace space = SearchSpace.parse(Map.of(
        "kind", Map.of("type", "categorical", "choices", List.of("a", "b", "c")),
        "n", Map.of("type", "int", "low", 1, "high", 1000, "log", true),
        "rate", Map.of("type", "log-float", "low", 1e-4, "high", 1.0),
        "extra", Map.of("type", "float", "low", 0, "high", 1, "when", Map.of("kind", "b"))), "test.yaml");
    assertThat(space.dimensions().indexOf(space.get("extra"))).isGreaterThan(space.dimensions().indexOf(space.get("kind")));
    Study s = new Study(space, new TpeSampler(), 5, Study.Direction.MINIMIZE);
    s.optimize(p -> {
      double v = Math.abs(Math.log((Integer) p.get("n")) - Math.log(50)) + Math.abs(Math.log10((Double) p.get("rate")) + 2);
      if ("b".equals(p.get("kind"))) v += Math.abs((Double) p.get("extra") - 0.3);
      else v += 2.0;
      return v;
    }, 80, null);
    for (Trial t : s.trials()) {
      assertThat((Integer) t.params().get("n")).isBetween(1, 1000);
      assertThat((Double) t.params().get("rate")).isBetween(1e-4, 1.0);
      assertThat(t.params().containsKey("extra")).isEqualTo("b".equals(t.params().get("kind")));
    }
    assertThat(s.best().params().get("kind")).isEqualTo("b");
    assertThat(s.best().value()).isLessThan(0.8);
  }

  @Test
  void a_study_is_reproducible_for_a_fixed_seed() {
    SearchSpace space = new SearchSpace(List.of(Dimension.real("x1", -5, 10, false), Dimension.real("x2", 0, 15, false)));
    Study.Objective f = p -> branin((Double) p.get("x1"), (Double) p.get("x2"));
    Study a = new Study(space, new TpeSampler(), 11, Study.Direction.MINIMIZE);
    Study b = new Study(space, new TpeSampler(), 11, Study.Direction.MINIMIZE);
    Study c = new Study(space, new TpeSampler(), 12, Study.Direction.MINIMIZE);
    assertThat(a.optimize(f, 30, null)).isEqualTo(b.optimize(f, 30, null));
    assertThat(c.optimize(f, 30, null)).isNotEqualTo(a.trials());
  }

  @Test
  void maximising_keeps_the_highest_value_and_failures_are_counted() {
    SearchSpace space = new SearchSpace(List.of(Dimension.real("x", 0, 1, false)));
    Study s = new Study(space, new TpeSampler(), 3, Study.Direction.MAXIMIZE);
    s.optimize(p -> {
      double x = (Double) p.get("x");
      if (x > 0.9) throw new ArithmeticException("diverged");
      return x;
    }, 40, null);
    assertThat(s.trials()).hasSize(40);
    double max = s.trials().stream().filter(Trial::complete).mapToDouble(Trial::value).max().orElseThrow();
    assertThat(s.best().value()).isEqualTo(max);
    assertThat(s.trials().stream().anyMatch(t -> !t.complete()) || max <= 0.9).isTrue();
  }

  static double branin(double x1, double x2) {
    double a = 1;
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double r = 6;
    double s = 10;
    double t = 1 / (8 * Math.PI);
    double u = x2 - b * x1 * x1 + c * x1 - r;
    return a * u * u + s * (1 - t) * Math.cos(x1) + s;
  }
}
