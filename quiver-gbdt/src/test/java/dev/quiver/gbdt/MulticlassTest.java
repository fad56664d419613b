package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.MulticlassMetrics;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.DirectionClasses;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Predictions;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LightGBM and XGBoost (and the families on LightGBM's modes) on a three-class label of real futures bars. */
class MulticlassTest {

  static Dataset planted;
  static TrainSet train;
  static TrainSet valid;
  static TrainSet test;
  static LightGbmModel lightgbm;
  static XGBoostModel xgboost;

  @BeforeAll
  static void fitOnce() {
    planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.MULTICLASS, 1.0, 5);
    Fold f = new Holdout().fold(planted);
    train = planted.trainSet(f.trainFrom(), f.trainTo());
    valid = planted.trainSet(f.validFrom(), f.validTo());
    test = planted.trainSet(f.testFrom(), f.testTo());
    lightgbm = (LightGbmModel) fit(new LightGbmFamily(), Map.of("num_iterations", "60"), train, valid);
    xgboost = (XGBoostModel) fit(new XGBoostFamily(), Map.of("num_rounds", "60"), train, valid);
  }

  @AfterAll
  static void close() {
    lightgbm.close();
    xgboost.close();
  }

  static FittedModel fit(ModelFamily family, Map<String, String> overrides, TrainSet train, TrainSet valid) {
    return family.trainer(family.params("balanced", overrides)).fit(train, valid, TrainContext.of(1, 3), FitInfo.of("balanced"));
  }

  @Test
  void the_dataset_carries_three_classes_from_the_label() {
    assertThat(planted.task()).isEqualTo(Task.MULTICLASS);
    assertThat(planted.classes()).isEqualTo(3);
    assertThat(train.classes()).isEqualTo(3);
  }

  @Test
  void lightgbm_and_xgboost_learn_a_planted_three_class_signal_on_held_back_rows() {
    for (FittedModel m : List.of(lightgbm, xgboost)) {
      Predictions p = m.predict(test.x());
      assertThat(p.task()).isEqualTo(Task.MULTICLASS);
      assertThat(p.classes()).isEqualTo(3);
      MulticlassMetrics metrics = MulticlassMetrics.of(test.y(), p.probabilities(), 3);
      assertThat(metrics.accuracy()).as(m.provenance().family()).isGreaterThan(0.55);
      assertThat(metrics.macroAuc()).as(m.provenance().family()).isGreaterThan(0.7);
    }
  }

  @Test
  void probabilities_sum_to_one_and_the_score_is_up_minus_down() {
    for (FittedModel m : List.of(lightgbm, xgboost)) {
      Predictions p = m.predict(test.x());
      for (int r = 0; r < p.size(); r++) {
        assertThat(p.probability(r, 0) + p.probability(r, 1) + p.probability(r, 2)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.values()[r]).isEqualTo(p.probability(r, 2) - p.probability(r, 0));
      }
    }
  }

  @Test
  void the_schema_records_the_class_count_and_the_learning_curve_the_multiclass_log_loss() {
    assertThat(lightgbm.inputSchema().classes()).isEqualTo(3);
    assertThat(lightgbm.objective()).isEqualTo("multiclass");
    assertThat(lightgbm.training().metric()).isEqualTo("multi_logloss");
    assertThat(xgboost.inputSchema().classes()).isEqualTo(3);
    assertThat(xgboost.objective()).isEqualTo("multi:softprob");
    assertFallingCurve(lightgbm.learningCurve().orElseThrow(), "multi_logloss");
    assertFallingCurve(xgboost.learningCurve().orElseThrow(), "mlogloss");
  }

  private static void assertFallingCurve(LearningCurve c, String metric) {
    assertThat(c.metric()).isEqualTo(metric);
    assertThat(c.higherIsBetter()).isFalse();
    assertThat(c.iterations()).isGreaterThan(1);
    assertThat(c.bestIteration()).isBetween(1, c.iterations());
    assertThat(c.validation()).hasSize(c.iterations());
    assertThat(c.train()[c.iterations() - 1]).isLessThan(c.train()[0]);
  }

  @Test
  void save_and_load_give_bit_identical_probabilities(@TempDir Path tmp) throws Exception {
    ModelStore.save(lightgbm, LightGbmFamily.NAME, tmp.resolve("lgb"));
    ModelStore.save(xgboost, XGBoostFamily.NAME, tmp.resolve("xgb"));
    FittedModel lgb = ModelStore.load(tmp.resolve("lgb"), ModelFamilies.discover());
    FittedModel xgb = ModelStore.load(tmp.resolve("xgb"), ModelFamilies.discover());
    try {
      assertThat(lgb.inputSchema()).isEqualTo(lightgbm.inputSchema());
      assertThat(xgb.inputSchema()).isEqualTo(xgboost.inputSchema());
      assertThat(lgb.predict(test.x()).probabilities()).isEqualTo(lightgbm.predict(test.x()).probabilities());
      assertThat(xgb.predict(test.x()).probabilities()).isEqualTo(xgboost.predict(test.x()).probabilities());
      assertThat(lgb.predict(test.x()).values()).isEqualTo(lightgbm.predict(test.x()).values());
    } finally {
      ((AutoCloseable) lgb).close();
      ((AutoCloseable) xgb).close();
    }
  }

  @Test
  void random_forest_and_gradient_boosting_train_multiclass_on_lightgbm() throws Exception {
    for (ModelFamily family : List.of(new RandomForestFamily(), new GradientBoostingFamily())) {
      assertThat(family.tasks()).contains(Task.MULTICLASS);
      try (LightGbmModel m = (LightGbmModel) fit(family, Map.of("num_iterations", "20"), train, valid)) {
        Predictions p = m.predict(test.x());
        assertThat(p.classes()).isEqualTo(3);
        assertThat(MulticlassMetrics.of(test.y(), p.probabilities(), 3).accuracy()).as(family.name()).isGreaterThan(0.5);
      }
    }
  }

  @Test
  void the_direction3_label_on_real_bars_trains_a_three_class_model() {
    Bars b = TestData.futures(PlantedFutures.SYMBOL);
    FeatureSet set = FeatureSet.parse("seed12", List.of());
    Dataset d = DatasetBuilder.build(List.of(set.compute(b)), List.of(new DirectionClasses(1, 0.0002).label(b)), set.lookback());
    Fold f = new Holdout().fold(d);
    try (LightGbmModel m = (LightGbmModel) fit(new LightGbmFamily(), Map.of("num_iterations", "30"), d.trainSet(f.trainFrom(), f.trainTo()),
        d.trainSet(f.validFrom(), f.validTo()))) {
      TrainSet t = d.trainSet(f.testFrom(), f.testTo());
      MulticlassMetrics metrics = MulticlassMetrics.of(t.y(), m.predict(t.x()).probabilities(), 3);
      assertThat(metrics.n()).isEqualTo(t.rows());
      assertThat(metrics.logLoss()).isFinite().isLessThan(Math.log(3));
    }
  }

  @Test
  void a_binary_metric_on_a_multiclass_label_is_refused_naming_the_fitting_ones() {
    ModelFamily family = new LightGbmFamily();
    assertThatThrownBy(() -> fit(family, Map.of("metric", "auc"), train, valid))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not fit a MULTICLASS label")
        .satisfies(e -> assertThat(((BadInputException) e).fix()).contains("multi_logloss"));
  }

  @Test
  void shap_contributions_of_a_multiclass_model_are_refused() {
    assertThatThrownBy(() -> lightgbm.contributions(test.x())).isInstanceOf(BadInputException.class).hasMessageContaining("multiclass");
    assertThatThrownBy(() -> xgboost.contributions(test.x())).isInstanceOf(BadInputException.class).hasMessageContaining("multiclass");
  }
}
