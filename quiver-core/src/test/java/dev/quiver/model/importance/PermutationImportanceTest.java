package dev.quiver.model.importance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

  private static FittedModel fit(String family, Dataset d, Fold f, Map<String, String> overrides) {
    ModelFamily fam = ModelFamilies.discover().get(family);
    return fam.trainer(fam.params("balanced", overrides)).fit(d.trainSet(f.trainFrom(), f.trainTo()), d.trainSet(f.validFrom(), f.validTo()),
        TrainContext.of(1, 1), FitInfo.of("balanced"));
  }

  @Test
  void shuffling_the_planted_feature_costs_auc_and_shuffling_the_others_costs_little() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    Fold f = new Holdout().fold(d);
    FittedModel m = fit("logistic", d, f, Map.of());
    TrainSet test = d.trainSet(f.testFrom(), f.testTo());
    float[] before = test.x().contiguous().clone();
    PermutationImportance p = PermutationImportance.compute(m, test.x(), test.y(), 3, 42);
    assertThat(test.x().contiguous()).isEqualTo(before);
    assertThat(p.metric()).isEqualTo("auc");
    assertThat(p.baseline()).isGreaterThan(0.78);
    assertThat(p.asFeatureImportance().ranked().get(0)).isIn(PlantedFutures.CARRIERS);
    double top = Math.max(p.meanDrop()[p.features().indexOf("price_change")], p.meanDrop()[p.features().indexOf("open_close_ratio")]);
    assertThat(top).isGreaterThan(0.05);
    int vol = p.features().indexOf("volume_ratio");
    assertThat(Math.abs(p.meanDrop()[vol])).isLessThan(0.02);
    for (double s : p.stdDrop()) assertThat(s).isGreaterThanOrEqualTo(0);
  }

  @Test
  void the_same_seed_gives_the_same_importance_and_regression_uses_r2() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    FittedModel m = fit("ngboost", d, f, Map.of("n_estimators", "40"));
    TrainSet test = d.trainSet(f.testFrom(), f.testTo());
    PermutationImportance a = PermutationImportance.compute(m, test.x(), test.y(), 2, 7);
    PermutationImportance b = PermutationImportance.compute(m, test.x(), test.y(), 2, 7);
    assertThat(a.metric()).isEqualTo("r2");
    assertThat(a.meanDrop()).isEqualTo(b.meanDrop());
    assertThat(a.features()).isEqualTo(List.copyOf(test.x().names()));
    assertThat(a.asFeatureImportance().ranked().get(0)).isIn(PlantedFutures.CARRIERS);
  }
}
