package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.Matrix;
import dev.quiver.model.TrainContext;
import dev.quiver.testing.PlantedFutures;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeTest {

  private static final Vae.Settings SMALL = new Vae.Settings(32, 3, 1.0, 6, 1024, 0.01, 3);

  private static Matrix train;
  private static Matrix valid;
  private static Matrix test;
  private static Vae vae;

  @BeforeAll
  static void fit() {
    Dataset d = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    int n = d.rows();
    train = d.x().rows(0, n * 6 / 10);
    valid = d.x().rows(n * 6 / 10, n * 8 / 10);
    test = d.x().rows(n * 8 / 10, n);
    vae = Vae.fit(train, valid, SMALL, TrainContext.of(2, 11));
  }

  @AfterAll
  static void close() {
    vae.close();
  }

  @Test
  void rows_with_injected_anomalies_score_higher_than_normal_rows() {
    int rows = test.rows();
    int cols = test.cols();
    float[] data = test.contiguous().clone();
    float[] injected = new float[rows];
    Random rnd = new Random(3);
    double[] mean = new double[cols];
    double[] sd = new double[cols];
    for (int c = 0; c < cols; c++) {
      int k = 0;
      for (int i = 0; i < train.rows(); i++) {
        float v = train.get(i, c);
        if (Float.isFinite(v)) {
          mean[c] += v;
          sd[c] += (double) v * v;
          k++;
        }
      }
      mean[c] /= k;
      sd[c] = Math.sqrt(Math.max(sd[c] / k - mean[c] * mean[c], 0));
    }
    for (int a = 0; a < 100; a++) {
      int i = rnd.nextInt(rows);
      injected[i] = 1f;
      int c = rnd.nextInt(cols);
      data[i * cols + c] = (float) (mean[c] + (rnd.nextBoolean() ? 8 : -8) * sd[c]);
    }
    double[] score = vae.anomalyScore(new Matrix(data, rows, cols, test.names()));
    assertThat(ClassificationMetrics.of(injected, score).auc()).isGreaterThan(0.9);
  }

  @Test
  void features_are_the_latent_mean_then_the_anomaly_score() {
    Matrix f = vae.features(test);
    assertThat(f.names()).containsExactly("vae_z0", "vae_z1", "vae_z2", Vae.ANOMALY);
    assertThat(f.rows()).isEqualTo(test.rows());
    double[] score = vae.anomalyScore(test);
    Matrix latent = vae.latent(test);
    for (int i = 0; i < test.rows(); i += 97) {
      assertThat(f.get(i, 3)).isEqualTo((float) score[i]);
      assertThat(f.get(i, 1)).isEqualTo(latent.get(i, 1));
    }
  }

  @Test
  void saved_and_loaded_scores_identically(@TempDir Path dir) {
    vae.save(dir.resolve("v"));
    try (Vae loaded = Vae.load(dir.resolve("v"))) {
      assertThat(loaded.anomalyScore(test)).isEqualTo(vae.anomalyScore(test));
      assertThat(loaded.latent(test).contiguous()).isEqualTo(vae.latent(test).contiguous());
      assertThat(loaded.curve()).isEqualTo(vae.curve());
    }
  }

  @Test
  void a_fit_with_the_same_seed_and_threads_is_bit_identical() {
    try (Vae again = Vae.fit(train, valid, SMALL, TrainContext.of(2, 11))) {
      assertThat(again.anomalyScore(test)).isEqualTo(vae.anomalyScore(test));
    }
  }
}
