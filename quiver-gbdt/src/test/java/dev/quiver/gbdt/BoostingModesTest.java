package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.QuantileMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** LightGBM's dart, goss and quantile modes and XGBoost's quantile and forest modes, on real futures bars with a planted signal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoostingModesTest {

  private final List<FittedModel> open = new ArrayList<>();
  private Dataset binary;
  private Fold binaryFold;
  private Dataset regression;
  private Fold regressionFold;

  @BeforeAll
  void data() {
    binary = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    binaryFold = new Holdout().fold(binary);
    regression = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    regressionFold = new Holdout().fold(regression);
  }

  @AfterAll
  void close() throws Exception {
    for (FittedModel m : open) ((AutoCloseable) m).close();
  }

  private FittedModel fit(ModelFamily family, Map<String, String> overrides, Dataset d, Fold f) {
    FittedModel m = family.trainer(family.params("balanced", overrides))
        .fit(d.trainSet(f.trainFrom(), f.trainTo()), d.trainSet(f.validFrom(), f.validTo()), TrainContext.of(1, 7), FitInfo.of("balanced"));
    open.add(m);
    return m;
  }

  private static TrainSet test(Dataset d, Fold f) {
    return d.trainSet(f.testFrom(), f.testTo());
  }

  private double auc(FittedModel m) {
    TrainSet t = test(binary, binaryFold);
    return ClassificationMetrics.of(t.y(), m.predict(t.x()).values()).auc();
  }

  private void savesAndLoadsBitIdentically(FittedModel m, String family, Dataset d, Fold f, Path dir) {
    ModelStore.save(m, family, dir);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    open.add(loaded);
    TrainSet t = test(d, f);
    assertThat(loaded.predict(t.x()).values()).isEqualTo(m.predict(t.x()).values());
    assertThat(loaded.provenance()).isEqualTo(m.provenance());
  }

  @Test
  void lightgbm_dart_learns_the_planted_signal_keeps_every_iteration_and_reloads_bit_identically(@TempDir Path tmp) {
    LightGbmModel m = (LightGbmModel) fit(new LightGbmFamily(), Map.of("boosting", "dart", "num_iterations", "40"), binary, binaryFold);
    assertThat(auc(m)).isGreaterThan(0.78);
    assertThat(m.modelText()).contains("[boosting: dart]");
    assertThat(m.training().iterationsRun()).isEqualTo(40);
    assertThat(m.training().bestIteration()).isEqualTo(40); // dart: no early stopping, the last iteration is kept
    assertThat(m.learningCurve().orElseThrow().validation()).hasSize(40);
    savesAndLoadsBitIdentically(m, LightGbmFamily.NAME, binary, binaryFold, tmp.resolve("m"));
  }

  @Test
  void lightgbm_goss_samples_rows_by_gradient_learns_the_planted_signal_and_reloads_bit_identically(@TempDir Path tmp) {
    LightGbmModel m = (LightGbmModel) fit(new LightGbmFamily(), Map.of("boosting", "goss", "num_iterations", "60"), binary, binaryFold);
    assertThat(auc(m)).isGreaterThan(0.78);
    assertThat(m.modelText()).contains("[data_sample_strategy: goss]");
    assertThat(m.provenance().params()).containsEntry("boosting", "goss");
    savesAndLoadsBitIdentically(m, LightGbmFamily.NAME, binary, binaryFold, tmp.resolve("m"));
  }

  @Test
  void lightgbm_quantile_forecasts_are_calibrated_and_beat_the_unconditional_quantile(@TempDir Path tmp) {
    LightGbmModel m = (LightGbmModel) fit(new LightGbmFamily(), Map.of("objective", "quantile", "alpha", "0.9", "num_iterations", "100"),
        regression, regressionFold);
    assertThat(m.objective()).isEqualTo("quantile");
    assertThat(m.training().metric()).isEqualTo("quantile");
    assertThat(m.modelText()).contains("objective=quantile");
    assertCalibratedQuantile(m, 0.9);
    savesAndLoadsBitIdentically(m, LightGbmFamily.NAME, regression, regressionFold, tmp.resolve("m"));
  }

  @Test
  void xgboost_quantile_forecasts_are_calibrated_and_beat_the_unconditional_quantile(@TempDir Path tmp) {
    XGBoostModel m = (XGBoostModel) fit(new XGBoostFamily(), Map.of("objective", "quantile", "quantile_alpha", "0.1", "num_rounds", "100"),
        regression, regressionFold);
    assertThat(m.objective()).isEqualTo("reg:quantileerror");
    assertThat(m.learningCurve().orElseThrow().metric()).isEqualTo("quantile");
    assertCalibratedQuantile(m, 0.1);
    savesAndLoadsBitIdentically(m, XGBoostFamily.NAME, regression, regressionFold, tmp.resolve("m"));
  }

  @Test
  void xgboost_forest_mode_learns_the_planted_signal_and_reloads_bit_identically(@TempDir Path tmp) {
    XGBoostFamily family = new XGBoostFamily();
    FittedModel m = family.trainer(family.params("random_forest", Map.of("num_rounds", "30")))
        .fit(binary.trainSet(binaryFold.trainFrom(), binaryFold.trainTo()), null, TrainContext.of(1, 7), FitInfo.of("random_forest"));
    open.add(m);
    assertThat(auc(m)).isGreaterThan(0.78);
    assertThat(m.learningCurve().orElseThrow().iterations()).isEqualTo(1); // one round of 30 parallel trees
    savesAndLoadsBitIdentically(m, XGBoostFamily.NAME, binary, binaryFold, tmp.resolve("m"));
  }

  @Test
  void a_quantile_objective_on_a_binary_label_fails_as_bad_input() {
    assertThatThrownBy(() -> fit(new LightGbmFamily(), Map.of("objective", "quantile", "num_iterations", "5"), binary, binaryFold))
        .isInstanceOf(BadInputException.class).hasMessageContaining("quantile").hasMessageContaining("regression label");
    assertThatThrownBy(() -> fit(new XGBoostFamily(), Map.of("objective", "quantile", "num_rounds", "5"), binary, binaryFold))
        .isInstanceOf(BadInputException.class).hasMessageContaining("quantile").hasMessageContaining("regression label");
    assertThatThrownBy(() -> new LightGbmFamily().params("balanced", Map.of("alpha", "1.5")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new LightGbmFamily().params("balanced", Map.of("boosting", "boost")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("gbdt, dart, goss, rf");
  }

  /** Coverage within 3 points of tau on held-back rows, and a lower pinball loss than the training rows' tau-quantile as a constant forecast. */
  private void assertCalibratedQuantile(FittedModel m, double tau) {
    TrainSet t = test(regression, regressionFold);
    QuantileMetrics q = QuantileMetrics.of(t.y(), m.predict(t.x()).values(), tau);
    assertThat(q.coverage()).isBetween(tau - 0.03, tau + 0.03);
    float[] trainY = regression.trainSet(regressionFold.trainFrom(), regressionFold.trainTo()).y().clone();
    Arrays.sort(trainY);
    double[] constant = new double[t.rows()];
    Arrays.fill(constant, trainY[(int) (tau * (trainY.length - 1))]);
    QuantileMetrics baseline = QuantileMetrics.of(t.y(), constant, tau);
    assertThat(q.pinballLoss()).isLessThan(0.85 * baseline.pinballLoss());
  }
}
