package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.ForwardReturn;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.model.FitInfo;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GanFamilyTest {

  /** AR(1) coefficient planted into the returns of real bars: the next-bar direction then follows the last return. */
  private static final double PHI = 0.5;
  private static final Map<String, String> SMALL = Map.of("epochs", "8", "batch_size", "512", "lookback", "8", "hidden", "16", "gan_epochs", "8",
      "gan_hidden", "32", "noise", "8");

  private Dataset momentum;
  private GanModel model;

  @BeforeAll
  void fit() {
    momentum = momentumDirection(6_000);
    model = fit(Map.of(), momentum, 7);
  }

  @AfterAll
  void close() {
    model.close();
  }

  private static GanModel fit(Map<String, String> overrides, Dataset d, long seed) {
    GanFamily f = new GanFamily();
    Map<String, String> p = new HashMap<>(SMALL);
    p.putAll(overrides);
    return (GanModel) f.trainer(f.params("balanced", p)).fit(d.trainSet(0, 3000), d.trainSet(3000, 4000), TrainContext.of(1, seed),
        FitInfo.of("balanced"));
  }

  /**
   * The first {@code n} 1m bars of IFL8.cfe with closes rebuilt so that {@code r[t] = PHI r[t-1] +
   * e[t]}, {@code e} the real bar's return (real times, volumes and return noise), labelled by the
   * next-bar direction.
   */
  static Dataset momentumDirection(int n) {
    Bars real = TestData.futures(PlantedFutures.SYMBOL);
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double prev = real.close()[0];
    double r = 0;
    for (int t = 0; t < n; t++) {
      r = PHI * r + real.close()[t + 1] / real.close()[t] - 1;
      open[t] = prev;
      close[t] = prev * (1 + r);
      high[t] = Math.max(open[t], close[t]) * 1.0002;
      low[t] = Math.min(open[t], close[t]) * 0.9998;
      prev = close[t];
    }
    Bars b = new Bars(PlantedFutures.SYMBOL, real.timeframe(), java.util.Arrays.copyOfRange(real.time(), 1, n + 1), open, high, low, close,
        java.util.Arrays.copyOfRange(real.volume(), 1, n + 1));
    FeatureSet set = FeatureSet.parse("seed12", List.of());
    return DatasetBuilder.build(List.of(set.compute(b)), List.of(new NextBarDirection().label(b)), set.lookback());
  }

  private double testAuc(GanModel m, Dataset d) {
    TrainSet test = d.trainSet(4000, d.rows());
    return ClassificationMetrics.of(test.y(), m.predict(test.x()).values()).auc();
  }

  @Test
  void learns_planted_momentum_from_real_and_synthetic_windows_labelled_by_the_next_bar_direction() {
    GanModel.Augmentation a = model.augmentation();
    assertThat(a.used()).isTrue();
    assertThat(a.labelRule()).isEqualTo("direction");
    assertThat(a.labelAgreement()).isEqualTo(1.0);
    assertThat((double) a.syntheticWindows() / (a.syntheticWindows() + a.realWindows())).isCloseTo(0.3, org.assertj.core.api.Assertions.within(0.01));
    assertThat(a.realism().ks()).isBetween(0.0, 1.0);
    assertThat(a.realism().realAcf()).hasSize(GanTrainer.REALISM_LAGS);
    assertThat(testAuc(model, momentum)).isGreaterThan(0.65);
    assertThat(model.importance().orElseThrow().ranked().get(0)).isEqualTo("price_change");
  }

  @Test
  void the_same_seed_gives_identical_predictions_and_a_saved_model_loads_to_them(@TempDir Path tmp) throws Exception {
    TrainSet test = momentum.trainSet(4000, 4500);
    try (GanModel again = fit(Map.of(), momentum, 7)) {
      assertThat(again.predict(test.x()).values()).isEqualTo(model.predict(test.x()).values());
    }
    ModelStore.save(model, GanFamily.NAME, tmp.resolve("m"));
    try (GanModel loaded = (GanModel) ModelStore.load(tmp.resolve("m"), ModelFamilies.discover())) {
      assertThat(loaded.predict(test.x()).values()).isEqualTo(model.predict(test.x()).values());
      assertThat(loaded.learningCurve()).isEqualTo(model.learningCurve());
      assertThat(loaded.provenance()).isEqualTo(model.provenance());
      assertThat(loaded.augmentation().realism().ks()).isEqualTo(model.augmentation().realism().ks());
      assertThat(loaded.augmentation().realism().generatedAbsAcf()).isEqualTo(model.augmentation().realism().generatedAbsAcf());
    }
  }

  @Test
  void a_label_no_return_rule_reproduces_trains_on_real_windows_only_and_says_why() {
    Dataset planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    try (GanModel m = fit(Map.of(), planted, 3)) {
      assertThat(m.augmentation().used()).isFalse();
      assertThat(m.augmentation().syntheticWindows()).isZero();
      assertThat(m.augmentation().reason()).contains("no rule", "gan.horizon");
      TrainSet test = planted.trainSet(4000, 8000);
      assertThat(ClassificationMetrics.of(test.y(), m.predict(test.x()).values()).auc()).isGreaterThan(0.75);
    }
  }

  @Test
  void a_forward_return_label_is_reproduced_by_the_simple_return_rule_at_its_horizon() {
    Bars b = TestData.futures(PlantedFutures.SYMBOL).slice(0, 3000);
    FeatureSet set = FeatureSet.parse("seed12", List.of());
    Dataset d = DatasetBuilder.build(List.of(set.compute(b)), List.of(new ForwardReturn(3).label(b)), set.lookback());
    TrainSet t = d.trainSet(0, 2000);
    int col = GanTrainer.column("auto", t.x().names());
    ReturnLabelRule.Match m = ReturnLabelRule.match(GanModel.column(t.x(), col), t.y(), Task.REGRESSION, 3);
    assertThat(m.rule().kind()).isEqualTo(ReturnLabelRule.Kind.SIMPLE);
    assertThat(m.agreement()).isGreaterThan(0.99);
    assertThat(ReturnLabelRule.match(GanModel.column(t.x(), col), t.y(), Task.REGRESSION, 1).agreement()).isLessThan(0.5);
  }

  @Test
  void synthetic_share_zero_disables_augmentation_and_out_of_range_values_fail_naming_the_key() {
    try (GanModel m = fit(Map.of("synthetic_share", "0"), momentum, 7)) {
      assertThat(m.augmentation().used()).isFalse();
      assertThat(m.augmentation().reason()).isEqualTo("synthetic_share is 0");
    }
    GanFamily f = new GanFamily();
    assertThatThrownBy(() -> f.params("balanced", Map.of("synthetic_share", "0.95"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("synthetic_share");
    assertThatThrownBy(() -> f.params("balanced", Map.of("synthetic_shar", "0.2"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("did you mean 'synthetic_share'?");
    assertThat(f.variants()).contains("conservative", "balanced", "aggressive");
    assertThat(ModelFamilies.discover().get(GanFamily.NAME)).isInstanceOf(GanFamily.class);
  }
}
