package dev.quiver.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every model family must do, on real futures bars: learn a planted signal (binary, and
 * regression when it has that task), score an honest AUC on the real next-bar direction, save and
 * load to bit-identical predictions with its learning curve, give identical predictions for the
 * same seed, and resolve its variants and overrides with clear errors. A family's test class
 * extends this and names the family and a few of its keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FamilyContract {

  protected abstract ModelFamily family();

  /** A parameter key and a misspelling of it, e.g. {"max_depth", "max_dept"}. */
  protected abstract String[] keyAndMisspelling();

  /** A numeric parameter key and a value outside its range. */
  protected abstract String[] keyAndOutOfRangeValue();

  /** The smallest held-back AUC the planted binary signal must reach (its Bayes AUC is about 0.84). */
  protected double plantedAuc() {
    return 0.78;
  }

  /** The smallest held-back R2 the planted regression signal must reach (its best is about 0.5). */
  protected double plantedR2() {
    return 0.35;
  }

  private final List<FittedModel> open = new ArrayList<>();
  private Dataset planted;
  private Fold plantedFold;
  private FittedModel plantedModel;

  @BeforeAll
  void fitThePlantedSignal() {
    planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    plantedFold = new Holdout().fold(planted);
    plantedModel = fit("balanced", Map.of(), train(planted, plantedFold), valid(planted, plantedFold), 7);
  }

  @AfterAll
  void closeModels() throws Exception {
    for (FittedModel m : open) if (m instanceof AutoCloseable c) c.close();
  }

  protected FittedModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed) {
    FittedModel m = family().trainer(family().params(variant, overrides)).fit(train, valid, TrainContext.of(1, seed), FitInfo.of(variant));
    open.add(m);
    return m;
  }

  protected static TrainSet train(Dataset d, Fold f) {
    return d.trainSet(f.trainFrom(), f.trainTo());
  }

  protected static TrainSet valid(Dataset d, Fold f) {
    return d.trainSet(f.validFrom(), f.validTo());
  }

  protected static TrainSet test(Dataset d, Fold f) {
    return d.trainSet(f.testFrom(), f.testTo());
  }

  @Test
  void learns_a_planted_signal_on_real_bars() {
    TrainSet test = test(planted, plantedFold);
    double auc = ClassificationMetrics.of(test.y(), plantedModel.predict(test.x()).values()).auc();
    assertThat(auc).isGreaterThan(plantedAuc());
    assertThat(plantedModel.importance().orElseThrow().ranked().get(0)).isIn(PlantedFutures.CARRIERS);
  }

  @Test
  void learns_a_planted_regression_signal_on_real_bars_when_it_does_regression() {
    if (!family().tasks().contains(Task.REGRESSION)) return;
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    Fold f = new Holdout().fold(d);
    FittedModel m = fit("balanced", Map.of(), train(d, f), valid(d, f), 3);
    assertThat(m.inputSchema().task()).isEqualTo(Task.REGRESSION);
    TrainSet test = test(d, f);
    assertThat(RegressionMetrics.of(test.y(), m.predict(test.x()).values()).r2()).isGreaterThan(plantedR2());
  }

  @Test
  void the_real_next_bar_direction_gets_an_honest_auc() {
    Dataset d = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    Fold f = new Holdout().fold(d);
    FittedModel m = fit("balanced", Map.of(), train(d, f), valid(d, f), 42);
    TrainSet test = test(d, f);
    double auc = ClassificationMetrics.of(test.y(), m.predict(test.x()).values()).auc();
    assertThat(auc).isBetween(0.45, 0.6); // next-minute direction is near-random; far above 0.6 would mean a leak
  }

  @Test
  void a_saved_model_loads_to_bit_identical_predictions_and_keeps_its_learning_curve(@TempDir Path tmp) {
    Path dir = tmp.resolve("m");
    ModelStore.save(plantedModel, family().name(), dir);
    TrainSet test = test(planted, plantedFold);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    open.add(loaded);
    assertThat(loaded.predict(test.x()).values()).isEqualTo(plantedModel.predict(test.x()).values());
    assertThat(loaded.learningCurve()).isEqualTo(plantedModel.learningCurve());
    assertThat(loaded.provenance()).isEqualTo(plantedModel.provenance());
    assertThat(loaded.importance()).isEqualTo(plantedModel.importance());
    assertThat(loaded.provenance().family()).isEqualTo(family().name());
  }

  @Test
  void the_learning_curve_has_a_train_and_a_validation_score_per_iteration() {
    LearningCurve c = plantedModel.learningCurve().orElseThrow();
    assertThat(c.iterations()).isPositive();
    assertThat(c.validation()).hasSize(c.iterations());
    assertThat(c.bestIteration()).isBetween(1, c.iterations());
    for (double v : c.train()) assertThat(v).isFinite();
    assertThat(c.metric()).isNotBlank();
  }

  @Test
  void the_same_seed_gives_identical_predictions() {
    FittedModel again = fit("balanced", Map.of(), train(planted, plantedFold), valid(planted, plantedFold), 7);
    TrainSet test = test(planted, plantedFold);
    assertThat(again.predict(test.x()).values()).isEqualTo(plantedModel.predict(test.x()).values());
  }

  @Test
  void variants_resolve_and_unknown_keys_and_bad_values_fail_naming_them() {
    ModelFamily f = family();
    assertThat(f.variants()).contains("conservative", "balanced", "aggressive");
    for (String v : f.variants()) assertThat(f.params(v, Map.of()).values()).isNotEmpty();
    Params balanced = f.params("balanced", Map.of());
    assertThat(balanced.declared()).allSatisfy((Param p) -> assertThat(p.description()).isNotBlank());
    assertThat(f.params("conservative", Map.of())).isNotEqualTo(balanced);
    assertThat(f.params("aggressive", Map.of())).isNotEqualTo(balanced);
    String[] misspelled = keyAndMisspelling();
    assertThatThrownBy(() -> f.params("balanced", Map.of(misspelled[1], "1")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean '" + misspelled[0] + "'?");
    String[] range = keyAndOutOfRangeValue();
    assertThatThrownBy(() -> f.params("balanced", Map.of(range[0], range[1])))
        .isInstanceOf(BadInputException.class).hasMessageContaining(range[0]).hasMessageContaining(range[1]);
    assertThatThrownBy(() -> f.params("balanced", Map.of(range[0], "lots")))
        .isInstanceOf(BadInputException.class).hasMessageContaining(range[0]).hasMessageContaining("'lots'");
    assertThatThrownBy(() -> f.params("huge", Map.of()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("aggressive").hasMessageContaining("conservative");
    String override = String.valueOf(balanced.get(range[0]));
    assertThat(String.valueOf(f.params("aggressive", Map.of(range[0], override)).get(range[0]))).isEqualTo(override);
  }

  @Test
  void the_service_loader_finds_the_family() {
    assertThat(ModelFamilies.discover().get(family().name()).getClass()).isEqualTo(family().getClass());
  }
}
