package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamImportanceTest {

  private static final SearchSpace SPACE = new SearchSpace(List.of(Dimension.real("x", -5, 5, false), Dimension.real("rate", 1e-4, 1.0, true),
      Dimension.integer("leaves", 2, 256, true), Dimension.categorical("kind", List.of("a", "b", "c")),
      Dimension.real("extra", 0, 1, false).when("kind", Set.of("b"))));

  private static List<Trial> study(Study.Objective f, int trials, long seed) {
    Study s = new Study(SPACE, new RandomSampler(), seed, Study.Direction.MINIMIZE);
    return s.optimize(f, trials, null);
  }

  @Test
  void the_only_parameter_the_objective_reads_gets_the_largest_share_by_far() {
    for (String only : List.of("x", "rate", "kind")) {
      List<Trial> trials = study(p -> switch (only) {
        case "x" -> Math.pow((Double) p.get("x") - 1.5, 2);
        case "rate" -> Math.abs(Math.log10((Double) p.get("rate")) + 2);
        default -> "b".equals(p.get("kind")) ? 0 : 1;
      }, 60, 7);
      Map<String, Double> shares = ParamImportance.of(SPACE, trials, 1);
      assertThat(shares.keySet()).as("only dimensions active in every trial").containsExactlyInAnyOrder("x", "rate", "leaves", "kind");
      assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
      assertThat(shares.get(only)).as(only + " in " + shares).isGreaterThan(0.8);
      for (Map.Entry<String, Double> e : shares.entrySet()) {
        if (!e.getKey().equals(only)) assertThat(e.getValue()).as(e.getKey() + " in " + shares).isLessThan(shares.get(only) / 10);
      }
    }
  }

  @Test
  void a_parameter_with_a_larger_additive_effect_gets_the_larger_share() {
    Map<String, Double> shares = ParamImportance.of(SPACE, study(p -> {
      double x = (Double) p.get("x");
      double lr = Math.log10((Double) p.get("rate"));
      return x * x + 3 * (lr + 2) * (lr + 2); // main-effect variances about 56 and 13
    }, 80, 3), 1);
    assertThat(shares.get("x")).as(shares.toString()).isGreaterThan(shares.get("rate")).isGreaterThan(0.5);
    assertThat(shares.get("rate")).as(shares.toString()).isGreaterThan(2 * shares.get("leaves")).isGreaterThan(2 * shares.get("kind"));
  }

  @Test
  void importance_is_deterministic_and_empty_without_variation_or_trials() {
    List<Trial> trials = study(p -> (Double) p.get("x"), 30, 5);
    assertThat(ParamImportance.of(SPACE, trials, 9)).isEqualTo(ParamImportance.of(SPACE, trials, 9));
    assertThat(ParamImportance.of(SPACE, study(p -> 1.0, 20, 5), 9)).isEmpty();
    assertThat(ParamImportance.of(SPACE, trials.subList(0, 1), 9)).isEmpty();
  }
}
