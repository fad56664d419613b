package dev.quiver.model.multitask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.MultiOutput;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTaskFamilyTest {

  private static final MultiTaskFamily FAMILY = new MultiTaskFamily();
  private static final Map<String, String> FAST = Map.of("targets", "mdd,mfe");

  private TrainSet train;
  private TrainSet valid;
  private TrainSet test;
  private FittedModel model;

  /**
   * Real futures bars with a planted direction (from price_change) and planted auxiliary targets:
   * mdd:H from |price_change|, mfe:H from volume_ratio, each undefined (NaN) on every 50th row.
   */
  @BeforeAll
  void fit() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    int n = 3_000;
    float[] mdd = planted(d, "price_change", true, n, 11);
    float[] mfe = planted(d, "volume_ratio", false, n, 12);
    TrainSet all = new TrainSet(d.x().rows(0, n), Arrays.copyOf(d.y(), n), Task.BINARY, null, Map.of("mdd:H", mdd, "mfe:H", mfe));
    train = slice(all, 0, 2_000);
    valid = slice(all, 2_000, 2_300);
    test = slice(all, 2_300, n);
    model = FAMILY.trainer(FAMILY.params("balanced", FAST)).fit(train, valid, TrainContext.of(1, 7), FitInfo.of("balanced"));
  }

  @AfterAll
  void close() throws Exception {
    ((AutoCloseable) model).close();
  }

  private static float[] planted(Dataset d, String feature, boolean absolute, int n, long seed) {
    int c = d.featureNames().indexOf(feature);
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      sum += d.x().get(i, c);
      sumSq += (double) d.x().get(i, c) * d.x().get(i, c);
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    Random rnd = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      double z = (d.x().get(i, c) - mean) / sd;
      out[i] = i % 50 == 49 ? Float.NaN : (float) ((absolute ? Math.abs(z) : z) + 0.5 * rnd.nextGaussian());
    }
    return out;
  }

  private static TrainSet slice(TrainSet s, int from, int to) {
    return new TrainSet(s.x().rows(from, to), Arrays.copyOfRange(s.y(), from, to), s.task(), null, s.auxiliaryRows(from, to));
  }

  @Test
  void predicts_the_direction_probability_and_learns_the_planted_heads() {
    assertThat(model.inputSchema().task()).isEqualTo(Task.BINARY);
    double auc = ClassificationMetrics.of(test.y(), model.predict(test.x()).values()).auc();
    assertThat(auc).isGreaterThan(0.72);
    MultiOutput heads = (MultiOutput) model;
    assertThat(heads.headNames()).containsExactly("mdd", "mfe");
    Map<String, double[]> forecast = heads.heads(test.x());
    for (String h : List.of("mdd", "mfe")) {
      float[] truth = test.auxiliary(h + ":H");
      int k = 0;
      for (float v : truth) if (!Float.isNaN(v)) k++;
      float[] y = new float[k];
      double[] p = new double[k];
      k = 0;
      for (int i = 0; i < truth.length; i++) {
        if (Float.isNaN(truth[i])) continue;
        y[k] = truth[i];
        p[k++] = forecast.get(h)[i];
      }
      assertThat(RegressionMetrics.of(y, p).r2()).as(h).isGreaterThan(0.4);
    }
  }

  @Test
  void a_saved_model_loads_to_identical_predictions_and_heads(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("m");
    ModelStore.save(model, MultiTaskFamily.NAME, dir);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    try {
      assertThat(loaded).isInstanceOf(MultiHeadModel.class);
      assertThat(loaded.predict(test.x()).values()).isEqualTo(model.predict(test.x()).values());
      Map<String, double[]> a = ((MultiOutput) loaded).heads(test.x());
      Map<String, double[]> b = ((MultiOutput) model).heads(test.x());
      assertThat(a.keySet()).containsExactlyElementsOf(b.keySet());
      for (String h : a.keySet()) assertThat(a.get(h)).isEqualTo(b.get(h));
      assertThat(loaded.provenance()).isEqualTo(model.provenance());
      assertThat(loaded.learningCurve()).isEqualTo(model.learningCurve());
      assertThat(((MultiHeadModel) loaded).specs()).isEqualTo(Map.of("mdd", "mdd:H", "mfe", "mfe:H"));
    } finally {
      ((AutoCloseable) loaded).close();
    }
  }

  @Test
  void the_same_seed_gives_identical_predictions() throws Exception {
    TrainSet small = slice(train, 0, 600);
    Params p = FAMILY.params("balanced", Map.of("targets", "mfe"));
    FittedModel first = FAMILY.trainer(p).fit(small, null, TrainContext.of(1, 3), FitInfo.of("balanced"));
    FittedModel again = FAMILY.trainer(p).fit(small, null, TrainContext.of(1, 3), FitInfo.of("balanced"));
    try {
      assertThat(again.predict(test.x()).values()).isEqualTo(first.predict(test.x()).values());
      assertThat(((MultiOutput) again).heads(test.x()).get("mfe")).isEqualTo(((MultiOutput) first).heads(test.x()).get("mfe"));
    } finally {
      ((AutoCloseable) again).close();
      ((AutoCloseable) first).close();
    }
  }

  @Test
  void the_family_asks_for_its_targets_over_the_main_horizon() {
    assertThat(FAMILY.auxiliaryLabels(FAMILY.params("balanced", Map.of()))).containsExactly("tth:H,0.002", "mdd:H", "mfe:H");
    assertThat(FAMILY.auxiliaryLabels(FAMILY.params("balanced", Map.of("targets", "mfe, tth", "tth_barrier", "0.01")))).containsExactly("mfe:H", "tth:H,0.01");
  }

  @Test
  void variants_pick_the_base_variant_and_bad_settings_fail_naming_what_is_valid() {
    assertThat(FAMILY.variants()).contains("conservative", "balanced", "aggressive");
    assertThat(FAMILY.params("conservative", Map.of()).getString("base_variant")).isEqualTo("conservative");
    Params p = FAMILY.params("aggressive", Map.of("base", "ngboost", "targets", "mdd"));
    assertThat(p.getString("base_variant")).isEqualTo("aggressive");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("targets", "mdd,sharpe"))).isInstanceOf(BadInputException.class).hasMessageContaining("sharpe")
        .hasMessageContaining("tth");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("base", "logistic"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("logistic").hasMessageContaining("regression");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("base", "multitask"))).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("targts", "mdd"))).isInstanceOf(BadInputException.class).hasMessageContaining("targets");
    assertThat(ModelFamilies.discover().get("multitask")).isInstanceOf(MultiTaskFamily.class);
  }

  @Test
  void rows_without_the_auxiliary_targets_fail_naming_the_missing_label() {
    TrainSet bare = new TrainSet(train.x(), train.y(), Task.BINARY);
    assertThatThrownBy(() -> FAMILY.trainer(FAMILY.params("balanced", FAST)).fit(bare, null, TrainContext.of(1, 1), FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("mdd:H");
    Map<String, float[]> onlyMdd = new LinkedHashMap<>(train.auxiliary());
    onlyMdd.remove("mfe:H");
    TrainSet partial = new TrainSet(train.x(), train.y(), Task.BINARY, null, onlyMdd);
    assertThatThrownBy(() -> FAMILY.trainer(FAMILY.params("balanced", FAST)).fit(partial, null, TrainContext.of(1, 1), FitInfo.of("balanced")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("mfe:H");
  }
}
