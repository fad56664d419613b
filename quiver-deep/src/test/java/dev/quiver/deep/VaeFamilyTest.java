package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Progress;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeFamilyTest extends FamilyContract {

  /** Few epochs of large batches keep each fit near a second; the defaults are for real sizes. */
  private static final Map<String, String> SMALL = Map.of("epochs", "4", "batch_size", "2048", "learning_rate", "0.01", "head_epochs", "4");

  @Override
  protected FittedModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed) {
    Map<String, String> small = new HashMap<>(SMALL);
    small.putAll(overrides);
    return super.fit(variant, small, train, valid, seed);
  }

  @Override
  protected ModelFamily family() {
    return new VaeFamily();
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"latent", "latnet"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"beta", "-1"};
  }

  private static VaeModel fitVae(Map<String, String> overrides, TrainSet train, TrainSet valid, TrainContext ctx) {
    VaeFamily f = new VaeFamily();
    Map<String, String> p = new HashMap<>(SMALL);
    p.putAll(overrides);
    return (VaeModel) f.trainer(f.params("balanced", p)).fit(train, valid, ctx, FitInfo.of("balanced"));
  }

  @Test
  void a_vae_stage_stopped_after_two_epochs_resumes_to_the_same_model_as_an_uninterrupted_run(@TempDir Path tmp) throws Exception {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    TrainSet train = d.trainSet(0, 3000);
    TrainSet valid = d.trainSet(3000, 4000);
    TrainSet test = d.trainSet(4000, 5000);
    Map<String, String> ckpt = Map.of("epochs", "4", "patience", "0", "batch_size", "256", "checkpoint_every", "1");
    Map<String, String> whole = new HashMap<>(ckpt);
    whole.put("checkpoint_dir", tmp.resolve("a").toString());
    try (VaeModel uninterrupted = fitVae(whole, train, valid, TrainContext.of(1, 9))) {
      Cancellation stop = new Cancellation();
      AtomicInteger epochs = new AtomicInteger();
      Progress killAfterTwo = new Progress() {
        @Override public void start(String task, long units) {}
        @Override public void advance(long units) {
          if (epochs.incrementAndGet() == 2) stop.request();
        }
      };
      Path dir = tmp.resolve("b");
      Map<String, String> first = new HashMap<>(ckpt);
      first.put("checkpoint_dir", dir.toString());
      try (VaeModel stopped = fitVae(first, train, valid, new TrainContext(1, 9, killAfterTwo, stop))) {
        assertThat(stopped.learningCurve().orElseThrow().iterations()).isEqualTo(2);
      }
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("vae-ckpt-000002");
      }
      Map<String, String> resume = new HashMap<>(first);
      resume.put("resume", "true");
      try (VaeModel resumed = fitVae(resume, train, valid, TrainContext.of(1, 9))) {
        assertThat(resumed.learningCurve()).isEqualTo(uninterrupted.learningCurve());
        assertThat(resumed.predict(test.x()).values()).isEqualTo(uninterrupted.predict(test.x()).values());
      }
    }
  }

  @Test
  void the_head_reads_the_standardized_features_then_the_latent_mean_then_the_anomaly_score() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    try (VaeModel m = fitVae(Map.of("latent", "3"), d.trainSet(0, 3000), d.trainSet(3000, 4000), TrainContext.of(1, 3))) {
      assertThat(m.headFamily()).isEqualTo("logistic");
      var x = d.trainSet(4000, 4100).x();
      var in = m.vae().withFeatures(x);
      assertThat(in.names().subList(0, x.cols())).isEqualTo(x.names());
      assertThat(in.names().subList(x.cols(), in.cols())).containsExactly("vae_z0", "vae_z1", "vae_z2", Vae.ANOMALY);
      double[] score = m.vae().anomalyScore(x);
      for (int i = 0; i < x.rows(); i += 9) assertThat(in.get(i, in.cols() - 1)).isEqualTo((float) score[i]);
    }
  }

  @Test
  void a_regression_target_gets_a_ridge_head_and_the_aggressive_variant_an_mlp_head() {
    VaeFamily f = new VaeFamily();
    assertThat(f.params("aggressive", Map.of()).getString("head")).isEqualTo("mlp");
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    try (VaeModel m = fitVae(Map.of(), d.trainSet(0, 2000), d.trainSet(2000, 2500), TrainContext.of(1, 3))) {
      assertThat(m.headFamily()).isEqualTo("ridge");
    }
  }

  @Test
  void device_gpu_trains_on_the_device_libtorch_offers_and_records_it() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 5);
    try (VaeModel m = fitVae(Map.of("device", "gpu", "epochs", "2"), d.trainSet(0, 2000), d.trainSet(2000, 2500), TrainContext.of(1, 3))) {
      assertThat(m.provenance().runtime().get("device")).isEqualTo(TorchRuntime.device("gpu").device().toString());
      for (double p : m.predict(d.trainSet(2500, 2600).x()).values()) assertThat(p).isBetween(0.0, 1.0);
    }
  }

  @Test
  void resume_without_a_checkpoint_dir_fails_before_training() {
    assertThatThrownBy(() -> new VaeFamily().params("balanced", Map.of("resume", "true")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("checkpoint_dir");
  }
}
