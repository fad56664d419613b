package dev.quiver.model.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RewardBasedFamilyTest extends FamilyContract {

  static final RewardBasedFamily REWARD = new RewardBasedFamily();

  @Override
  protected ModelFamily family() {
    return REWARD;
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"max_weight", "max_weigth"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"power", "9"};
  }

  /**
   * Real bars and their real next-bar returns, with a label that follows price_change on the
   * 20% of rows with the largest |return| and the opposite of volume_ratio on the rest.
   */
  private static TrainSet twoRegimes(Dataset d, int from, int to, double bigCut, long seed) {
    TrainSet rows = d.trainSet(from, to);
    Matrix x = columns(rows.x(), java.util.List.of("price_change", "high_low_ratio", "volume_ratio", "rsi", "volatility_10"));
    int change = x.names().indexOf("price_change");
    int volume = x.names().indexOf("volume_ratio");
    double[] r = rows.forwardReturn();
    double[] sd = {sd(x, change), sd(x, volume)};
    Random rnd = new Random(seed);
    float[] y = new float[rows.rows()];
    for (int i = 0; i < y.length; i++) {
      double signal = Math.abs(r[i]) >= bigCut ? x.get(i, change) / sd[0] : -x.get(i, volume) / sd[1];
      y[i] = signal + 0.5 * rnd.nextGaussian() > 0 ? 1f : 0f;
    }
    return new TrainSet(x, y, Task.BINARY, r);
  }

  /** The named columns of x, without the collinear moving averages. */
  private static Matrix columns(Matrix x, java.util.List<String> names) {
    float[] out = new float[x.rows() * names.size()];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < names.size(); j++) out[i * names.size() + j] = x.get(i, x.names().indexOf(names.get(j)));
    }
    return new Matrix(out, x.rows(), names.size(), names);
  }

  private static double sd(Matrix x, int col) {
    double s = 0;
    double ss = 0;
    for (int i = 0; i < x.rows(); i++) {
      s += x.get(i, col);
      ss += (double) x.get(i, col) * x.get(i, col);
    }
    double m = s / x.rows();
    return Math.sqrt(ss / x.rows() - m * m);
  }

  @Test
  void weighting_by_the_forward_return_learns_the_rows_that_move_the_most() {
    Dataset d = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    Fold f = new Holdout().fold(d);
    double[] abs = Arrays.copyOfRange(d.forwardReturn(), f.trainFrom(), f.trainTo());
    for (int i = 0; i < abs.length; i++) abs[i] = Math.abs(abs[i]);
    Arrays.sort(abs);
    double bigCut = abs[(int) (abs.length * 0.8)];
    TrainSet train = twoRegimes(d, f.trainFrom(), f.trainTo(), bigCut, 1);
    TrainSet test = twoRegimes(d, f.testFrom(), f.testTo(), bigCut, 2);
    FittedModel weighted = fit("balanced", Map.of(), train, null, 1);
    FittedModel plain = fit("balanced", Map.of("power", "0"), train, null, 1);
    assertThat(weighted.importance().orElseThrow().ranked().get(0)).isEqualTo("price_change");
    assertThat(ratio(weighted, "price_change", "volume_ratio")).isGreaterThan(2 * ratio(plain, "price_change", "volume_ratio"));
    // on the rows that matter for P&L, the weighted model ranks far better than the unweighted one
    double[] w = RewardWeights.of(test.forwardReturn(), 1, 0, 1e6);
    assertThat(weightedAuc(test.y(), weighted.predict(test.x()).values(), w))
        .isGreaterThan(weightedAuc(test.y(), plain.predict(test.x()).values(), w) + 0.03);
  }

  private static double ratio(FittedModel m, String a, String b) {
    Map<String, Double> imp = m.importance().orElseThrow().values();
    return imp.get(a) / imp.get(b);
  }

  /** AUC over the test rows whose weight is at least 1.5 (the large moves). */
  private static double weightedAuc(float[] y, double[] p, double[] w) {
    int n = 0;
    for (double v : w) if (v >= 1.5) n++;
    float[] yy = new float[n];
    double[] pp = new double[n];
    int k = 0;
    for (int i = 0; i < y.length; i++) {
      if (w[i] >= 1.5) {
        yy[k] = y[i];
        pp[k++] = p[i];
      }
    }
    return ClassificationMetrics.of(yy, pp).auc();
  }

  @Test
  void weights_are_the_relative_absolute_return_clipped_and_missing_returns_count_one() {
    double[] w = RewardWeights.of(new double[] {0.01, -0.03, 0.0, Double.NaN, 0.2}, 1, 0.1, 3);
    double mean = (0.01 + 0.03 + 0.0 + 0.2) / 4;
    assertThat(w[0]).isCloseTo(0.01 / mean, within(1e-12));
    assertThat(w[1]).isCloseTo(0.03 / mean, within(1e-12));
    assertThat(w[2]).isEqualTo(0.1);
    assertThat(w[3]).isEqualTo(1.0);
    assertThat(w[4]).isEqualTo(3.0);
    assertThat(RewardWeights.of(new double[] {0, 0}, 1, 0, 10)).containsExactly(1.0, 1.0);
  }

  @Test
  void rows_without_forward_returns_are_refused_naming_the_fix() {
    Dataset d = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
    TrainSet bare = new TrainSet(d.x().rows(0, 500), Arrays.copyOf(d.y(), 500), Task.BINARY);
    assertThatThrownBy(() -> fit("balanced", Map.of(), bare, null, 1))
        .isInstanceOf(BadInputException.class).hasMessageContaining("forward return").hasMessageContaining("Dataset.trainSet");
  }
}
