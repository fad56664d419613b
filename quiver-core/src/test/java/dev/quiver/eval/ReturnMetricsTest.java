package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.testing.TestData;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Reference values come from numpy/scipy/pandas (numpy 1.24, scipy 1.10, pandas 1.5), computed once
 * with the function below and pasted here; the tests do not need Python:
 *
 * <pre>
 * def m(r, ppy, rf=0.0):
 *     r = np.asarray(r, dtype=float); n = len(r); w = np.cumprod(1 + r)
 *     total = w[-1] - 1;  annual = w[-1] ** (ppy / n) - 1
 *     vol = r.std(ddof=1) * np.sqrt(ppy)
 *     sharpe = (r - rf).mean() / (r - rf).std(ddof=1) * np.sqrt(ppy)
 *     sortino = r.mean() * ppy / (np.sqrt(np.mean(np.minimum(r, 0) ** 2)) * np.sqrt(ppy))
 *     cum = np.concatenate([[1.0], w]); mdd = (cum / np.maximum.accumulate(cum) - 1).min()
 *     calmar = annual / abs(mdd);  hit = (r > 0).sum() / (r != 0).sum()
 *     pf = r[r > 0].sum() / abs(r[r < 0].sum());  wl = r[r > 0].mean() / abs(r[r < 0].mean())
 *     skew = scipy.stats.skew(r);  kurt = scipy.stats.kurtosis(r, fisher=False)
 *     sr = (r - rf).mean() / (r - rf).std(ddof=1)
 *     psr = scipy.stats.norm.cdf(sr * np.sqrt(n - 1) / np.sqrt(1 - skew * sr + (kurt - 1) / 4 * sr * sr))
 * </pre>
 */
class ReturnMetricsTest {

  private static final Offset<Double> TIGHT = within(1e-12);

  // r = 0.10, -0.05, 0.02, -0.10, 0.04 with 12 periods a year, by hand:
  //   wealth 1.10, 1.045, 1.0659, 0.95931, 0.9976824 -> total return -0.0023176
  //   annual = 0.9976824^(12/5) - 1 = -0.0055532...
  //   mean = 0.01 / 5 = 0.002; deviations 0.098, -0.052, 0.018, -0.102, 0.038; squares sum 0.02448
  //   std (ddof=1) = sqrt(0.02448 / 4) = sqrt(0.00612) = 0.0782304...; volatility = std * sqrt(12)
  //   Sharpe = 0.002 / sqrt(0.00612) * sqrt(12) = 0.0885614...
  //   downside: min(r, 0)^2 = 0.0025 + 0.01 over 5 periods = 0.0025 -> sqrt 0.05
  //   Sortino = 0.002 * 12 / (0.05 * sqrt(12)) = 0.024 / 0.1732050... = 0.1385640...
  //   peak 1.10 after period 1, lowest wealth after it 0.95931: drawdown 0.95931 / 1.10 - 1 = -0.1279
  //   Calmar = -0.0055532 / 0.1279; hit rate 3 / 5; profit factor 0.16 / 0.15; win/loss (0.16 / 3) / (0.15 / 2) = 0.71111...
  static final double[] HAND = {0.10, -0.05, 0.02, -0.10, 0.04};

