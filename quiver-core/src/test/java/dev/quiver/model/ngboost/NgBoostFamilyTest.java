package dev.quiver.model.ngboost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.dataset.Dataset;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import dev.quiver.testing.FamilyContract;
import dev.quiver.testing.PlantedFutures;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NgBoostFamilyTest extends FamilyContract {

  static final NgBoostFamily NGBOOST = new NgBoostFamily();

  @Override
  protected ModelFamily family() {
    return NGBOOST;
  }

  @Override
  protected String[] keyAndMisspelling() {
    return new String[] {"max_depth", "max_dept"};
  }

  @Override
  protected String[] keyAndOutOfRangeValue() {
    return new String[] {"learning_rate", "2.5"};
  }

  /** Fewer, larger steps than the defaults keep the contract's fits fast; a test's own overrides win. */
  @Override
  protected dev.quiver.model.FittedModel fit(String variant, Map<String, String> overrides, TrainSet train, TrainSet valid, long seed) {
    Map<String, String> fast = new java.util.HashMap<>(Map.of("n_estimators", "80", "learning_rate", "0.15"));
    fast.putAll(overrides);
    return super.fit(variant, fast, train, valid, seed);
  }

  @Test
  void the_predicted_std_follows_a_planted_noise_level_and_beats_a_constant_normal() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    int vol = d.featureNames().indexOf("volume_ratio");
    // real bars; the target's mean follows price_change and its noise grows with volume_ratio's rank
    float[] y = new float[d.rows()];
    float[] volumes = new float[d.rows()];
    for (int i = 0; i < d.rows(); i++) volumes[i] = d.x().get(i, vol);
    float[] sorted = volumes.clone();
    java.util.Arrays.sort(sorted);
    float median = sorted[sorted.length / 2];
    Random rnd = new Random(4);
    int change = d.featureNames().indexOf("price_change");
    double sd = 0;
    for (int i = 0; i < d.rows(); i++) sd += (double) d.x().get(i, change) * d.x().get(i, change);
    sd = Math.sqrt(sd / d.rows());
    for (int i = 0; i < d.rows(); i++) {
      double noise = volumes[i] > median ? 2.0 : 0.5;
      y[i] = (float) (d.x().get(i, change) / sd + noise * rnd.nextGaussian());
    }
    Fold f = new Holdout().fold(d);
    TrainSet train = new TrainSet(d.x().rows(f.trainFrom(), f.trainTo()), java.util.Arrays.copyOfRange(y, f.trainFrom(), f.trainTo()), Task.REGRESSION);
    TrainSet valid = new TrainSet(d.x().rows(f.validFrom(), f.validTo()), java.util.Arrays.copyOfRange(y, f.validFrom(), f.validTo()), Task.REGRESSION);
    Matrix testX = d.x().rows(f.testFrom(), f.testTo());
    float[] testY = java.util.Arrays.copyOfRange(y, f.testFrom(), f.testTo());
    NgBoostModel m = (NgBoostModel) fit("balanced", Map.of(), train, valid, 1);
    NormalForecast forecast = m.forecast(testX);
    double quiet = 0;
    double loud = 0;
    int nq = 0;
    int nl = 0;
    for (int i = 0; i < testY.length; i++) {
      if (testX.get(i, vol) > median) {
        loud += forecast.std()[i];
        nl++;
      } else {
        quiet += forecast.std()[i];
        nq++;
      }
    }
    assertThat(loud / nl).isGreaterThan(2 * (quiet / nq));
    double mean = 0;
    for (float v : train.y()) mean += v;
    mean /= train.rows();
    double var = 0;
    for (float v : train.y()) var += (v - mean) * (v - mean);
    double[] constMean = new double[testY.length];
    double[] constStd = new double[testY.length];
    java.util.Arrays.fill(constMean, mean);
    java.util.Arrays.fill(constStd, Math.sqrt(var / train.rows()));
    NormalForecast constant = new NormalForecast(constMean, constStd);
    assertThat(forecast.nll(testY)).isLessThan(constant.nll(testY) - 0.2);
    assertThat(forecast.crps(testY)).isLessThan(constant.crps(testY) * 0.9);
    assertThat(RegressionMetrics.of(testY, m.predict(testX).values()).r2()).isGreaterThan(0.1);
    assertThat(m.importance().orElseThrow().ranked().subList(0, 3)).contains("volume_ratio");
  }

  @Test
  void crps_of_a_normal_matches_its_closed_form_at_known_points() {
    NormalForecast f = new NormalForecast(new double[] {0, 1}, new double[] {1, 2});
    // CRPS(N(0,1), 0) = 2 phi(0) - 1/sqrt(pi) = (sqrt 2 - 1) / sqrt(pi)
    double atMean = (Math.sqrt(2) - 1) / Math.sqrt(Math.PI);
    assertThat(f.crps(new float[] {0f, 1f})).isCloseTo((atMean + 2 * atMean) / 2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.nll(new float[] {0f, 1f})).isCloseTo(0.5 * Math.log(2 * Math.PI) + 0.5 * Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void subsampling_is_seeded() {
    Dataset d = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.REGRESSION, 1.0, 9);
    TrainSet train = d.trainSet(0, 5000);
    Map<String, String> sub = Map.of("subsample", "0.5", "n_estimators", "30");
    Matrix x = d.x().rows(5000, 5500);
    double[] a = fit("balanced", sub, train, null, 3).predict(x).values();
    double[] b = fit("balanced", sub, train, null, 3).predict(x).values();
    double[] c = fit("balanced", sub, train, null, 4).predict(x).values();
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(List.of(a.length)).containsExactly(500);
  }
}
