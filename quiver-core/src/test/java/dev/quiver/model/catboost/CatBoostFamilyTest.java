package dev.quiver.model.catboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.PlantedFutures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviours of the catboost family beyond the common contract, on real futures bars. */
class CatBoostFamilyTest {

  static final CatBoostFamily FAMILY = new CatBoostFamily();
  static final Dataset PLANTED = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
  static final Fold FOLD = new Holdout().fold(PLANTED);
  static final TrainSet TRAIN = PLANTED.trainSet(FOLD.trainFrom(), FOLD.trainTo());
  static final TrainSet VALID = PLANTED.trainSet(FOLD.validFrom(), FOLD.validTo());
  static final TrainSet TEST = PLANTED.trainSet(FOLD.testFrom(), FOLD.testTo());
  /** Small, fast settings for tests that compare fits. */
  static final Map<String, String> SMALL = Map.of("iterations", "60", "depth", "4");

  static CatBoostModel fit(Map<String, String> overrides, TrainSet train, TrainSet valid, int threads, long seed) {
    return (CatBoostModel) FAMILY.trainer(FAMILY.params("balanced", overrides)).fit(train, valid, TrainContext.of(threads, seed),
        FitInfo.of("balanced"));
  }

  static Map<String, String> with(Map<String, String> base, String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>(base);
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  static double auc(FittedModel m, TrainSet set) {
    return ClassificationMetrics.of(set.y(), m.predict(set.x()).values()).auc();
  }

  @Test
  void ordered_and_plain_boosting_both_learn_the_planted_signal_but_are_different_models() {
    CatBoostModel ordered = fit(with(SMALL, "boosting_type", "Ordered"), TRAIN, VALID, 2, 3);
    CatBoostModel plain = fit(with(SMALL, "boosting_type", "Plain"), TRAIN, VALID, 2, 3);
    assertThat(auc(ordered, TEST)).isGreaterThan(0.78); // the planted signal's Bayes AUC is about 0.84
    assertThat(auc(plain, TEST)).isGreaterThan(0.78); // the planted signal's Bayes AUC is about 0.84
    assertThat(ordered.predict(TEST.x()).values()).isNotEqualTo(plain.predict(TEST.x()).values());
  }

  @Test
  void the_overfitting_detector_stops_od_wait_iterations_after_the_best_and_keeps_the_best() {
    Dataset direction = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    Fold f = new Holdout().fold(direction);
    TrainSet train = direction.trainSet(f.trainFrom(), f.trainTo());
    TrainSet valid = direction.trainSet(f.validFrom(), f.validTo());
    Map<String, String> noisy = Map.of("iterations", "400", "learning_rate", "0.3", "depth", "6", "od_wait", "5");
    CatBoostModel stopped = fit(noisy, train, valid, 2, 1);
    LearningCurve c = stopped.learningCurve().orElseThrow();
    assertThat(c.iterations()).isLessThan(400);
    assertThat(c.iterations() - c.bestIteration()).isEqualTo(5);
    assertThat(stopped.treeCount()).isEqualTo(c.bestIteration());
    double[] v = c.validation();
    for (int k = c.bestIteration(); k < c.iterations(); k++) assertThat(v[k]).isGreaterThanOrEqualTo(v[c.bestIteration() - 1]);
    CatBoostModel full = fit(with(noisy, "od_type", "None", "iterations", "40"), train, valid, 2, 1);
    assertThat(full.treeCount()).isEqualTo(40);
    assertThat(full.learningCurve().orElseThrow().iterations()).isEqualTo(40);
  }

  @Test
  void the_thread_count_does_not_change_the_model() {
    double[] one = fit(SMALL, TRAIN, VALID, 1, 11).predict(TEST.x()).values();
    double[] three = fit(SMALL, TRAIN, VALID, 3, 11).predict(TEST.x()).values();
    assertThat(three).isEqualTo(one);
  }

  @Test
  void the_seed_drives_ordered_boosting_and_the_bootstrap_and_nothing_else() {
    Map<String, String> plainNoBootstrap = with(SMALL, "boosting_type", "Plain", "bagging_temperature", "0");
    assertThat(fit(plainNoBootstrap, TRAIN, VALID, 2, 1).predict(TEST.x()).values())
        .isEqualTo(fit(plainNoBootstrap, TRAIN, VALID, 2, 2).predict(TEST.x()).values());
    assertThat(fit(with(SMALL, "boosting_type", "Plain"), TRAIN, VALID, 2, 1).predict(TEST.x()).values())
        .isNotEqualTo(fit(with(SMALL, "boosting_type", "Plain"), TRAIN, VALID, 2, 2).predict(TEST.x()).values());
    Map<String, String> orderedNoBootstrap = with(SMALL, "bagging_temperature", "0");
    assertThat(fit(orderedNoBootstrap, TRAIN, VALID, 2, 1).predict(TEST.x()).values())
        .isNotEqualTo(fit(orderedNoBootstrap, TRAIN, VALID, 2, 2).predict(TEST.x()).values());
  }

  @Test
  void a_random_subspace_still_learns_and_changes_the_trees() {
    CatBoostModel sub = fit(with(SMALL, "rsm", "0.3"), TRAIN, VALID, 2, 4);
    assertThat(auc(sub, TEST)).isGreaterThan(0.78); // the planted signal's Bayes AUC is about 0.84
    assertThat(sub.predict(TEST.x()).values()).isNotEqualTo(fit(SMALL, TRAIN, VALID, 2, 4).predict(TEST.x()).values());
  }

  @Test
  void every_tree_has_the_configured_depth_and_each_feature_at_most_border_count_borders(@TempDir Path tmp) throws IOException {
    CatBoostModel m = fit(with(SMALL, "depth", "3", "border_count", "16"), TRAIN, VALID, 2, 5);
    Path dir = tmp.resolve("m");
    ModelStore.save(m, FAMILY.name(), dir);
    var json = dev.quiver.model.Json.MAPPER.readTree(Files.readAllBytes(dir.resolve(CatBoostModel.FILE)));
    assertThat(json.get("trees").size()).isEqualTo(m.treeCount());
    for (var tree : json.get("trees")) {
      assertThat(tree.get("features").size()).isEqualTo(3);
      assertThat(tree.get("borders").size()).isEqualTo(3);
      assertThat(tree.get("leaves").size()).isEqualTo(8);
    }
    assertThat(json.get("borders").size()).isEqualTo(TRAIN.x().cols());
    for (var col : json.get("borders")) assertThat(col.size()).isLessThanOrEqualTo(16);
  }

  @Test
  void one_row_at_a_time_predicts_exactly_what_the_batch_does() {
    CatBoostModel m = fit(SMALL, TRAIN, VALID, 2, 6);
    double[] batch = m.predict(TEST.x()).values();
    for (int r = 0; r < 200; r++) assertThat(m.predict(TEST.x().rows(r, r + 1)).values()[0]).isEqualTo(batch[r]);
  }

  /** The planted rows plus a categorical column: 30 regimes, each with its own positive rate, that alone decide the label. */
  static TrainSet withRegimes(TrainSet set, long seed) {
    Random rnd = new Random(seed);
    double[] rate = new double[30];
    Random rates = new Random(99);
    for (int c = 0; c < rate.length; c++) rate[c] = 0.1 + 0.8 * rates.nextDouble();
    float[] code = new float[set.rows()];
    float[] y = new float[set.rows()];
    for (int r = 0; r < code.length; r++) {
      int c = rnd.nextInt(rate.length);
      code[r] = c * 7 + 3;
      y[r] = rnd.nextDouble() < rate[c] ? 1f : 0f;
    }
    return new TrainSet(appendColumn(set.x(), "regime", code), y, Task.BINARY);
  }

  static Matrix appendColumn(Matrix x, String name, float[] values) {
    int rows = x.rows();
    int cols = x.cols();
    float[] data = new float[rows * (cols + 1)];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) data[r * (cols + 1) + j] = x.get(r, j);
      data[r * (cols + 1) + cols] = values[r];
    }
    List<String> names = new ArrayList<>(x.names());
    names.add(name);
    return new Matrix(data, rows, cols + 1, names);
  }

  @Test
  void a_declared_categorical_column_is_learned_through_its_target_statistics() {
    TrainSet train = withRegimes(TRAIN, 1);
    TrainSet valid = withRegimes(VALID, 2);
    TrainSet test = withRegimes(TEST, 3);
    CatBoostModel byName = fit(with(SMALL, "cat_features", "regime"), train, valid, 2, 8);
    assertThat(auc(byName, test)).isGreaterThan(0.7);
    assertThat(byName.importance().orElseThrow().ranked().get(0)).isEqualTo("regime");
    CatBoostModel byIndex = fit(with(SMALL, "cat_features", String.valueOf(train.x().cols() - 1)), train, valid, 2, 8);
    assertThat(byIndex.predict(test.x()).values()).isEqualTo(byName.predict(test.x()).values());
  }

  @Test
  void a_category_per_row_carries_no_leaked_target_into_training() {
    float[] id = new float[TRAIN.rows()];
    for (int r = 0; r < id.length; r++) id[r] = r;
    TrainSet train = new TrainSet(appendColumn(TRAIN.x(), "row_id", id), TRAIN.y(), Task.BINARY);
    CatBoostModel m = fit(with(SMALL, "cat_features", "row_id"), train, null, 2, 9);
    // each row's ordered statistic saw no row of its category, so the column is the prior everywhere: nothing to split on
    assertThat(m.importance().orElseThrow().values().get("row_id")).isZero();
    assertThat(m.importance().orElseThrow().ranked().get(0)).isIn(PlantedFutures.CARRIERS);
  }

  @Test
  void a_categorical_cell_that_is_not_a_whole_number_fails_naming_its_row_column_and_value() {
    float[] code = new float[TRAIN.rows()];
    code[3] = 1.5f;
    code[10] = 2.25f;
    TrainSet train = new TrainSet(appendColumn(TRAIN.x(), "session", code), TRAIN.y(), Task.BINARY);
    assertThatThrownBy(() -> fit(with(SMALL, "cat_features", "session"), train, null, 1, 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 4").hasMessageContaining("'session'").hasMessageContaining("1.5")
        .hasMessageContaining("line 11").hasMessageContaining("2.25");
    assertThatThrownBy(() -> fit(with(SMALL, "cat_features", "sesion"), train, null, 1, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'session'?");
    assertThatThrownBy(() -> fit(with(SMALL, "cat_features", "99"), train, null, 1, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("99");
  }

  @Test
  void a_model_with_a_categorical_column_reloads_to_bit_identical_predictions(@TempDir Path tmp) {
    TrainSet train = withRegimes(TRAIN, 1);
    TrainSet test = withRegimes(TEST, 3);
    CatBoostModel m = fit(with(SMALL, "cat_features", "regime"), train, withRegimes(VALID, 2), 2, 8);
    Path dir = tmp.resolve("m");
    ModelStore.save(m, FAMILY.name(), dir);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    assertThat(loaded.predict(test.x()).values()).isEqualTo(m.predict(test.x()).values());
    float[] unseen = test.x().contiguous().clone();
    unseen[test.x().cols() - 1] = 12345f;
    Matrix oneUnseen = new Matrix(unseen, 1, test.x().cols(), test.x().names());
    assertThat(loaded.predict(oneUnseen).values()).isEqualTo(m.predict(oneUnseen).values());
  }

  @Test
  void regression_predictions_are_raw_values_and_binary_ones_probabilities() {
    CatBoostModel binary = fit(SMALL, TRAIN, VALID, 2, 1);
    for (double p : binary.predict(TEST.x()).values()) assertThat(p).isBetween(0.0, 1.0);
    assertThat(binary.learningCurve().orElseThrow().metric()).isEqualTo("logloss");
    float[] y = new float[TRAIN.rows()];
    for (int r = 0; r < y.length; r++) y[r] = 100f + 10f * TRAIN.y()[r];
    CatBoostModel regression = fit(SMALL, new TrainSet(TRAIN.x(), y, Task.REGRESSION), null, 2, 1);
    double[] v = regression.predict(TEST.x()).values();
    for (double p : v) assertThat(p).isBetween(99.0, 111.0);
    assertThat(regression.learningCurve().orElseThrow().metric()).isEqualTo("rmse");
  }

  @Test
  void the_family_says_it_is_quivers_implementation_not_the_catboost_library() {
    assertThat(FAMILY.description()).contains("Quiver").contains("not the CatBoost library");
    assertThat(FAMILY.params("balanced", Map.of()).getString("boosting_type")).isEqualTo("Ordered");
    assertThat(FAMILY.params("conservative", Map.of()).getInt("depth")).isEqualTo(4);
    assertThat(FAMILY.params("aggressive", Map.of("depth", "5")).getInt("depth")).isEqualTo(5);
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("boosting_type", "Fancy")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("[Ordered, Plain]");
  }
}
