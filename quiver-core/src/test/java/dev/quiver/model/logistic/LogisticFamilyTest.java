package dev.quiver.model.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Params;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticFamilyTest {

  static final LogisticFamily FAMILY = new LogisticFamily();
  static final TrainSet TRAIN = PlantedSignal.binary(4000, 1);
  static final TrainSet TEST = PlantedSignal.binary(2000, 2);
  static final FitInfo INFO = new FitInfo("balanced", "abc123", "holdout");

  static FittedModel fit(TrainSet train, Map<String, String> overrides, long seed) {
    return FAMILY.trainer(FAMILY.params("balanced", overrides)).fit(train, null, TrainContext.of(1, seed), INFO);
  }

  static double auc(FittedModel m, TrainSet set) {
    return ClassificationMetrics.of(set.y(), m.predict(set.x()).values()).auc();
  }

  @Test
  void learns_a_planted_linear_signal_whichever_class_liblinear_sees_first() {
    FittedModel zeroFirst = fit(PlantedSignal.firstRowOfClass(TRAIN, 0), Map.of(), 7);
    FittedModel oneFirst = fit(PlantedSignal.firstRowOfClass(TRAIN, 1), Map.of(), 7);
    assertThat(auc(zeroFirst, TEST)).isGreaterThan(0.9);
    assertThat(auc(oneFirst, TEST)).isGreaterThan(0.9);
    double[] a = zeroFirst.predict(TEST.x()).values();
    double[] b = oneFirst.predict(TEST.x()).values();
    for (int i = 0; i < a.length; i++) assertThat(a[i]).isCloseTo(b[i], within(1e-6));
    // P(class 1) rises with the signal and falls with the counter-signal
    assertThat(zeroFirst.importance().orElseThrow().ranked()).startsWith("signal", "counter");
    assertThat(zeroFirst.importance().orElseThrow().kind()).isEqualTo("abs_coefficient");
  }

  @Test
  void predictions_are_probabilities_of_class_one() {
    FittedModel m = fit(TRAIN, Map.of(), 1);
    float[] x = {2f, -2f, 1000f, 0f, -2f, 2f, 1000f, 0f};
    double[] p = m.predict(new Matrix(x, 2, 4, PlantedSignal.NAMES)).values();
    assertThat(p[0]).isGreaterThan(0.99); // 4*2 - 3*(-2) = 14
    assertThat(p[1]).isLessThan(0.01);
    assertThat(m.predict(TEST.x()).task()).isEqualTo(Task.BINARY);
  }

  @Test
  void a_missing_value_counts_as_the_training_mean() {
    FittedModel m = fit(TRAIN, Map.of(), 1);
    double meanLevel = 0;
    int n = TRAIN.rows();
    for (int r = 0; r < n; r++) meanLevel += TRAIN.x().get(r, 2);
    meanLevel /= n;
    float[] withNaN = {0.5f, 0.1f, Float.NaN, 0.2f};
    float[] withMean = {0.5f, 0.1f, (float) meanLevel, 0.2f};
    double a = m.predict(new Matrix(withNaN, 1, 4, PlantedSignal.NAMES)).values()[0];
    double b = m.predict(new Matrix(withMean, 1, 4, PlantedSignal.NAMES)).values()[0];
    assertThat(a).isCloseTo(b, within(1e-6));
  }

  @Test
  void l1_with_strong_regularization_zeroes_the_irrelevant_features() {
    FittedModel m = fit(TRAIN, Map.of("penalty", "l1", "c", "0.005"), 1);
    Map<String, Double> imp = m.importance().orElseThrow().values();
    assertThat(imp.get("level")).isZero();
    assertThat(imp.get("signal")).isPositive();
  }

  @Test
  void balanced_class_weights_raise_the_rare_class_probability() {
    TrainSet rare = PlantedSignal.binary(4000, 3, -4.0);
    double rate = 0;
    for (float v : rare.y()) rate += v;
    rate /= rare.rows();
    assertThat(rate).isBetween(0.15, 0.35);
    double plain = mean(fit(rare, Map.of(), 1).predict(rare.x()).values());
    double balanced = mean(fit(rare, Map.of("class_weight", "balanced"), 1).predict(rare.x()).values());
    // the intercept is not penalized, so unweighted fitted probabilities average to the class-1 rate
    assertThat(plain).isCloseTo(rate, within(0.01));
    assertThat(balanced).isGreaterThan(plain + 0.05);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  @Test
  void the_same_seed_gives_identical_predictions_with_the_shuffling_dual_solver() {
    Map<String, String> dual = Map.of("solver", "dual");
    double[] a = fit(TRAIN, dual, 42).predict(TEST.x()).values();
    double[] b = fit(TRAIN, dual, 42).predict(TEST.x()).values();
    assertThat(a).isEqualTo(b);
    assertThat(ClassificationMetrics.of(TEST.y(), a).auc()).isGreaterThan(0.9);
  }

  @Test
  void variants_differ_in_c_and_unknown_keys_suggest_the_near_one() {
    assertThat(FAMILY.variants()).containsExactlyInAnyOrder("conservative", "balanced", "aggressive");
    assertThat(FAMILY.params("conservative", Map.of()).getDouble("c")).isEqualTo(0.1);
    assertThat(FAMILY.params("aggressive", Map.of()).getDouble("c")).isEqualTo(10.0);
    Params p = FAMILY.params("balanced", Map.of("c", "2.5", "max_iter", "50"));
    assertThat(p.getDouble("c")).isEqualTo(2.5);
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("max_iters", "5")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown parameter 'max_iters'")
        .hasMessageContaining("did you mean 'max_iter'?")
        .hasMessageContaining("class_weight");
    assertThatThrownBy(() -> FAMILY.params("agressive", Map.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'aggressive'?");
  }

  @Test
  void bad_values_fail_naming_the_value() {
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("c", "abc"))).isInstanceOf(BadInputException.class).hasMessageContaining("'abc'");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("c", "-1"))).isInstanceOf(BadInputException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("penalty", "l3")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("'l3'").hasMessageContaining("[l2, l1]");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("penalty", "l1", "solver", "dual")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("l2 only");
  }

  @Test
  void regression_targets_and_a_single_class_are_refused() {
    TrainSet regression = new TrainSet(TRAIN.x(), TRAIN.y(), Task.REGRESSION);
    assertThatThrownBy(() -> fit(regression, Map.of(), 1)).isInstanceOf(BadInputException.class).hasMessageContaining("binary labels only");
    TrainSet oneClass = new TrainSet(TRAIN.x().rows(0, 3), new float[] {1, 1, 1}, Task.BINARY);
    assertThatThrownBy(() -> fit(oneClass, Map.of(), 1)).isInstanceOf(BadInputException.class).hasMessageContaining("both classes");
  }

  @Test
  void provenance_records_family_variant_params_seed_data_and_runtime() {
    FittedModel m = fit(TRAIN, Map.of("c", "0.5"), 99);
    var p = m.provenance();
    assertThat(p.family()).isEqualTo("logistic");
    assertThat(p.variant()).isEqualTo("balanced");
    assertThat(p.params()).containsEntry("c", "0.5").containsEntry("penalty", "l2");
    assertThat(p.seed()).isEqualTo(99);
    assertThat(p.dataSha256()).isEqualTo("abc123");
    assertThat(p.fold()).isEqualTo("holdout");
    assertThat(p.features()).isEqualTo(PlantedSignal.NAMES);
    assertThat(p.runtime()).containsEntry("liblinear", "2.44").containsKeys("java", "os", "arch");
  }

  @Test
  void a_saved_model_reloads_through_the_store_and_predicts_bit_identically(@TempDir Path tmp) {
    FittedModel m = fit(TRAIN, Map.of(), 5);
    Path dir = tmp.resolve("model");
    ModelStore.save(m, FAMILY.name(), dir);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    assertThat(loaded).isInstanceOf(LogisticModel.class);
    assertThat(loaded.predict(TEST.x()).values()).isEqualTo(m.predict(TEST.x()).values());
    assertThat(loaded.inputSchema()).isEqualTo(m.inputSchema());
    assertThat(loaded.provenance()).isEqualTo(m.provenance());
    assertThat(loaded.importance()).isEqualTo(m.importance());
  }

  @Test
  void a_tampered_model_file_fails_its_sha256_check(@TempDir Path tmp) throws IOException {
    FittedModel m = fit(TRAIN, Map.of(), 5);
    Path dir = tmp.resolve("model");
    ModelStore.save(m, FAMILY.name(), dir);
    Path file = dir.resolve(LogisticModel.FILE);
    String json = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, json.replaceFirst("\"intercept\" : ", "\"intercept\" : 1"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ModelStore.load(dir, ModelFamilies.discover()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("SHA-256")
        .hasMessageContaining(LogisticModel.FILE);
  }

  @Test
  void the_service_loader_finds_the_family() {
    assertThat(ModelFamilies.discover().get("logistic")).isInstanceOf(LogisticFamily.class);
    assertThat(FAMILY.tasks()).containsExactly(Task.BINARY);
  }

  @Test
  void columns_other_than_the_trained_ones_are_refused() {
    FittedModel m = fit(TRAIN, Map.of(), 1);
    Matrix wrong = new Matrix(new float[4], 1, 4, java.util.List.of("signal", "level", "counter", "noise"));
    assertThatThrownBy(() -> m.predict(wrong)).isInstanceOf(BadInputException.class).hasMessageContaining("'level'");
  }
}