  @Test
  void a_hand_worked_series_gives_the_hand_worked_figures() {
    ReturnMetrics m = ReturnMetrics.of(HAND, 12);
    assertThat(m.n()).isEqualTo(5);
    assertThat(m.totalReturn()).isCloseTo(-0.0023176, TIGHT);
    assertThat(m.annualReturn()).isCloseTo(Math.pow(0.9976824, 12.0 / 5) - 1, TIGHT);
    assertThat(m.annualVolatility()).isCloseTo(Math.sqrt(0.00612) * Math.sqrt(12), TIGHT);
    assertThat(m.sharpe()).isCloseTo(0.002 / Math.sqrt(0.00612) * Math.sqrt(12), TIGHT);
    assertThat(m.sortino()).isCloseTo(0.024 / (0.05 * Math.sqrt(12)), TIGHT);
    assertThat(m.maxDrawdown()).isCloseTo(0.95931 / 1.10 - 1, TIGHT);
    assertThat(m.maxDrawdown()).isCloseTo(-0.1279, TIGHT);
    assertThat(m.calmar()).isCloseTo(m.annualReturn() / 0.1279, TIGHT);
    assertThat(m.hitRate()).isEqualTo(0.6);
    assertThat(m.profitFactor()).isCloseTo(0.16 / 0.15, TIGHT);
    assertThat(m.winLossRatio()).isCloseTo((0.16 / 3) / (0.15 / 2), TIGHT);
  }

  @Test
  void the_hand_worked_series_matches_numpy_and_scipy() {
    // python: m([0.10, -0.05, 0.02, -0.10, 0.04], 12)
    ReturnMetrics m = ReturnMetrics.of(HAND, 12);
    assertThat(m.totalReturn()).isCloseTo(-0.0023176000000000307, TIGHT);
    assertThat(m.annualReturn()).isCloseTo(-0.005553219056227299, TIGHT);
    assertThat(m.annualVolatility()).isCloseTo(0.2709981549752692, TIGHT);
    assertThat(m.sharpe()).isCloseTo(0.08856148855400953, TIGHT);
    assertThat(m.sortino()).isCloseTo(0.1385640646055102, TIGHT);
    assertThat(m.maxDrawdown()).isCloseTo(-0.12790000000000012, TIGHT);
    assertThat(m.calmar()).isCloseTo(-0.04341844453656992, TIGHT);
    assertThat(m.profitFactor()).isCloseTo(1.0666666666666664, TIGHT);
    assertThat(m.winLossRatio()).isCloseTo(0.711111111111111, TIGHT);
    assertThat(m.skewness()).isCloseTo(-0.11671431488865193, TIGHT);
    assertThat(m.kurtosis()).isCloseTo(1.7519784057413812, TIGHT);
    assertThat(m.probabilisticSharpe()).isCloseTo(0.520357861589828, within(1e-10));
  }

  @Test
  void the_risk_free_return_moves_the_sharpe_ratio_only() {
    // (0.002 - 0.001) / sqrt(0.00612) * sqrt(12); python: m(HAND, 12, 0.001)['sharpe'] = 0.044280744277004735
    ReturnMetrics m = ReturnMetrics.of(HAND, 12, 0.001);
    ReturnMetrics plain = ReturnMetrics.of(HAND, 12);
    assertThat(m.sharpe()).isCloseTo(0.044280744277004735, TIGHT);
    assertThat(m.sortino()).isEqualTo(plain.sortino());
    assertThat(m.annualReturn()).isEqualTo(plain.annualReturn());
    assertThat(m.riskFree()).isEqualTo(0.001);
  }

  @Test
  void a_thousand_period_synthetic_series_matches_numpy() {
    // python: i = np.arange(1000); r = 0.01*np.sin(i*0.7) + 0.002*np.cos(i*1.3) + 0.0003; m(r, 252)
    double[] r = new double[1000];
    for (int i = 0; i < r.length; i++) r[i] = 0.01 * Math.sin(i * 0.7) + 0.002 * Math.cos(i * 1.3) + 0.0003;
    ReturnMetrics m = ReturnMetrics.of(r, 252);
    Offset<Double> tol = within(1e-11);
    assertThat(m.totalReturn()).isCloseTo(0.34431320746613747, tol);
    assertThat(m.annualReturn()).isCloseTo(0.07741276651498152, tol);
    assertThat(m.annualVolatility()).isCloseTo(0.11447218799777725, tol);
    assertThat(m.sharpe()).isCloseTo(0.7086189797821428, tol);
    assertThat(m.sortino()).isCloseTo(1.04327361456486, tol);
    assertThat(m.maxDrawdown()).isCloseTo(-0.028897073351077496, tol);
    assertThat(m.calmar()).isCloseTo(2.678913728545282, within(1e-10));
    assertThat(m.hitRate()).isEqualTo(0.512);
    assertThat(m.profitFactor()).isCloseTo(1.1053611965598797, tol);
    assertThat(m.winLossRatio()).isCloseTo(1.0535473904711354, tol);
    assertThat(m.skewness()).isCloseTo(-0.002579512626103347, within(1e-10));
    assertThat(m.kurtosis()).isCloseTo(1.6109175775848885, within(1e-10));
    assertThat(m.probabilisticSharpe()).isCloseTo(0.9208188503750038, within(1e-10));
  }

