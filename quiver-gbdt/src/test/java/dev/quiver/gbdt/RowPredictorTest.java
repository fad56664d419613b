package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RowPredictorTest {

  /** 2% of the noise column is NaN, so missing values take their default branches. */
  private static final TrainSet TRAIN = PlantedSignal.binary(4000, 11);
  private static final TrainSet TEST = PlantedSignal.binary(1000, 13);

  private static FittedModel fit(ModelFamily family, String variant, Map<String, String> overrides, TrainSet train) {
    return family.trainer(family.params(variant, overrides)).fit(train, null, TrainContext.of(1, 5), FitInfo.of(variant));
  }

  private static float[] row(Matrix x, int r) {
    float[] out = new float[x.cols()];
    for (int j = 0; j < out.length; j++) out[j] = x.get(r, j);
    return out;
  }

  @Test
  void lightgbm_s_single_row_fast_path_is_bit_identical_to_batch_prediction_and_closes_once() {
    try (LightGbmModel m = (LightGbmModel) fit(new LightGbmFamily(), "balanced", Map.of("num_iterations", "100"), TRAIN)) {
      double[] batch = m.predict(TEST.x()).values();
      RowPredictor p = m.rowPredictor();
      for (int r = 0; r < TEST.rows(); r++) assertThat(p.predict(row(TEST.x(), r))).isEqualTo(batch[r]);
      p.close();
      p.close();
      assertThatThrownBy(() -> p.predict(row(TEST.x(), 0))).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void the_xgboost_tree_walker_agrees_with_xgboost_on_binary_regression_quantile_and_forest_models() {
    Dataset regression = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(regression);
    TrainSet rTrain = regression.trainSet(f.trainFrom(), f.trainTo());
    TrainSet rTest = regression.trainSet(f.testFrom(), f.testFrom() + 1000);
    XGBoostFamily family = new XGBoostFamily();
    agrees((XGBoostModel) fit(family, "balanced", Map.of("num_rounds", "100"), TRAIN), TEST, 1e-6);
    agrees((XGBoostModel) fit(family, "random_forest", Map.of("num_rounds", "30"), TRAIN), TEST, 1e-6);
    agrees((XGBoostModel) fit(family, "balanced", Map.of("num_rounds", "100"), rTrain), rTest, 1e-5);
    agrees((XGBoostModel) fit(family, "balanced", Map.of("num_rounds", "50", "objective", "quantile", "quantile_alpha", "0.8"), rTrain), rTest, 1e-5);
  }

  private static void agrees(XGBoostModel m, TrainSet test, double tolerance) {
    try (m; RowPredictor p = m.rowPredictor()) {
      double[] batch = m.predict(test.x()).values();
      for (int r = 0; r < test.rows(); r++) assertThat(p.predict(row(test.x(), r))).as("row %d", r).isCloseTo(batch[r], Offset.offset(tolerance));
    }
  }
}
