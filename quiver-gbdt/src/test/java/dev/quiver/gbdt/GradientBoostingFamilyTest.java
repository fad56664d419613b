package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.testing.FamilyContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientBoostingFamilyTest extends FamilyContract {

  @Override
  protected ModelFamily family() {
    return new GradientBoostingFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"learning_rate", "learning_rat"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"max_depth", "0"};
  }

  @Test
  void trees_are_depth_limited_gradient_boosting() {
    FittedModel m = fit("balanced", Map.of(), PlantedSignalRows.train(), null, 1);
    LightGbmModel lgb = (LightGbmModel) m;
    assertThat(lgb.modelText()).contains("[boosting: gbdt]").contains("[max_depth: 3]").contains("[learning_rate: 0.1]");
    assertThat(lgb.training().iterationsRun()).isEqualTo(100);
    java.util.regex.Matcher leaves = java.util.regex.Pattern.compile("(?m)^num_leaves=(\\d+)$").matcher(lgb.modelText());
    int trees = 0;
    while (leaves.find()) {
      trees++;
      assertThat(Integer.parseInt(leaves.group(1))).isBetween(2, 8); // depth 3 allows 8 leaves at most
    }
    assertThat(trees).isEqualTo(100);
  }
}
