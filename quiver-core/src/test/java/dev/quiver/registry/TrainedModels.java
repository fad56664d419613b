package dev.quiver.registry;

import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.logistic.LogisticFamily;
import java.util.List;
import java.util.Map;

/** Real logistic-regression fits on the planted-signal data, for registry tests. */
final class TrainedModels {

  static final ModelFamily LOGISTIC = new LogisticFamily();
  static final FeatureRecipe RECIPE = new FeatureRecipe("1m", List.of(), "signal,counter,level,noise", null, "direction");

  private TrainedModels() {}

  /** Logistic regression on 2,000 planted-signal rows drawn with {@code dataSeed}, C = {@code c}. */
  static FittedModel logistic(long dataSeed, double c) {
    return logistic(PlantedSignal.binary(2000, dataSeed), c, "data-" + dataSeed);
  }

  /** The same rows with the columns renamed: a different input schema. */
  static FittedModel logisticWithColumns(long dataSeed, List<String> names) {
    TrainSet t = PlantedSignal.binary(2000, dataSeed);
    TrainSet renamed = new TrainSet(new Matrix(t.x().data(), t.rows(), t.x().cols(), names), t.y(), t.task());
    return logistic(renamed, 1.0, "data-" + dataSeed);
  }

  static FittedModel logistic(TrainSet train, double c, String dataSha) {
    return LOGISTIC.trainer(LOGISTIC.params("balanced", Map.of("c", String.valueOf(c)))).fit(train, null, TrainContext.of(1, 7),
        new FitInfo("balanced", dataSha, "holdout"));
  }

  static TrainSet test() {
    return PlantedSignal.binary(500, 99);
  }
}