  @Test
  void daily_returns_of_the_csi300_index_match_pandas() {
    // python: d = pd.read_csv('data/cn_daily_1d.csv.gz'); c = d[d.symbol == '000300.sh'].close.reset_index(drop=True)
    //         r = c.pct_change().dropna().to_numpy(); m(r, 252)      (4,789 returns)
    Bars csi = TestData.bars(TestData.DAILY_1D, Timeframe.D1).get("000300.sh");
    double[] close = csi.close();
    double[] r = new double[close.length - 1];
    for (int i = 1; i < close.length; i++) r[i - 1] = close[i] / close[i - 1] - 1;
    ReturnMetrics m = ReturnMetrics.of(r, 252);
    Offset<Double> tol = within(1e-10);
    assertThat(m.n()).isEqualTo(4789);
    assertThat(m.totalReturn()).isCloseTo(2.25200704117868, tol);
    assertThat(m.annualReturn()).isCloseTo(0.06401980645154537, tol);
    assertThat(m.annualVolatility()).isCloseTo(0.25472379604565737, tol);
    assertThat(m.sharpe()).isCloseTo(0.37151810258444135, tol);
    assertThat(m.sortino()).isCloseTo(0.5176941733237149, tol);
    assertThat(m.maxDrawdown()).isCloseTo(-0.7230381814469476, tol);
    assertThat(m.calmar()).isCloseTo(0.08854277421896117, tol);
    assertThat(m.hitRate()).isCloseTo(0.5229741019214703, tol);
    assertThat(m.profitFactor()).isCloseTo(1.0700508452069346, tol);
    assertThat(m.winLossRatio()).isCloseTo(0.9760367933117567, tol);
    assertThat(m.skewness()).isCloseTo(-0.35053782213564244, tol);
    assertThat(m.kurtosis()).isCloseTo(7.1521200487254095, within(1e-9));
    assertThat(m.probabilisticSharpe()).isCloseTo(0.9465336554923762, tol);
  }

  @Test
  void no_losses_and_no_variance_give_nan_not_infinity() {
    ReturnMetrics gainsOnly = ReturnMetrics.of(new double[] {0.01, 0.02}, 252);
    assertThat(gainsOnly.sortino()).isNaN(); // no downside deviation
    assertThat(gainsOnly.profitFactor()).isNaN();
    assertThat(gainsOnly.winLossRatio()).isNaN();
    assertThat(gainsOnly.maxDrawdown()).isZero();
    assertThat(gainsOnly.calmar()).isNaN(); // no drawdown
    assertThat(gainsOnly.hitRate()).isEqualTo(1.0);
    assertThat(gainsOnly.sharpe()).isFinite();

    ReturnMetrics flat = ReturnMetrics.of(new double[] {0.01, 0.01, 0.01}, 252);
    assertThat(flat.sharpe()).isNaN(); // zero variance
    assertThat(flat.skewness()).isNaN();
    assertThat(flat.probabilisticSharpe()).isNaN();
    assertThat(flat.annualVolatility()).isZero();

    ReturnMetrics zeros = ReturnMetrics.of(new double[] {0, 0, 0}, 252);
    assertThat(zeros.hitRate()).isNaN(); // no non-zero period
    assertThat(zeros.totalReturn()).isZero();

    ReturnMetrics lossesOnly = ReturnMetrics.of(new double[] {-0.01, -0.02}, 252);
    assertThat(lossesOnly.profitFactor()).isZero();
    assertThat(lossesOnly.winLossRatio()).isNaN(); // no gain to average
  }

