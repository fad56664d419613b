package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.ForecastRanking;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.AuxiliaryLabels;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.MultiOutput;
import dev.quiver.model.Progress;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTaskNetFamilyTest {

  private static final MultiTaskNetFamily FAMILY = new MultiTaskNetFamily();
  private static final Map<String, String> SMALL = Map.of("hidden", "32", "dropout", "0.0", "epochs", "8", "batch_size", "512",
      "learning_rate", "0.01", "patience", "3", "weight_tth", "0.5", "weight_mdd", "0.5", "weight_mfe", "0.5");

  private TrainSet train;
  private TrainSet valid;
  private TrainSet test;
  private FittedModel model;

  /**
   * Real futures bars with real tth/mdd/mfe labels over 10 bars as auxiliary targets, built as the
   * experiment runner builds them; the direction is planted: 1 when the bar's standardized
   * price_change plus unit Gaussian noise is positive (Bayes AUC about 0.84).
   */
  @BeforeAll
  void fit() {
    Bars bars = TestData.futures(PlantedFutures.SYMBOL).slice(0, 8_000);
    FeatureSet set = FeatureSet.parse("seed12", List.of());
    Map<String, List<Targets>> aux = new LinkedHashMap<>();
    for (String spec : FAMILY.auxiliaryLabels(FAMILY.params("balanced", Map.of()))) {
      aux.put(spec, List.of(AuxiliaryLabels.resolve(spec, 10).label(bars)));
    }
    Dataset d = DatasetBuilder.build(List.of(set.compute(bars)), List.of(new NextBarDirection().label(bars)), set.lookback(), aux);
    float[] planted = planted(d);
    Dataset p = new Dataset(d.x(), planted, Task.BINARY, d.time(), d.symbolIndex(), d.symbols(), d.labelEnd(), d.forwardReturn(), d.sha256(),
        d.auxiliary());
    int n = p.rows();
    train = p.trainSet(0, n * 6 / 10);
    valid = p.trainSet(n * 6 / 10, n * 8 / 10);
    test = p.trainSet(n * 8 / 10, n);
    model = fit(SMALL, train, valid, TrainContext.of(2, 7));
  }

  private static float[] planted(Dataset d) {
    int col = d.featureNames().indexOf("price_change");
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < d.rows(); i++) {
      sum += d.x().get(i, col);
      sq += (double) d.x().get(i, col) * d.x().get(i, col);
    }
    double sd = Math.sqrt(sq / d.rows() - (sum / d.rows()) * (sum / d.rows()));
    Random rnd = new Random(5);
    float[] y = new float[d.rows()];
    for (int i = 0; i < y.length; i++) y[i] = d.x().get(i, col) / sd + rnd.nextGaussian() > 0 ? 1f : 0f;
    return y;
  }

  private static FittedModel fit(Map<String, String> params, TrainSet train, TrainSet valid, TrainContext ctx) {
    return FAMILY.trainer(FAMILY.params("balanced", params)).fit(train, valid, ctx, FitInfo.of("balanced"));
  }

  @AfterAll
  void close() throws Exception {
    ((AutoCloseable) model).close();
  }

  @Test
  void learns_the_planted_direction_and_its_heads_rank_held_back_excursions() {
    assertThat(model.inputSchema().task()).isEqualTo(Task.BINARY);
    assertThat(ClassificationMetrics.of(test.y(), model.predict(test.x()).values()).auc()).isGreaterThan(0.75);
    MultiOutput out = (MultiOutput) model;
    assertThat(out.headNames()).containsExactly("tth", "mdd", "mfe");
    Map<String, double[]> heads = out.heads(test.x());
    // mdd and mfe grow with recent volatility, which the features carry: the heads must rank them better than chance
    for (String h : List.of("mdd", "mfe")) {
      float[] truth = test.auxiliary(h + ":H");
      int k = 0;
      for (float v : truth) if (!Float.isNaN(v)) k++;
      double[] p = new double[k];
      double[] y = new double[k];
      k = 0;
      for (int i = 0; i < truth.length; i++) {
        if (Float.isNaN(truth[i])) continue;
        p[k] = heads.get(h)[i];
        y[k++] = truth[i];
      }
      assertThat(ForecastRanking.of(p, y).ic()).as(h).isGreaterThan(0.1);
    }
    assertThat(model.learningCurve().orElseThrow().metric()).isEqualTo(MultiTaskNet.METRIC);
    assertThat(model.learningCurve().orElseThrow().validation()).hasSize(model.learningCurve().orElseThrow().iterations());
  }

  @Test
  void a_fit_with_the_same_seed_and_threads_is_bit_identical() throws Exception {
    try (AutoCloseable again = (AutoCloseable) fit(SMALL, train, valid, TrainContext.of(2, 7))) {
      FittedModel m = (FittedModel) again;
      assertThat(m.predict(test.x()).values()).isEqualTo(model.predict(test.x()).values());
      assertThat(((MultiOutput) m).heads(test.x()).get("mdd")).isEqualTo(((MultiOutput) model).heads(test.x()).get("mdd"));
      assertThat(m.learningCurve()).isEqualTo(model.learningCurve());
    }
  }

  @Test
  void a_saved_model_loads_to_identical_predictions_heads_and_curve(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("m");
    ModelStore.save(model, FAMILY.name(), dir);
    FittedModel loaded = ModelStore.load(dir, ModelFamilies.discover());
    try {
      assertThat(loaded).isInstanceOf(MultiTaskNetModel.class);
      assertThat(loaded.predict(test.x()).values()).isEqualTo(model.predict(test.x()).values());
      Map<String, double[]> a = ((MultiOutput) loaded).heads(test.x());
      Map<String, double[]> b = ((MultiOutput) model).heads(test.x());
      for (String h : b.keySet()) assertThat(a.get(h)).as(h).isEqualTo(b.get(h));
      assertThat(loaded.learningCurve()).isEqualTo(model.learningCurve());
      assertThat(loaded.provenance()).isEqualTo(model.provenance());
    } finally {
      ((AutoCloseable) loaded).close();
    }
  }

  @Test
  void a_run_stopped_after_two_epochs_resumes_from_its_checkpoint_to_the_uninterrupted_model(@TempDir Path tmp) throws Exception {
    TrainSet small = train.x().rows() > 2_000 ? slice(train, 2_000) : train;
    try (AutoCloseable w = (AutoCloseable) fit(checkpointed(tmp.resolve("a"), false), small, valid, TrainContext.of(1, 9))) {
      FittedModel whole = (FittedModel) w;
      Cancellation stop = new Cancellation();
      AtomicInteger epochs = new AtomicInteger();
      Progress killAfterTwo = new Progress() {
        @Override public void start(String task, long units) {}
        @Override public void advance(long units) {
          if (epochs.incrementAndGet() == 2) stop.request();
        }
      };
      Path dir = tmp.resolve("b");
      try (AutoCloseable stopped = (AutoCloseable) fit(checkpointed(dir, false), small, valid, new TrainContext(1, 9, killAfterTwo, stop))) {
        assertThat(((FittedModel) stopped).learningCurve().orElseThrow().iterations()).isEqualTo(2);
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("multitask_net-ckpt-000002");
      }
      try (AutoCloseable r = (AutoCloseable) fit(checkpointed(dir, true), small, valid, TrainContext.of(1, 9))) {
        FittedModel resumed = (FittedModel) r;
        assertThat(resumed.learningCurve()).isEqualTo(whole.learningCurve());
        assertThat(resumed.predict(test.x()).values()).isEqualTo(whole.predict(test.x()).values());
        assertThat(((MultiOutput) resumed).heads(test.x()).get("tth")).isEqualTo(((MultiOutput) whole).heads(test.x()).get("tth"));
      }
    }
  }

  private static TrainSet slice(TrainSet s, int to) {
    return new TrainSet(s.x().rows(0, to), java.util.Arrays.copyOf(s.y(), to), s.task(), null, s.auxiliaryRows(0, to));
  }

  private static Map<String, String> checkpointed(Path dir, boolean resume) {
    Map<String, String> m = new HashMap<>(Map.of("hidden", "16", "epochs", "4", "patience", "0", "batch_size", "256", "dropout", "0.2",
        "checkpoint_every", "1", "checkpoint_dir", dir.toString()));
    m.put("resume", String.valueOf(resume));
    return m;
  }

  @Test
  void device_gpu_without_cuda_trains_on_cpu() throws Exception {
    Map<String, String> p = new HashMap<>(SMALL);
    p.put("device", "gpu");
    p.put("epochs", "1");
    try (AutoCloseable m = (AutoCloseable) fit(p, slice(train, 1_000), null, TrainContext.of(1, 1))) {
      assertThat(((FittedModel) m).provenance().runtime().get("device")).startsWith("cpu");
    }
  }

  @Test
  void variants_overrides_and_bad_settings() {
    assertThat(FAMILY.variants()).contains("conservative", "balanced", "aggressive");
    assertThat(FAMILY.params("aggressive", Map.of()).getInt("hidden")).isEqualTo(128);
    assertThat(FAMILY.params("conservative", Map.of("hidden", "48")).getInt("hidden")).isEqualTo(48);
    assertThat(FAMILY.auxiliaryLabels(FAMILY.params("balanced", Map.of("targets", "mdd", "weight_mdd", "2")))).containsExactly("mdd:H");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("targets", "tth,vol"))).isInstanceOf(BadInputException.class).hasMessageContaining("vol");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("checkpoint_every", "2"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("checkpoint_dir");
    assertThatThrownBy(() -> FAMILY.params("balanced", Map.of("weight_mdd", "-1"))).isInstanceOf(BadInputException.class).hasMessageContaining("weight_mdd");
    assertThat(ModelFamilies.discover().get("multitask_net")).isInstanceOf(MultiTaskNetFamily.class);
    TrainSet bare = new TrainSet(train.x(), train.y(), Task.BINARY);
    assertThatThrownBy(() -> fit(SMALL, bare, null, TrainContext.of(1, 1))).isInstanceOf(BadInputException.class).hasMessageContaining("tth:H,0.002");
  }
}
