package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.model.TrainContext;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReturnGanTest {

  private static final ReturnGan.Settings SMALL = new ReturnGan.Settings(16, 8, 32, 10, 256, 1e-3);

  private static List<double[]> returns;
  private static ReturnGan gan;

  /** Log returns of real futures minute closes. */
  @BeforeAll
  static void fit() {
    Bars b = TestData.futures(PlantedFutures.SYMBOL);
    double[] close = b.close();
    double[] r = new double[Math.min(close.length - 1, 20_000)];
    for (int i = 1; i <= r.length; i++) r[i - 1] = Math.log(close[i] / close[i - 1]);
    returns = List.of(r);
    gan = ReturnGan.fit(returns, SMALL, TrainContext.of(2, 13));
  }

  @AfterAll
  static void close() {
    gan.close();
  }

  @Test
  void generated_paths_come_closer_to_the_real_return_distribution_than_an_untrained_generator() {
    PathRealism trained = gan.realism(returns, 2000, 1, 3);
    try (ReturnGan untrained = ReturnGan.fit(returns, new ReturnGan.Settings(16, 8, 32, 1, 256, 1e-9), TrainContext.of(2, 13))) {
      PathRealism before = untrained.realism(returns, 2000, 1, 3);
      assertThat(trained.ks()).isLessThan(before.ks());
    }
    assertThat(trained.generated().std()).isBetween(trained.real().std() / 3, trained.real().std() * 3);
    assertThat(trained.realAcf()).hasSize(3);
    assertThat(trained.generatedAbsAcf()).hasSize(3);
  }

  @Test
  void generating_with_one_seed_gives_the_same_paths_and_a_refit_is_bit_identical() {
    assertThat(gan.generate(50, 4)).isDeepEqualTo(gan.generate(50, 4));
    try (ReturnGan again = ReturnGan.fit(returns, SMALL, TrainContext.of(2, 13))) {
      assertThat(again.generate(50, 4)).isDeepEqualTo(gan.generate(50, 4));
    }
  }

  @Test
  void realism_measures_are_zero_for_identical_samples_and_see_volatility_clustering() {
    double[][] calm = {{0.01, -0.01, 0.01, -0.01, 0.01, -0.01}};
    PathRealism same = PathRealism.of(calm, calm, 1);
    assertThat(same.ks()).isZero();
    assertThat(same.realAcf()[0]).isCloseTo(-5.0 / 6, within(1e-9));
    double[][] clustered = {{0.05, -0.05, 0.05, -0.001, 0.001, -0.001}};
    assertThat(PathRealism.of(clustered, clustered, 1).realAbsAcf()[0]).isGreaterThan(0.4);
    assertThat(PathRealism.ks(new double[] {0, 1}, new double[] {2, 3})).isEqualTo(1.0);
  }
}
