package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.logistic.LogisticFamily;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LightGbmFamilyTest {

  static final LightGbmFamily FAMILY = new LightGbmFamily();
  static final TrainSet TRAIN = PlantedSignal.binary(4000, 11);
  static final TrainSet VALID = PlantedSignal.binary(2000, 12);
  static final TrainSet TEST = PlantedSignal.binary(2000, 13);

  static Dataset futures;
  static Fold fold;
  static LightGbmModel futuresModel;
  static LightGbmModel planted;

  @BeforeAll
  static void fitOnce() {
    futures = FuturesDirection.dataset();
    fold = new Holdout().fold(futures);
    futuresModel = fit(Map.of(), futures.trainSet(fold.trainFrom(), fold.trainTo()),
        futures.trainSet(fold.validFrom(), fold.validTo()), 42, new FitInfo("balanced", futures.sha256(), fold.name()));
    planted = fit(Map.of(), TRAIN, VALID, 7, FitInfo.of("balanced"));
  }

  @AfterAll
  static void close() {
    futuresModel.close();
    planted.close();
  }

  static LightGbmModel fit(Map<String, String> overrides, TrainSet train, TrainSet valid, long seed, FitInfo info) {
    return (LightGbmModel) FAMILY.trainer(FAMILY.params("balanced", overrides)).fit(train, valid, TrainContext.of(1, seed), info);
  }

  @Test
  void next_minute_direction_on_real_futures_scores_an_honest_test_auc_after_early_stopping() {
    TrainSet test = futures.trainSet(fold.testFrom(), fold.testTo());
    double auc = ClassificationMetrics.of(test.y(), futuresModel.predict(test.x()).values()).auc();
    // near-random by nature: the pandas peer gets 0.52-0.54; far above 0.6 would mean a leak
    assertThat(auc).isBetween(0.45, 0.6);
    LightGbmModel.Training t = futuresModel.training();
    assertThat(t.metric()).isEqualTo("binary_logloss");
    assertThat(t.bestIteration()).isPositive();
    assertThat(t.iterationsRun()).isEqualTo(t.bestIteration() + 30).isLessThan(300); // stopped early, kept the best
    assertThat(t.bestScore()).isBetween(0.6, 0.7);
  }

  @Test
  void learns_a_planted_signal() {
    double auc = ClassificationMetrics.of(TEST.y(), planted.predict(TEST.x()).values()).auc();
    assertThat(auc).isGreaterThan(0.9);
    assertThat(planted.importance().orElseThrow().ranked()).startsWith("signal", "counter");
    assertThat(planted.importance().orElseThrow().kind()).isEqualTo("gain");
  }

  @Test
  void regression_follows_the_task_of_the_training_set() {
    Random rnd = new Random(3);
    int n = 6000;
    float[] x = new float[n * 2];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = (float) rnd.nextGaussian();
      x[2 * i + 1] = (float) rnd.nextGaussian();
      y[i] = (float) (0.5 * x[2 * i] + 0.05 * rnd.nextGaussian());
    }
    Matrix m = new Matrix(x, n, 2, java.util.List.of("a", "b"));
    TrainSet train = new TrainSet(m.rows(0, 4000), java.util.Arrays.copyOfRange(y, 0, 4000), Task.REGRESSION);
    TrainSet valid = new TrainSet(m.rows(4000, 5000), java.util.Arrays.copyOfRange(y, 4000, 5000), Task.REGRESSION);
    TrainSet test = new TrainSet(m.rows(5000, 6000), java.util.Arrays.copyOfRange(y, 5000, 6000), Task.REGRESSION);
    try (LightGbmModel model = fit(Map.of(), train, valid, 1, FitInfo.of("balanced"))) {
      assertThat(model.inputSchema().task()).isEqualTo(Task.REGRESSION);
      assertThat(model.provenance().params()).containsEntry("objective", "regression");
      assertThat(model.training().metric()).isEqualTo("l2");
      RegressionMetrics r = RegressionMetrics.of(test.y(), model.predict(test.x()).values());
      assertThat(r.r2()).isGreaterThan(0.9);
      assertThat(r.directionalAccuracy()).isGreaterThan(0.9);
    }
  }

  @Test
  void a_saved_model_predicts_bit_identically_to_the_fitted_one_and_to_lightgbm_on_its_text(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("m");
    ModelStore.save(futuresModel, FAMILY.name(), dir);
    TrainSet test = futures.trainSet(fold.testFrom(), fold.testTo());
    double[] inMemory = futuresModel.predict(test.x()).values();
    try (LightGbmModel loaded = (LightGbmModel) ModelStore.load(dir, ModelFamilies.discover())) {
      assertThat(loaded.predict(test.x()).values()).isEqualTo(inMemory);
      assertThat(loaded.training()).isEqualTo(futuresModel.training());
      assertThat(loaded.provenance()).isEqualTo(futuresModel.provenance());
      assertThat(loaded.importance()).isEqualTo(futuresModel.importance());
    }
    String text = Files.readString(dir.resolve(LightGbmModel.MODEL_FILE), StandardCharsets.UTF_8);
    LGBMBooster raw = LGBMBooster.loadModelFromString(text);
    try {
      double[] native_ = raw.predictForMat(test.x().contiguous(), test.rows(), test.x().cols(), true, PredictionType.C_API_PREDICT_NORMAL, "num_threads=1");
      assertThat(native_).isEqualTo(inMemory);
    } finally {
      raw.close();
    }
  }

  @Test
  void a_tampered_model_file_fails_its_sha256_check(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    ModelStore.save(planted, FAMILY.name(), dir);
    Path file = dir.resolve(LightGbmModel.MODEL_FILE);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replaceFirst("learning_rate", "learning_rate_"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ModelStore.load(dir, ModelFamilies.discover()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining(LightGbmModel.MODEL_FILE);
  }

  @Test
  void the_same_seed_gives_identical_predictions_and_another_seed_other_ones() {
    try (LightGbmModel again = fit(Map.of(), TRAIN, VALID, 7, FitInfo.of("balanced"));
        LightGbmModel other = fit(Map.of(), TRAIN, VALID, 8, FitInfo.of("balanced"))) {
      assertThat(again.predict(TEST.x()).values()).isEqualTo(planted.predict(TEST.x()).values());
      assertThat(again.modelText()).isEqualTo(planted.modelText());
      assertThat(other.predict(TEST.x()).values()).isNotEqualTo(planted.predict(TEST.x()).values());
    }
  }

  @Test
  void without_validation_every_iteration_is_kept() {
    try (LightGbmModel m = fit(Map.of("num_iterations", "25"), TRAIN, null, 1, FitInfo.of("balanced"))) {
      assertThat(m.training()).isEqualTo(new LightGbmModel.Training(25, 25, "", null));
    }
  }

  @Test
  void provenance_records_the_fit() {
    Provenance p = futuresModel.provenance();
    assertThat(p.family()).isEqualTo("lightgbm");
    assertThat(p.variant()).isEqualTo("balanced");
    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.dataSha256()).isEqualTo(futures.sha256()).hasSize(64);
    assertThat(p.fold()).isEqualTo("holdout");
    assertThat(p.features()).isEqualTo(FuturesDirection.NAMES);
    assertThat(p.params()).containsEntry("num_leaves", "31").containsEntry("learning_rate", "0.05").containsEntry("objective", "binary");
    assertThat(p.runtime()).containsEntry("lightgbm4j", "4.3.0-1").containsEntry("num_threads", "1").containsKeys("java", "os", "arch");
    assertThat(p.codeVersion()).isNotEmpty();
  }

  @Test
  void params_have_defaults_variants_and_clear_errors() {
    assertThat(FAMILY.params("balanced", Map.of()).getInt("num_iterations")).isEqualTo(300);
    assertThat(FAMILY.params("balanced", Map.of()).getInt("early_stopping_rounds")).isEqualTo(30);
    assertThat(FAMILY.params("conservative", Map.of()).getInt("num_leaves")).isEqualTo(15);
    assertThat(FAMILY.params("aggressive", Map.of()).getInt("num_leaves")).isEqualTo(127);
    assertThat(FAMILY.params("aggressive", Map.of("num_leaves", "63")).getInt("num_leaves")).isEqualTo(63);
    assertThat(FAMILY.params("balanced", Map.of()).declared()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("num_leave", "8")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'num_leaves'?");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("learning_rate", "fast")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("'fast'");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("num_leaves", "1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("got 1");
    assertThatThrownBy(() -> FAMILY.params("huge", Map.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("aggressive, balanced, conservative");
    assertThatThrownBy(() -> fit(Map.of("metric", "l2"), TRAIN, VALID, 1, FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("'l2'");
  }

  @Test
  void auc_can_drive_early_stopping() {
    try (LightGbmModel m = fit(Map.of("metric", "auc"), TRAIN, VALID, 7, FitInfo.of("balanced"))) {
      assertThat(m.training().metric()).isEqualTo("auc");
      assertThat(m.training().bestScore()).isGreaterThan(0.9);
    }
  }

  @Test
  void closing_twice_is_harmless_and_predicting_after_close_fails() {
    LightGbmModel m = fit(Map.of("num_iterations", "5"), TRAIN, null, 1, FitInfo.of("balanced"));
    m.close();
    m.close();
    assertThatThrownBy(() -> m.predict(TEST.x())).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void the_service_loader_finds_both_families() {
    ModelFamilies families = ModelFamilies.discover();
    assertThat(families.all().keySet()).contains("lightgbm", "logistic");
    assertThat(families.get("lightgbm")).isInstanceOf(LightGbmFamily.class);
    assertThat(families.get("logistic")).isInstanceOf(LogisticFamily.class);
    assertThat(families.get("lightgbm").tasks()).containsExactlyInAnyOrder(Task.BINARY, Task.REGRESSION, Task.MULTICLASS);
  }

  @Test
  void feature_names_lightgbm_refuses_are_passed_by_position() {
    assertThat(LightGbmTrainer.nativeNames(java.util.List.of("ret_1", "rsi_14"))).containsExactly("ret_1", "rsi_14");
    assertThat(LightGbmTrainer.nativeNames(java.util.List.of("ret_1", "my:signal"))).containsExactly("Column_0", "Column_1");
    Matrix odd = new Matrix(TRAIN.x().contiguous(), TRAIN.rows(), 4, java.util.List.of("sig nal", "counter", "level{1}", "noise"));
    try (LightGbmModel m = fit(Map.of("num_iterations", "20"), new TrainSet(odd, TRAIN.y(), Task.BINARY), null, 1, FitInfo.of("balanced"))) {
      assertThat(m.inputSchema().features()).containsExactly("sig nal", "counter", "level{1}", "noise");
      assertThat(m.importance().orElseThrow().ranked().get(0)).isEqualTo("sig nal");
    }
  }

  @Test
  void seeds_outside_the_int_range_map_to_valid_native_seeds() {
    assertThat(LightGbmTrainer.nativeSeed(-1)).isEqualTo(Integer.MAX_VALUE - 1);
    assertThat(LightGbmTrainer.nativeSeed(42)).isEqualTo(42);
    assertThat(LightGbmTrainer.nativeSeed(Long.MAX_VALUE)).isBetween(0, Integer.MAX_VALUE - 1);
  }

  @Test
  void the_learning_curve_has_train_and_validation_scores_per_iteration_and_survives_save_and_load(@TempDir Path tmp) {
    dev.quiver.model.LearningCurve c = futuresModel.learningCurve().orElseThrow();
    LightGbmModel.Training t = futuresModel.training();
    assertThat(c.metric()).isEqualTo("binary_logloss");
    assertThat(c.iterations()).isEqualTo(t.iterationsRun());
    assertThat(c.bestIteration()).isEqualTo(t.bestIteration());
    assertThat(c.validation()).hasSize(t.iterationsRun());
    assertThat(c.bestValidationScore()).isEqualTo(t.bestScore());
    double[] train = c.train();
    assertThat(train[train.length - 1]).isLessThan(train[0]); // the training loss falls as trees are added
    Path dir = tmp.resolve("m");
    ModelStore.save(futuresModel, FAMILY.name(), dir);
    try (LightGbmModel loaded = (LightGbmModel) ModelStore.load(dir, ModelFamilies.discover())) {
      assertThat(loaded.learningCurve()).contains(c);
    }
  }

  @Test
  void shap_contributions_sum_to_the_log_odds_of_each_prediction() {
    Matrix x = TEST.x().rows(0, 200);
    dev.quiver.model.Contributions c = planted.contributions(x);
    double[] p = planted.predict(x).values();
    assertThat(c.rows()).isEqualTo(200);
    assertThat(c.features()).isEqualTo(PlantedSignal.NAMES);
    double signal = 0;
    double level = 0;
    for (int r = 0; r < 200; r++) {
      assertThat(c.rawScore(r)).isCloseTo(Math.log(p[r] / (1 - p[r])), org.assertj.core.data.Offset.offset(1e-6));
      signal += Math.abs(c.get(r, 0));
      level += Math.abs(c.get(r, 2));
    }
    assertThat(signal).isGreaterThan(10 * level);
  }

  @Test
  void rf_boosting_is_a_random_forest_that_learns_and_needs_bagging() {
    try (LightGbmModel rf = fit(Map.of("boosting", "rf", "num_iterations", "60"), TRAIN, VALID, 7, FitInfo.of("balanced"))) {
      assertThat(rf.provenance().params()).containsEntry("boosting", "rf");
      assertThat(rf.modelText()).contains("[boosting: rf]");
      assertThat(ClassificationMetrics.of(TEST.y(), rf.predict(TEST.x()).values()).auc()).isGreaterThan(0.88);
    }
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("boosting", "rf", "bagging_freq", "0", "feature_fraction", "1.0")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("bagging_fraction");
  }
}
