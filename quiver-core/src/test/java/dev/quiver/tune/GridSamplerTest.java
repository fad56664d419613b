package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

  @Test
  void one_pass_visits_every_combination_once_with_conditions_branching_only_where_active() {
    SearchSpace space = new SearchSpace(List.of(Dimension.categorical("boosting", List.of("gbdt", "rf")), Dimension.integer("depth", 2, 4, false),
        Dimension.real("bagging", 0.5, 0.9, false).when("boosting", Set.of("rf")), Dimension.real("rate", 0.01, 1, true)));
    GridSampler grid = new GridSampler(3);
    // gbdt: 3 depths x 3 rates; rf: 3 depths x 3 baggings x 3 rates
    assertThat(grid.size(space)).isEqualTo(9 + 27);
    Study s = new Study(space, grid, 1, Study.Direction.MINIMIZE);
    s.optimize(p -> ((Integer) p.get("depth")) * (Double) p.get("rate"), (int) grid.size(space), null);
    Set<Map<String, Object>> seen = new HashSet<>();
    for (Trial t : s.trials()) {
      assertThat(seen.add(t.params())).as("combination repeated: " + t.params()).isTrue();
      assertThat(t.params().containsKey("bagging")).isEqualTo("rf".equals(t.params().get("boosting")));
    }
    Set<Double> rates = new HashSet<>();
    for (Trial t : s.trials()) rates.add((Double) t.params().get("rate"));
    assertThat(rates).hasSize(3);
    assertThat(rates).anySatisfy(r -> assertThat(r).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12)));
    assertThat(s.best().params()).containsEntry("depth", 2);
    assertThat((Double) s.best().params().get("rate")).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
  }
}
