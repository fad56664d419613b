package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.testing.FamilyContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomForestFamilyTest extends FamilyContract {

  @Override
  protected ModelFamily family() {
    return new RandomForestFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"num_leaves", "num_leave"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"bagging_fraction", "1.5"};
  }

  @Test
  void trees_are_bagged_and_averaged_by_lightgbm_rf_mode() {
    FittedModel m = fit("balanced", Map.of("num_iterations", "20"), PlantedSignalRows.train(), null, 1);
    LightGbmModel lgb = (LightGbmModel) m;
    assertThat(lgb.modelText()).contains("[boosting: rf]").contains("[bagging_fraction: 0.632]").contains("[max_depth: 10]");
    assertThat(m.provenance().params()).containsEntry("boosting", "rf");
    assertThat(m.learningCurve().orElseThrow().iterations()).isEqualTo(20);
  }

  @Test
  void a_forest_without_any_sampling_is_refused() {
    assertThatThrownBy(() -> family().params("balanced", Map.of("bagging_fraction", "1.0", "feature_fraction", "1.0")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("random_forest");
  }
}
