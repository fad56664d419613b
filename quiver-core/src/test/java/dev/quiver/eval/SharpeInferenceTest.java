package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SharpeInferenceTest {

  @Test
  void the_deflated_sharpe_ratio_reproduces_the_papers_worked_example() {
    // Bailey & Lopez de Prado (2014), section on a numerical example: N = 100 trials whose annualised
    // Sharpe ratios have variance 1/2, the selected one has annualised SR 2.5 over T = 1250 daily
    // returns (250 a year) with skewness -3 and (raw) kurtosis 10. In per-period units:
    //   SR = 2.5 / sqrt(250) = 0.158114; V = 0.5 / 250 = 0.002
    //   SR0 = sqrt(0.002) * ((1 - g) Phi^-1(1 - 1/100) + g Phi^-1(1 - 1/(100 e)))
    //       = 0.0447214 * (0.4227844 * 2.3263479 + 0.5772157 * 2.6802104) = 0.0447214 * 2.5306029 = 0.1132
    //   z = (0.158114 - 0.113172) * sqrt(1249) / sqrt(1 + 3 * 0.158114 + 9/4 * 0.158114^2) = 1.2838
    //   DSR = Phi(1.2838) = 0.9004, the paper's figure.
    double sr = 2.5 / Math.sqrt(250);
    double v = 0.5 / 250;
    assertThat(SharpeInference.expectedMaxSharpe(100, v)).isCloseTo(0.1132, within(5e-5));
    assertThat(SharpeInference.expectedMaxSharpe(100, v)).isCloseTo(0.11317200186513214, within(1e-9)); // scipy.stats.norm.ppf
    double dsr = SharpeInference.deflatedSharpe(sr, 1250, -3, 10, 100, v);
    assertThat(dsr).isCloseTo(0.9004, within(5e-5));
    assertThat(dsr).isCloseTo(0.9003968344493904, within(1e-9)); // scipy.stats.norm.cdf(1.2838160365336546)
  }

  @Test
  void psr_is_the_normal_cdf_of_the_hand_computed_z() {
    // SR 0.1, n 101, skew 0, kurtosis 3 (normal): z = 0.1 * sqrt(100) / sqrt(1 + (3 - 1)/4 * 0.01) = 1 / sqrt(1.005) = 0.997509
    // Phi(0.997509) = 0.840741 (scipy.stats.norm.cdf(1/np.sqrt(1.005)) = 0.8407413278013518)
    assertThat(SharpeInference.probabilisticSharpe(0.1, 101, 0, 3, 0)).isCloseTo(0.8407413278013518, within(1e-9));
    // against a benchmark equal to the observed Sharpe: exactly one half
    assertThat(SharpeInference.probabilisticSharpe(0.1, 101, -1, 8, 0.1)).isEqualTo(0.5);
    // negative skew and fat tails widen the error, so a positive Sharpe is less certain
    assertThat(SharpeInference.probabilisticSharpe(0.1, 101, -2, 12, 0)).isLessThan(SharpeInference.probabilisticSharpe(0.1, 101, 0, 3, 0));
  }

  @Test
  void one_trial_deflates_nothing_and_more_trials_deflate_more() {
    assertThat(SharpeInference.expectedMaxSharpe(1, 0.01)).isZero();
    assertThat(SharpeInference.deflatedSharpe(0.1, 500, 0, 3, 1, 0.01)).isEqualTo(SharpeInference.probabilisticSharpe(0.1, 500, 0, 3, 0));
    double previous = 1;
    for (long n : new long[] {2, 10, 100, 1000, 100_000}) {
      double dsr = SharpeInference.deflatedSharpe(0.1, 500, 0, 3, n, 0.001);
      assertThat(dsr).isLessThan(previous);
      previous = dsr;
    }
    assertThat(SharpeInference.expectedMaxSharpe(10, 0)).isZero(); // identical trials: no selection bias
  }

  @Test
  void undefined_inputs_give_nan_and_bad_counts_are_refused() {
    assertThat(SharpeInference.probabilisticSharpe(Double.NaN, 100, 0, 3, 0)).isNaN();
    assertThat(SharpeInference.probabilisticSharpe(0.1, 1, 0, 3, 0)).isNaN();
    assertThat(SharpeInference.probabilisticSharpe(1.0, 100, 5, 1, 0)).isNaN(); // 1 - 5 + 0 < 0 under the root
    assertThatThrownBy(() -> SharpeInference.expectedMaxSharpe(0, 0.1)).hasMessageContaining("trials");
    assertThatThrownBy(() -> SharpeInference.expectedMaxSharpe(5, -0.1)).hasMessageContaining("variance");
  }

  @Test
  void fold_stability_is_the_sample_std_of_fold_sharpes() {
    // folds 1.0, 2.0, 0.0, 1.0: mean 1, squared deviations 0 + 1 + 1 + 0 = 2, ddof=1 -> sqrt(2/3)
    assertThat(SharpeInference.foldStability(new double[] {1.0, 2.0, 0.0, 1.0})).isCloseTo(Math.sqrt(2.0 / 3), within(1e-15));
    assertThat(SharpeInference.variance(new double[] {1.0, 2.0, 0.0, 1.0})).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(SharpeInference.foldStability(new double[] {1.5})).isNaN();
    assertThat(SharpeInference.foldStability(new double[] {1.5, Double.NaN})).isNaN();
  }

  @Test
  void the_returns_overload_uses_the_series_own_moments() {
    ReturnMetrics m = ReturnMetrics.of(ReturnMetricsTest.HAND, 12);
    assertThat(SharpeInference.deflatedSharpe(m, 20, 0.01))
        .isEqualTo(SharpeInference.deflatedSharpe(m.periodSharpe(), 5, m.skewness(), m.kurtosis(), 20, 0.01));
    assertThat(SharpeInference.deflatedSharpe(m, 1, 0.01)).isCloseTo(m.probabilisticSharpe(), within(1e-15));
  }
}
