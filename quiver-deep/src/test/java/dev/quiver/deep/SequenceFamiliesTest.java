package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sequence family at tiny shapes on a slice of real futures minute bars: it learns the
 * planted signal (carried by the window's last bar), gets an honest AUC on the real next-bar
 * direction, is deterministic for a seed, and round-trips save/load to identical predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SequenceFamiliesTest {

  private static final int TRAIN = 4000;
  private static final int VALID = 5000;
  private static final int TEST = 6500;

  private Dataset planted;
  private final List<FittedModel> open = new ArrayList<>();

  @BeforeAll
  void data() {
    planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
  }

  @AfterAll
  void close() throws Exception {
    for (FittedModel m : open) if (m instanceof AutoCloseable c) c.close();
  }

  static Stream<ModelFamily> families() {
    return Stream.of(new LstmFamily(), new Cnn1dFamily(), new CnnLstmFamily(), new TransformerFamily());
  }

  private static Map<String, String> tiny(ModelFamily f) {
    Map<String, String> m = new java.util.HashMap<>(Map.of("lookback", "8", "epochs", "4", "batch_size", "128", "learning_rate", "0.005",
        "dropout", "0.0"));
    switch (f.name()) {
      case "lstm" -> m.putAll(Map.of("hidden", "16", "layers", "1"));
      case "cnn1d" -> m.putAll(Map.of("filters", "8", "levels", "2"));
      case "cnn_lstm" -> m.putAll(Map.of("filters", "8", "levels", "1", "hidden", "16"));
      case "transformer" -> m.putAll(Map.of("model", "16", "heads", "2", "feed_forward", "16"));
      default -> throw new IllegalArgumentException(f.name());
    }
    return m;
  }

  private FittedModel fit(ModelFamily f, Dataset d, long seed) {
    FittedModel m = f.trainer(f.params("balanced", tiny(f))).fit(d.trainSet(0, TRAIN), d.trainSet(TRAIN, VALID), TrainContext.of(1, seed),
        FitInfo.of("balanced"));
    open.add(m);
    return m;
  }

  private static double auc(FittedModel m, TrainSet test) {
    return ClassificationMetrics.of(test.y(), m.predict(test.x()).values()).auc();
  }

  @ParameterizedTest
  @MethodSource("families")
  void learns_a_planted_signal_and_round_trips_save_and_load(ModelFamily family, @TempDir Path tmp) {
    FittedModel m = fit(family, planted, 11);
    TrainSet test = planted.trainSet(VALID, TEST);
    assertThat(auc(m, test)).as(family.name()).isGreaterThan(0.75);

    LearningCurve curve = m.learningCurve().orElseThrow();
    assertThat(curve.iterations()).isBetween(1, 4);
    assertThat(curve.validation()).hasSize(curve.iterations());
    assertThat(m.importance().orElseThrow().ranked().get(0)).isIn(PlantedFutures.CARRIERS);

    ModelStore.save(m, family.name(), tmp.resolve("m"));
    FittedModel loaded = ModelStore.load(tmp.resolve("m"), ModelFamilies.discover());
    open.add(loaded);
    assertThat(loaded.predict(test.x()).values()).isEqualTo(m.predict(test.x()).values());
    assertThat(loaded.learningCurve()).isEqualTo(m.learningCurve());
    assertThat(loaded.provenance()).isEqualTo(m.provenance());
  }

  @ParameterizedTest
  @MethodSource("families")
  void the_same_seed_gives_identical_predictions_and_the_real_label_an_honest_auc(ModelFamily family) {
    Dataset real = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    FittedModel a = fit(family, real, 3);
    FittedModel b = fit(family, real, 3);
    TrainSet test = real.trainSet(VALID, TEST);
    assertThat(b.predict(test.x()).values()).isEqualTo(a.predict(test.x()).values());
    assertThat(auc(a, test)).as(family.name()).isBetween(0.4, 0.62);
  }
}