  @Test
  void short_series_are_defined_as_far_as_they_can_be() {
    ReturnMetrics empty = ReturnMetrics.of(new double[0], 252);
    assertThat(empty.n()).isZero();
    assertThat(empty.totalReturn()).isNaN();
    assertThat(empty.maxDrawdown()).isNaN();
    assertThat(empty.sharpe()).isNaN();

    ReturnMetrics one = ReturnMetrics.of(new double[] {-0.02}, 252);
    assertThat(one.totalReturn()).isCloseTo(-0.02, TIGHT);
    assertThat(one.annualReturn()).isCloseTo(Math.pow(0.98, 252) - 1, TIGHT);
    assertThat(one.maxDrawdown()).isCloseTo(-0.02, TIGHT); // the starting wealth is a peak
    assertThat(one.annualVolatility()).isNaN();
    assertThat(one.sharpe()).isNaN();
    assertThat(one.sortino()).isNaN();
  }

  @Test
  void a_total_loss_gives_minus_one_and_a_negative_wealth_an_undefined_cagr() {
    ReturnMetrics wiped = ReturnMetrics.of(new double[] {0.1, -1.0, 0.5}, 252);
    assertThat(wiped.totalReturn()).isEqualTo(-1.0);
    assertThat(wiped.annualReturn()).isEqualTo(-1.0);
    assertThat(wiped.maxDrawdown()).isEqualTo(-1.0);
    ReturnMetrics negative = ReturnMetrics.of(new double[] {0.1, -1.5, 0.1}, 252);
    assertThat(negative.annualReturn()).isNaN();
  }

  @Test
  void a_million_compounded_returns_neither_overflow_nor_underflow() {
    // +1% then -0.5% alternating, 500,000 times each: wealth (1.01 * 0.995)^500000 = e^(500000 * ln 1.00495) ~ e^2469, beyond double
    double[] r = new double[1_000_000];
    for (int i = 0; i < r.length; i++) r[i] = i % 2 == 0 ? 0.01 : -0.005;
    ReturnMetrics m = ReturnMetrics.of(r, 252);
    double logWealthPerYear = 500_000 * Math.log(1.01 * 0.995) * 252 / 1_000_000;
    assertThat(m.annualReturn()).isCloseTo(Math.expm1(logWealthPerYear), within(1e-9 * Math.exp(logWealthPerYear)));
    assertThat(m.totalReturn()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.maxDrawdown()).isCloseTo(-0.005, within(1e-12));

    double[] down = new double[1_000_000];
    for (int i = 0; i < down.length; i++) down[i] = i % 2 == 0 ? -0.01 : 0.005;
    ReturnMetrics d = ReturnMetrics.of(down, 252);
    assertThat(d.annualReturn()).isCloseTo(Math.expm1(500_000 * Math.log(0.99 * 1.005) * 252 / 1_000_000), within(1e-12));
    assertThat(d.maxDrawdown()).isEqualTo(-1.0); // the fall rounds to the whole stake
    assertThat(d.totalReturn()).isEqualTo(-1.0);
  }

  @Test
  void non_finite_returns_and_bad_periods_are_refused() {
    assertThatThrownBy(() -> ReturnMetrics.of(new double[] {0.01, Double.NaN}, 252)).hasMessageContaining("index 1");
    assertThatThrownBy(() -> ReturnMetrics.of(HAND, 0)).hasMessageContaining("periods per year");
    assertThatThrownBy(() -> ReturnMetrics.of(HAND, Double.NaN)).hasMessageContaining("periods per year");
  }
}
