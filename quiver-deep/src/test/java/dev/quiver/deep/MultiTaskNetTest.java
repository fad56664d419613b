package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.Labelers;
import dev.quiver.model.Matrix;
import dev.quiver.model.TrainContext;
import dev.quiver.model.multitask.MultiTaskData;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiTaskNetTest {

  private static final MultiTaskNet.Settings SMALL = new MultiTaskNet.Settings(32, 2, 0.0, 8, 1024, 0.01, 3,
      Map.of("mfe:10", 0.5, "mdd:10", 0.5, "tth:10,0.002", 0.5));

  private static MultiTaskNet.Targets train;
  private static MultiTaskNet.Targets valid;
  private static MultiTaskNet.Targets test;
  private static MultiTaskNet net;

  /**
   * Real bars and real tth/mdd/mfe labels; the direction head's target is planted: 1 when the
   * bar's own standardized price_change plus unit Gaussian noise is positive (Bayes AUC about 0.84).
   */
  @BeforeAll
  static void fit() {
    Bars bars = TestData.futures(PlantedFutures.SYMBOL);
    Map<String, Dataset> byLabel = MultiTaskData.build(List.of(bars), FeatureSet.parse("seed12", List.of()),
        List.of(Labelers.parse("direction"), Labelers.parse("mfe:10"), Labelers.parse("mdd:10"), Labelers.parse("tth:10,0.002")));
    MultiTaskNet.Targets all = MultiTaskNet.align(byLabel, "direction");
    plant(all);
    int n = all.x().rows();
    train = all.rows(0, n * 6 / 10);
    valid = all.rows(n * 6 / 10, n * 8 / 10);
    test = all.rows(n * 8 / 10, n);
    net = MultiTaskNet.fit(train, valid, SMALL, TrainContext.of(2, 7));
  }

  private static void plant(MultiTaskNet.Targets all) {
    Matrix x = all.x();
    int col = x.names().indexOf("price_change");
    double sum = 0;
    double sq = 0;
    int count = 0;
    for (int i = 0; i < x.rows(); i++) {
      float v = x.get(i, col);
      if (Float.isFinite(v)) {
        sum += v;
        sq += (double) v * v;
        count++;
      }
    }
    double sd = Math.sqrt(sq / count - (sum / count) * (sum / count));
    Random rnd = new Random(5);
    float[] direction = all.targets()[0];
    for (int i = 0; i < direction.length; i++) {
      float v = x.get(i, col);
      double z = Float.isFinite(v) ? v / sd : 0;
      direction[i] = z + rnd.nextGaussian() > 0 ? 1f : 0f;
    }
  }

  @AfterAll
  static void close() {
    net.close();
  }

  @Test
  void the_direction_head_learns_a_planted_signal_on_real_bars() {
    double auc = ClassificationMetrics.of(test.targets()[0], net.predict(test.x()).values()).auc();
    assertThat(auc).isGreaterThan(0.75);
  }

  @Test
  void the_excursion_heads_rank_held_back_rows_better_than_chance() {
    Map<String, double[]> heads = net.heads(test.x());
    assertThat(heads.keySet()).containsExactly("mfe:10", "mdd:10", "tth:10,0.002");
    assertThat(spearman(heads.get("mfe:10"), test.targets()[1])).isGreaterThan(0.1);
    assertThat(spearman(heads.get("mdd:10"), test.targets()[2])).isGreaterThan(0.1);
  }

  @Test
  void every_aligned_row_of_a_head_label_keeps_its_target_and_rows_past_its_horizon_are_missing() {
    float[] mfe = train.targets()[1];
    int known = 0;
    for (float v : mfe) if (Float.isFinite(v)) known++;
    assertThat(known).isGreaterThan(mfe.length - 50);
    float[] last = test.targets()[1];
    assertThat(last[last.length - 1]).isNaN();
  }

  @Test
  void saved_and_loaded_predicts_identically(@TempDir Path dir) {
    net.save(dir.resolve("m"));
    try (MultiTaskNet loaded = MultiTaskNet.load(dir.resolve("m"))) {
      assertThat(loaded.predict(test.x()).values()).isEqualTo(net.predict(test.x()).values());
      assertThat(loaded.heads(test.x()).get("mdd:10")).isEqualTo(net.heads(test.x()).get("mdd:10"));
      assertThat(loaded.curve()).isEqualTo(net.curve());
    }
  }

  @Test
  void a_fit_with_the_same_seed_and_threads_is_bit_identical() {
    try (MultiTaskNet again = MultiTaskNet.fit(train, valid, SMALL, TrainContext.of(2, 7))) {
      assertThat(again.predict(test.x()).values()).isEqualTo(net.predict(test.x()).values());
      assertThat(again.heads(test.x()).get("mfe:10")).isEqualTo(net.heads(test.x()).get("mfe:10"));
    }
  }

  /** Spearman rank correlation over the rows where b is finite. */
  private static double spearman(double[] a, float[] b) {
    int n = 0;
    for (float v : b) if (Float.isFinite(v)) n++;
    double[] x = new double[n];
    double[] y = new double[n];
    int k = 0;
    for (int i = 0; i < b.length; i++) {
      if (Float.isFinite(b[i])) {
        x[k] = a[i];
        y[k++] = b[i];
      }
    }
    return pearson(ranks(x), ranks(y));
  }

  private static double[] ranks(double[] v) {
    Integer[] idx = new Integer[v.length];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    java.util.Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
    double[] r = new double[v.length];
    for (int i = 0; i < idx.length; i++) r[idx[i]] = i;
    return r;
  }

  private static double pearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
