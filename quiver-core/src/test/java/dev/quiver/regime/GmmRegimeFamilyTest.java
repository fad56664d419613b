package dev.quiver.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GmmRegimeFamilyTest {

  static final Dataset DATA = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);

  @Test
  void regimes_are_numbered_by_the_ordering_feature_and_predictions_are_regime_base_rates(@TempDir Path dir) {
    ModelFamilies families = ModelFamilies.discover();
    ModelFamily f = families.get(GmmRegimeFamily.NAME);
    TrainSet train = DATA.trainSet(0, 3000);
    TrainSet test = DATA.trainSet(3100, 4500);
    int order = GmmRegimeFamily.orderColumn("auto", train.x().names());
    assertThat(train.x().names().get(order)).containsAnyOf("vol", "std");
    GmmRegimeModel m = (GmmRegimeModel) f.trainer(f.params("conservative", Map.of())).fit(train, null, TrainContext.of(1, 1), FitInfo.of("conservative"));
    assertThat(m.regimes()).isBetween(1, 2);
    int[] labels = m.regimes(test.x());
    double[] sum = new double[m.regimes()];
    int[] count = new int[m.regimes()];
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] < 0) continue;
      sum[labels[r]] += test.x().get(r, order);
      count[labels[r]]++;
    }
    for (int j = 1; j < sum.length; j++) {
      if (count[j] > 0 && count[j - 1] > 0) assertThat(sum[j] / count[j]).isGreaterThan(sum[j - 1] / count[j - 1]);
    }
    double[] p = m.predict(test.x()).values();
    for (double v : p) assertThat(v).isBetween(0.0, 1.0);
    assertThat(m.predict(test.x()).task()).isEqualTo(Task.BINARY);
    ModelStore.save(m, GmmRegimeFamily.NAME, dir.resolve("g"));
    FittedModel back = ModelStore.load(dir.resolve("g"), families);
    assertThat(back.predict(test.x()).values()).containsExactly(p);
  }
}
