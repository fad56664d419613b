package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.Contributions;
import dev.quiver.model.FitInfo;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XGBoostFamilyTest {

  static final XGBoostFamily FAMILY = new XGBoostFamily();

  static Dataset futures;
  static Fold fold;
  static XGBoostModel futuresModel;
  static Dataset planted;
  static Fold plantedFold;
  static XGBoostModel plantedModel;

  @BeforeAll
  static void fitOnce() {
    futures = FuturesDirection.dataset();
    fold = new Holdout().fold(futures);
    futuresModel = fit("balanced", Map.of(), segment(futures, fold, 0), segment(futures, fold, 1), 42,
        new FitInfo("balanced", futures.sha256(), fold.name()));
    planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    plantedFold = new Holdout().fold(planted);
    plantedModel = fit("balanced", Map.of(), segment(planted, plantedFold, 0), segment(planted, plantedFold, 1), 7, FitInfo.of("balanced"));
  }

  @AfterAll
  static void close() {
    futuresModel.close();
    plantedModel.close();
  }

  /** Segment 0 train, 1 validation, 2 test of the fold. */
  static TrainSet segment(Dataset d, Fold f, int which) {
    return switch (which) {
      case 0 -> d.trainSet(f.trainFrom(), f.trainTo());
      case 1 -> d.trainSet(f.validFrom(), f.validTo());
      default -> d.trainSet(f.testFrom(), f.testTo());
    };
  }

  static XGBoostModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed, FitInfo info) {
    return (XGBoostModel) FAMILY.trainer(FAMILY.params(variant, overrides)).fit(train, valid, TrainContext.of(1, seed), info);
  }

  @Test
  void next_minute_direction_on_real_futures_scores_an_honest_test_auc_after_early_stopping() {
    TrainSet test = segment(futures, fold, 2);
    double auc = ClassificationMetrics.of(test.y(), futuresModel.predict(test.x()).values()).auc();
    assertThat(auc).isBetween(0.45, 0.6); // near-random by nature; far above 0.6 would mean a leak
    LearningCurve c = futuresModel.learningCurve().orElseThrow();
    assertThat(c.metric()).isEqualTo("logloss");
    assertThat(c.bestIteration()).isPositive();
    assertThat(c.iterations()).isEqualTo(c.bestIteration() + 30).isLessThan(300);
    assertThat(c.bestValidationScore()).isBetween(0.6, 0.7);
  }

  @Test
  void learns_a_planted_signal_on_real_bars() {
    TrainSet test = segment(planted, plantedFold, 2);
    double auc = ClassificationMetrics.of(test.y(), plantedModel.predict(test.x()).values()).auc();
    assertThat(auc).isGreaterThan(0.78);
    assertThat(plantedModel.importance().orElseThrow().ranked().get(0)).isEqualTo("price_change");
    assertThat(plantedModel.importance().orElseThrow().kind()).isEqualTo("gain");
  }

  @Test
  void regression_learns_a_planted_signal_on_real_bars() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    try (XGBoostModel m = fit("balanced", Map.of(), segment(d, f, 0), segment(d, f, 1), 3, FitInfo.of("balanced"))) {
      assertThat(m.inputSchema().task()).isEqualTo(Task.REGRESSION);
      assertThat(m.provenance().params()).containsEntry("objective", "reg:squarederror");
      assertThat(m.learningCurve().orElseThrow().metric()).isEqualTo("rmse");
      TrainSet test = segment(d, f, 2);
      RegressionMetrics r = RegressionMetrics.of(test.y(), m.predict(test.x()).values());
      assertThat(r.r2()).isGreaterThan(0.35);
    }
  }

  @Test
  void a_saved_model_predicts_bit_identically_to_the_fitted_one_and_to_xgboost_on_its_file(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("m");
    ModelStore.save(futuresModel, FAMILY.name(), dir);
    TrainSet test = segment(futures, fold, 2);
    double[] inMemory = futuresModel.predict(test.x()).values();
    try (XGBoostModel loaded = (XGBoostModel) ModelStore.load(dir, ModelFamilies.discover())) {
      assertThat(loaded.predict(test.x()).values()).isEqualTo(inMemory);
      assertThat(loaded.learningCurve()).isEqualTo(futuresModel.learningCurve());
      assertThat(loaded.provenance()).isEqualTo(futuresModel.provenance());
      assertThat(loaded.importance()).isEqualTo(futuresModel.importance());
    }
    Booster raw = XGBoost.loadModel(Files.readAllBytes(dir.resolve(XGBoostModel.MODEL_FILE)));
    try {
      float[][] p = raw.inplace_predict(test.x().contiguous(), test.rows(), test.x().cols(), Float.NaN);
      for (int r = 0; r < p.length; r++) assertThat((double) p[r][0]).isEqualTo(inMemory[r]);
      // the file holds the best rounds only
      assertThat(raw.getNumBoostedRound()).isEqualTo(futuresModel.learningCurve().orElseThrow().bestIteration());
    } finally {
      raw.dispose();
    }
    assertThat(Files.readString(dir.resolve(XGBoostModel.META_FILE))).contains("\"learningCurve\"", "\"train\"", "\"validation\"");
  }

  @Test
  void a_tampered_model_file_fails_its_sha256_check(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    ModelStore.save(plantedModel, FAMILY.name(), dir);
    Path file = dir.resolve(XGBoostModel.MODEL_FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelStore.load(dir, ModelFamilies.discover()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining(XGBoostModel.MODEL_FILE);
  }

  @Test
  void cutting_a_model_to_its_first_rounds_predicts_exactly_as_the_full_model_limited_to_them() throws Exception {
    TrainSet train = segment(planted, plantedFold, 0);
    TrainSet test = segment(planted, plantedFold, 2);
    for (int parallel : new int[] {1, 3}) {
      DMatrix d = new DMatrix(train.x().contiguous(), train.rows(), train.x().cols(), Float.NaN);
      d.setLabel(train.y());
      Map<String, Object> p = new HashMap<>(Map.of("objective", "binary:logistic", "tree_method", "hist", "nthread", 1, "seed", 1,
          "verbosity", 0, "num_parallel_tree", parallel, "subsample", 0.7));
      Booster full = XGBoost.train(d, p, 12, new LinkedHashMap<>(), null, null, null, 0);
      Booster cut = XGBoost.loadModel(XGBoostModelJson.firstRounds(full.toByteArray("json"), 5));
      try {
        float[] x = test.x().contiguous();
        float[][] limited = full.inplace_predict(x, test.rows(), test.x().cols(), Float.NaN, new int[] {0, 5}, Booster.PredictionType.kValue, null);
        float[][] fromCut = cut.inplace_predict(x, test.rows(), test.x().cols(), Float.NaN);
        assertThat(fromCut).isDeepEqualTo(limited);
        assertThat(cut.getNumBoostedRound()).isEqualTo(5);
      } finally {
        full.dispose();
        cut.dispose();
        d.dispose();
      }
    }
  }

  @Test
  void the_same_seed_gives_identical_predictions_and_another_seed_other_ones() {
    TrainSet train = segment(planted, plantedFold, 0);
    TrainSet valid = segment(planted, plantedFold, 1);
    TrainSet test = segment(planted, plantedFold, 2);
    try (XGBoostModel again = fit("balanced", Map.of(), train, valid, 7, FitInfo.of("balanced"));
        XGBoostModel other = fit("balanced", Map.of(), train, valid, 8, FitInfo.of("balanced"))) {
      assertThat(again.predict(test.x()).values()).isEqualTo(plantedModel.predict(test.x()).values());
      assertThat(again.modelBytes()).isEqualTo(plantedModel.modelBytes());
      assertThat(other.predict(test.x()).values()).isNotEqualTo(plantedModel.predict(test.x()).values());
    }
  }

  @Test
  void the_learning_curve_falls_on_the_training_rows_and_without_validation_every_round_is_kept() {
    LearningCurve c = plantedModel.learningCurve().orElseThrow();
    assertThat(c.train()[c.iterations() - 1]).isLessThan(c.train()[0]);
    assertThat(c.validation()[c.bestIteration() - 1]).isLessThan(c.validation()[0]);
    try (XGBoostModel m = fit("balanced", Map.of("num_rounds", "25"), segment(planted, plantedFold, 0), null, 1, FitInfo.of("balanced"))) {
      LearningCurve all = m.learningCurve().orElseThrow();
      assertThat(all.iterations()).isEqualTo(25);
      assertThat(all.bestIteration()).isEqualTo(25);
      assertThat(all.validation()).isEmpty();
    }
  }

  @Test
  void shap_contributions_sum_to_the_log_odds_of_each_prediction() {
    Matrix x = segment(planted, plantedFold, 2).x().rows(0, 300);
    Contributions c = plantedModel.contributions(x);
    double[] p = plantedModel.predict(x).values();
    assertThat(c.features()).isEqualTo(planted.featureNames());
    int changeColumn = planted.featureNames().indexOf("price_change");
    double change = 0;
    double others = 0;
    for (int r = 0; r < 300; r++) {
      assertThat(c.rawScore(r)).isCloseTo(Math.log(p[r] / (1 - p[r])), Offset.offset(1e-4));
      for (int j = 0; j < planted.featureNames().size(); j++) {
        if (j == changeColumn) change += Math.abs(c.get(r, j));
        else others += Math.abs(c.get(r, j));
      }
    }
    assertThat(change).isGreaterThan(others);
  }

  @Test
  void forest_mode_grows_one_round_of_parallel_trees_that_learns_the_planted_signal() {
    TrainSet test = segment(planted, plantedFold, 2);
    try (XGBoostModel rf = fit("random_forest", Map.of("num_rounds", "40"), segment(planted, plantedFold, 0), segment(planted, plantedFold, 1), 7,
        FitInfo.of("random_forest"))) {
      assertThat(rf.learningCurve().orElseThrow().iterations()).isEqualTo(1);
      assertThat(ClassificationMetrics.of(test.y(), rf.predict(test.x()).values()).auc()).isGreaterThan(0.78);
      assertThat(rf.provenance().params()).containsEntry("mode", "forest").containsEntry("num_rounds", "40");
    }
  }

  @Test
  void provenance_records_the_fit() {
    Provenance p = futuresModel.provenance();
    assertThat(p.family()).isEqualTo("xgboost");
    assertThat(p.variant()).isEqualTo("balanced");
    assertThat(p.seed()).isEqualTo(42);
    assertThat(p.dataSha256()).isEqualTo(futures.sha256());
    assertThat(p.fold()).isEqualTo("holdout");
    assertThat(p.features()).isEqualTo(FuturesDirection.NAMES);
    assertThat(p.params()).containsEntry("max_depth", "6").containsEntry("objective", "binary:logistic").containsEntry("tree_method", "hist");
    assertThat(p.runtime()).containsEntry("xgboost4j", "3.0.4").containsEntry("nthread", "1").containsKeys("java", "os", "arch");
  }

  @Test
  void params_have_defaults_variants_and_clear_errors() {
    assertThat(FAMILY.variants()).contains("conservative", "balanced", "aggressive", "random_forest");
    assertThat(FAMILY.params("balanced", Map.of()).getInt("num_rounds")).isEqualTo(300);
    assertThat(FAMILY.params("conservative", Map.of()).getInt("max_depth")).isEqualTo(4);
    assertThat(FAMILY.params("aggressive", Map.of()).getInt("max_depth")).isEqualTo(8);
    assertThat(FAMILY.params("aggressive", Map.of("max_depth", "5")).getInt("max_depth")).isEqualTo(5);
    assertThat(FAMILY.params("balanced", Map.of()).declared()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("max_dept", "8")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'max_depth'?");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("subsample", "most")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("subsample").hasMessageContaining("'most'");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("subsample", "1.5")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("subsample").hasMessageContaining("got 1.5");
    assertThatThrownBy(() -> FAMILY.params("huge", Map.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("aggressive, balanced, conservative, random_forest");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("mode", "forest", "subsample", "1.0", "colsample_bytree", "1.0")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("forest mode");
    assertThatThrownBy(() -> fit("balanced", Map.of("metric", "rmse"), segment(planted, plantedFold, 0), null, 1, FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("'rmse'");
  }

  @Test
  void auc_can_drive_early_stopping() {
    try (XGBoostModel m = fit("balanced", Map.of("metric", "auc", "num_rounds", "60"), segment(planted, plantedFold, 0),
        segment(planted, plantedFold, 1), 7, FitInfo.of("balanced"))) {
      LearningCurve c = m.learningCurve().orElseThrow();
      assertThat(c.metric()).isEqualTo("auc");
      assertThat(c.higherIsBetter()).isTrue();
      assertThat(c.bestValidationScore()).isGreaterThan(0.7);
    }
  }

  @Test
  void one_class_training_rows_fail_as_bad_input() {
    TrainSet train = segment(planted, plantedFold, 0);
    TrainSet oneClass = new TrainSet(train.x(), new float[train.rows()], Task.BINARY);
    assertThatThrownBy(() -> fit("balanced", Map.of(), oneClass, null, 1, FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("both classes");
  }

  @Test
  void closing_twice_is_harmless_and_predicting_after_close_fails() {
    XGBoostModel m = fit("balanced", Map.of("num_rounds", "5"), segment(planted, plantedFold, 0), null, 1, FitInfo.of("balanced"));
    m.close();
    m.close();
    assertThatThrownBy(() -> m.predict(segment(planted, plantedFold, 2).x())).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void evaluation_lines_are_parsed_with_full_precision() {
    double[] out = new double[2];
    XGBoostTrainer.parseScores("[3]\ttrain-logloss:0.55326563413590191\tvalid-logloss:0.55244580105543140", out);
    assertThat(out).containsExactly(0.55326563413590191, 0.55244580105543140);
  }

  @Test
  void infinite_feature_values_are_bad_input_naming_the_column() {
    TrainSet train = segment(planted, plantedFold, 0);
    float[] x = train.x().contiguous().clone();
    int col = planted.featureNames().indexOf("volume_ratio");
    x[17 * train.x().cols() + col] = Float.POSITIVE_INFINITY;
    TrainSet bad = new TrainSet(new Matrix(x, train.rows(), train.x().cols(), train.x().names()), train.y(), Task.BINARY);
    assertThatThrownBy(() -> fit("balanced", Map.of(), bad, null, 1, FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("volume_ratio").hasMessageContaining("first at row 17").hasMessageContaining("NaN");
    assertThatThrownBy(() -> plantedModel.predict(bad.x())).isInstanceOf(BadInputException.class).hasMessageContaining("volume_ratio");
  }
}
