package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.QuantileMetrics;
import dev.quiver.model.FitInfo;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuantileLightGbmFamilyTest {

  private static final QuantileLightGbmFamily FAMILY = new QuantileLightGbmFamily();

  private Dataset data;
  private Fold fold;
  private TrainSet test;
  private QuantileLightGbmModel model;

  @BeforeAll
  void fit() {
    data = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    fold = new Holdout().fold(data);
    test = data.trainSet(fold.testFrom(), fold.testTo());
    model = (QuantileLightGbmModel) FAMILY.trainer(FAMILY.params("balanced", Map.of("num_iterations", "100")))
        .fit(data.trainSet(fold.trainFrom(), fold.trainTo()), data.trainSet(fold.validFrom(), fold.validTo()), TrainContext.of(1, 7),
            FitInfo.of("balanced"));
  }

  @AfterAll
  void close() {
    model.close();
  }

  @Test
  void each_quantile_is_calibrated_on_held_back_rows_and_beats_the_unconditional_quantile() {
    assertThat(model.taus()).containsExactly(0.1, 0.5, 0.9);
    List<QuantileMetrics> scores = model.score(test);
    float[] trainY = data.trainSet(fold.trainFrom(), fold.trainTo()).y().clone();
    Arrays.sort(trainY);
    for (QuantileMetrics q : scores) {
      assertThat(q.coverage()).as("coverage of %s", q.tau()).isBetween(q.tau() - 0.03, q.tau() + 0.03);
      double[] constant = new double[test.rows()];
      Arrays.fill(constant, trainY[(int) (q.tau() * (trainY.length - 1))]);
      assertThat(q.pinballLoss()).as("pinball of %s", q.tau()).isLessThan(0.85 * QuantileMetrics.of(test.y(), constant, q.tau()).pinballLoss());
    }
    assertThat(model.validationScores()).hasSize(3).allSatisfy(q -> assertThat(q.n()).isEqualTo(fold.validTo() - fold.validFrom()));
  }

  @Test
  void forecasts_never_cross_and_are_each_row_s_booster_forecasts_sorted() {
    QuantileForecast f = model.quantiles(test.x());
    double[][] raw = new double[3][];
    for (int q = 0; q < 3; q++) raw[q] = model.members().get(q).predict(test.x()).values();
    for (int r = 0; r < test.rows(); r++) {
      double[] expected = {raw[0][r], raw[1][r], raw[2][r]};
      Arrays.sort(expected);
      assertThat(new double[] {f.get(r, 0), f.get(r, 1), f.get(r, 2)}).containsExactly(expected);
      assertThat(f.get(r, 0)).isLessThanOrEqualTo(f.get(r, 1));
      assertThat(f.get(r, 1)).isLessThanOrEqualTo(f.get(r, 2));
    }
    assertThat(model.predict(test.x()).values()).isEqualTo(f.column(1));
    assertThat(model.centralTau()).isEqualTo(0.5);
    assertThat(model.predict(test.x()).task()).isEqualTo(Task.REGRESSION);
  }

  @Test
  void a_saved_model_is_one_artifact_that_reloads_to_bit_identical_quantiles(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    ModelStore.save(model, FAMILY.name(), dir);
    assertThat(dir.resolve("q0.model.txt")).exists();
    assertThat(dir.resolve("q2.lightgbm.json")).exists();
    try (QuantileLightGbmModel loaded = (QuantileLightGbmModel) ModelStore.load(dir, ModelFamilies.discover())) {
      assertThat(loaded.quantiles(test.x())).isEqualTo(model.quantiles(test.x()));
      assertThat(loaded.predict(test.x()).values()).isEqualTo(model.predict(test.x()).values());
      assertThat(loaded.validationScores()).isEqualTo(model.validationScores());
      assertThat(loaded.provenance()).isEqualTo(model.provenance());
      assertThat(loaded.importance()).isEqualTo(model.importance());
      assertThat(loaded.learningCurve()).isEqualTo(model.learningCurve());
    }
    Path member = dir.resolve("q1.model.txt");
    Files.writeString(member, Files.readString(member).replaceFirst("learning_rate", "learning_rate_"));
    assertThatThrownBy(() -> ModelStore.load(dir, ModelFamilies.discover()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("SHA-256").hasMessageContaining("q1.model.txt");
  }

  @Test
  void params_parse_the_quantile_list_and_fail_clearly() {
    assertThat(QuantileLightGbmFamily.quantiles("0.9, 0.1,0.5")).containsExactly(0.1, 0.5, 0.9);
    assertThat(FAMILY.params("aggressive", Map.of()).getInt("num_leaves")).isEqualTo(127);
    assertThat(FAMILY.params("conservative", Map.of()).getInt("num_leaves")).isEqualTo(15);
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("quantiles", "0.5,1.2")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("'1.2'");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("quantiles", "0.5,0.5")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("quantile", "0.5")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("did you mean 'quantiles'?");
    assertThat(ModelFamilies.discover().get(QuantileLightGbmFamily.NAME)).isInstanceOf(QuantileLightGbmFamily.class);
    assertThat(FAMILY.tasks()).containsExactly(Task.REGRESSION);
  }

  @Test
  void a_binary_label_fails_as_bad_input() {
    Dataset binary = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    assertThatThrownBy(() -> FAMILY.trainer(FAMILY.params("balanced", Map.of())).fit(binary.trainSet(0, 1000), null, TrainContext.of(1, 1),
        FitInfo.of("balanced"))).isInstanceOf(BadInputException.class).hasMessageContaining("regression label");
  }
}
