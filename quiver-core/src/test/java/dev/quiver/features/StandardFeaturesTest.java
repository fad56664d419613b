package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.testing.TestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases for the conventions ta4j does not share (Wilder seeds, returns, sample
 * deviations, skewness, calendar fields, undefined values), and the rolling statistics against
 * their exact values on real data.
 */
class StandardFeaturesTest {

  private static Bars closes(double... close) {
    double[] volume = new double[close.length];
    Arrays.fill(volume, 1);
    return new Bars("T", Timeframe.M1, Seed12Test.minutes(close.length), close, close, close, close, volume);
  }

  private static double[] compute(Feature f, Bars bars) {
    double[] out = new double[bars.size()];
    f.compute(bars, out);
    return out;
  }

  @Test
  void wilder_rsi_seeds_with_the_mean_of_the_first_n_changes() {
    // changes +1, -0.5, +1, -0.5, +1. N = 3:
    // row 3: avg gain (1 + 0 + 1)/3 = 2/3, avg loss (0 + 0.5 + 0)/3 = 1/6, RSI = 100 (2/3) / (2/3 + 1/6) = 80
    // row 4: gain (2/3 * 2 + 0)/3 = 4/9, loss (1/6 * 2 + 0.5)/3 = 5/18, RSI = 100 (4/9)/(4/9 + 5/18) = 800/13
    // row 5: gain (4/9 * 2 + 1)/3 = 17/27, loss (5/18 * 2 + 0)/3 = 5/27, RSI = 100 * 17/22
    double[] rsi = compute(new WilderRsi(3), closes(10, 11, 10.5, 11.5, 11, 12));
    assertThat(Arrays.copyOf(rsi, 3)).containsOnly(Double.NaN);
    assertThat(rsi[3]).isCloseTo(80.0, within(1e-12));
    assertThat(rsi[4]).isCloseTo(800.0 / 13, within(1e-12));
    assertThat(rsi[5]).isCloseTo(1700.0 / 22, within(1e-12));
  }

  @Test
  void wilder_rsi_is_100_without_losses_and_undefined_without_any_move() {
    assertThat(compute(new WilderRsi(3), closes(1, 2, 3, 4, 5))).containsExactly(Double.NaN, Double.NaN, Double.NaN, 100, 100);
    assertThat(compute(new WilderRsi(2), closes(7, 7, 7, 7))).containsOnly(Double.NaN);
  }

  @Test
  void atr_seeds_with_the_mean_of_the_first_n_true_ranges() {
    // (high, low, close): TR1 = max(10.5-9.8, |10.5-9.5|, |9.8-9.5|) = 1.0, TR2 = max(0.3, 0.2, 0.1) = 0.3,
    // TR3 = max(0.8, |10.8-10.1| = 0.7, |10.0-10.1| = 0.1) = 0.8. N = 2: ATR2 = (1.0 + 0.3)/2 = 0.65,
    // ATR3 = (0.65 * 1 + 0.8)/2 = 0.725
    double[] high = {10, 10.5, 10.2, 10.8};
    double[] low = {9, 9.8, 9.9, 10.0};
    double[] close = {9.5, 10, 10.1, 10.6};
    Bars bars = new Bars("T", Timeframe.M1, Seed12Test.minutes(4), close, high, low, close, new double[4]);
    double[] atr = compute(new Atr(2), bars);
    assertThat(atr[0]).isNaN();
    assertThat(atr[1]).isNaN();
    assertThat(atr[2]).isCloseTo(0.65, within(1e-12));
    assertThat(atr[3]).isCloseTo(0.725, within(1e-12));
  }

  @Test
  void ema_is_seeded_with_the_first_close() {
    // alpha = 2/(3+1) = 0.5: 10, 0.5*10 + 0.5*11 = 10.5, 0.5*10.5 + 0.5*13 = 11.75 (pandas ewm(span=3, adjust=False))
    assertThat(compute(new Ema(3), closes(10, 11, 13))).containsExactly(10, 10.5, 11.75);
  }

  @Test
  void returns_look_back_k_bars() {
    Bars bars = closes(100, 110, 99, 121);
    // ret_2: 99/100 - 1 = -0.01, 121/110 - 1 = 0.1; logret_2 row 3: ln(1.1) = 0.09531017980432493
    double[] ret = compute(new SimpleReturn(2), bars);
    assertThat(ret[0]).isNaN();
    assertThat(ret[1]).isNaN();
    assertThat(ret[2]).isCloseTo(-0.01, within(1e-15));
    assertThat(ret[3]).isCloseTo(0.1, within(1e-15));
    assertThat(compute(new LogReturn(2), bars)[3]).isCloseTo(0.09531017980432493, within(1e-15));
  }

  @Test
  void return_std_is_the_sample_std_of_one_bar_returns() {
    // returns 0.01, -0.01, 0.01 (99.99 * 1.01 = 100.9899): mean 0.01/3, squared deviations (4 + 16 + 4)/9 * 1e-4,
    // divided by N - 1 = 2: 12/9 * 1e-4, root 0.02/sqrt(3) = 0.011547005383792516
    double[] std = compute(new ReturnStd(3), closes(100, 101, 99.99, 100.9899));
    assertThat(Arrays.copyOf(std, 3)).containsOnly(Double.NaN);
    assertThat(std[3]).isCloseTo(0.011547005383792516, within(1e-14));
    // equal returns: 0
    assertThat(compute(new ReturnStd(2), closes(100, 100, 100, 100))[3]).isZero();
  }

  @Test
  void zscore_bollinger_and_skew_of_a_small_window() {
    Bars bars = closes(1, 2, 3, 10);
    // window [2, 3, 10]: mean 5, deviations -3, -2, 5, squares 9 + 4 + 25 = 38
    // sample std sqrt(38/2) = sqrt(19): zscore (10 - 5)/sqrt(19) = 1.1470786693528088
    assertThat(compute(new ZScore(3), bars)[3]).isCloseTo(1.1470786693528088, within(1e-14));
    assertThat(compute(new ZScore(3), bars)[2]).isCloseTo(1.0, within(1e-14)); // [1,2,3]: (3-2)/1
    // population std sqrt(38/3) = 3.559026084010437: bands 5 +/- 7.118052168020874, %b = 12.118052168020874 / 14.236104336041748
    assertThat(compute(new Bollinger(Bollinger.Band.MIDDLE, 3), bars)[3]).isCloseTo(5.0, within(1e-14));
    assertThat(compute(new Bollinger(Bollinger.Band.UPPER, 3), bars)[3]).isCloseTo(12.118052168020874, within(1e-13));
    assertThat(compute(new Bollinger(Bollinger.Band.LOWER, 3), bars)[3]).isCloseTo(-2.118052168020874, within(1e-13));
    assertThat(compute(new Bollinger(Bollinger.Band.PCTB, 3), bars)[3]).isCloseTo(0.8512196793431352, within(1e-14));
    // m2 = 38/3, m3 = (-27 - 8 + 125)/3 = 30: G1 = sqrt(3*2)/(3-2) * 30 / (38/3)^1.5 = 1.6300591617118863
    // (pandas Series([2, 3, 10]).rolling(3).skew() gives the same)
    assertThat(compute(new Skew(3), bars)[3]).isCloseTo(1.6300591617118863, within(1e-13));
    assertThat(compute(new Skew(3), bars)[2]).isCloseTo(0.0, within(1e-14)); // [1, 2, 3] is symmetric
  }

  @Test
  void a_flat_window_has_no_zscore_percent_b_or_skew() {
    Bars bars = closes(5, 5, 5, 5);
    assertThat(compute(new ZScore(3), bars)[3]).isNaN();
    assertThat(compute(new Bollinger(Bollinger.Band.PCTB, 3), bars)[3]).isNaN();
    assertThat(compute(new Bollinger(Bollinger.Band.UPPER, 3), bars)[3]).isEqualTo(5.0);
    assertThat(compute(new Skew(3), bars)[3]).isNaN();
  }

  @Test
  void warm_up_rows_are_nan_up_to_the_lookback() {
    Bars bars = TestData.futures("ICL8.cfe").slice(0, 500);
    for (Feature f : FeatureSet.parse("sma_20,ema_5,rsi_14,macd_line,bb_pctb_20,atr_14,ret_3,logret_3,ret_std_10,zscore_10,volume_zscore_10,skew_10", List.of()).features()) {
      double[] v = compute(f, bars);
      for (int i = 0; i < f.lookback(); i++) assertThat(v[i]).as(f.name() + " row " + i).isNaN();
      assertThat(v[f.lookback()]).as(f.name() + " at its lookback").isNotNaN();
    }
  }

  @Test
  void calendar_fields_use_the_open_time_in_utc() {
    // 2024-01-01T00:00Z is a Monday; 2023-12-31T23:59Z a Sunday; 2024-09-27T01:30Z a Friday;
    // 1969-12-31T23:00Z (before the epoch) a Wednesday
    long[] t = {1704067200000L, 1704067140000L, 1727400600000L, -3600000L};
    Bars bars = new Bars("T", Timeframe.M1, t, new double[4], new double[4], new double[4], new double[4], new double[4]);
    assertThat(compute(new CalendarFeature(CalendarFeature.Field.MINUTE_OF_DAY), bars)).containsExactly(0, 1439, 90, 1380);
    assertThat(compute(new CalendarFeature(CalendarFeature.Field.DAY_OF_WEEK), bars)).containsExactly(1, 7, 5, 3);
  }

  @Test
  void an_input_column_passes_through_unchanged() {
    double[] signal = {0.5, Double.NaN, -3, 1e300};
    Bars plain = closes(1, 2, 3, 4);
    Bars bars = new Bars("T", Timeframe.M1, plain.time(), plain.open(), plain.high(), plain.low(), plain.close(), plain.volume(), Map.of("my_signal", signal));
    assertThat(compute(new InputColumn("my_signal"), bars)).containsExactly(signal);
  }

  @Test
  void rolling_statistics_match_their_exact_values_on_real_data() {
    Bars bars = TestData.futures("IML8.cfe").slice(0, 12_000);
    BigDecimal[] c = Seed12Oracle.exact(bars.close());
    BigDecimal[] v = Seed12Oracle.exact(bars.volume());
    List<String> bad = new ArrayList<>();
    for (int n : new int[] {3, 20, 390}) {
      double[] sma = compute(new Sma(n), bars);
      double[] upper = compute(new Bollinger(Bollinger.Band.UPPER, n), bars);
      double[] z = compute(new ZScore(n), bars);
      double[] vz = compute(new VolumeZScore(n), bars);
      double[] skew = compute(new Skew(n), bars);
      BigDecimal bn = BigDecimal.valueOf(n);
      for (int i = n - 1; i < bars.size(); i++) {
        BigDecimal sum = Seed12Oracle.sum(c, i, n);
        BigDecimal mean = sum.divide(bn, Seed12Oracle.MC);
        BigDecimal m2n = Seed12Oracle.centralSumTimesN(c, i, n); // n * sum of squared deviations
        double popSd = m2n.divide(bn.multiply(bn), Seed12Oracle.MC).sqrt(Seed12Oracle.MC).doubleValue();
        double sampleSd = Seed12Oracle.sampleVariance(c, i, n).sqrt(Seed12Oracle.MC).doubleValue();
        check(bad, "sma_" + n, i, sma[i], mean.doubleValue(), 1e-12, 0);
        check(bad, "bb_upper_" + n, i, upper[i], mean.doubleValue() + 2 * popSd, 1e-12, 0);
        double exactZ = sampleSd == 0 ? Double.NaN : c[i].subtract(mean).doubleValue() / sampleSd;
        check(bad, "zscore_" + n, i, z[i], exactZ, 1e-9, 1e-9);
        BigDecimal vMean = Seed12Oracle.sum(v, i, n).divide(bn, Seed12Oracle.MC);
        double vSd = Seed12Oracle.sampleVariance(v, i, n).sqrt(Seed12Oracle.MC).doubleValue();
        check(bad, "volume_zscore_" + n, i, vz[i], vSd == 0 ? Double.NaN : v[i].subtract(vMean).doubleValue() / vSd, 1e-9, 1e-9);
        if (n >= 3 && n <= 20) check(bad, "skew_" + n, i, skew[i], exactSkew(c, i, n, mean), 1e-9, 1e-9);
      }
    }
    double[] retStd = compute(new ReturnStd(20), bars);
    BigDecimal[] ret = new BigDecimal[bars.size()];
    for (int i = 1; i < bars.size(); i++) ret[i] = new BigDecimal((bars.close()[i] - bars.close()[i - 1]) / bars.close()[i - 1]);
    for (int i = 20; i < bars.size(); i++) {
      check(bad, "ret_std_20", i, retStd[i], Seed12Oracle.sampleVariance(ret, i, 20).sqrt(Seed12Oracle.MC).doubleValue(), 1e-9, 0);
    }
    assertThat(bad).isEmpty();
  }

  private static double exactSkew(BigDecimal[] x, int i, int n, BigDecimal mean) {
    BigDecimal m2 = BigDecimal.ZERO;
    BigDecimal m3 = BigDecimal.ZERO;
    for (int j = i - n + 1; j <= i; j++) {
      BigDecimal d = x[j].subtract(mean);
      m2 = m2.add(d.multiply(d));
      m3 = m3.add(d.multiply(d).multiply(d));
    }
    if (Seed12Oracle.centralSumTimesN(x, i, n).signum() == 0) return Double.NaN;
    double biased2 = m2.doubleValue() / n;
    double biased3 = m3.doubleValue() / n;
    return Math.sqrt((double) n * (n - 1)) / (n - 2) * biased3 / Math.pow(biased2, 1.5);
  }

  /** Relative tolerance, plus an absolute one for values that cross 0 (z-scores, skew); NaN must match NaN. */
  private static void check(List<String> bad, String what, int i, double got, double exact, double relative, double absolute) {
    boolean ok = Double.isNaN(exact) ? Double.isNaN(got) : Math.abs(got - exact) <= relative * Math.abs(exact) + absolute;
    if (!ok && bad.size() < 20) bad.add(what + " row " + i + ": " + got + " vs exact " + exact);
  }
}
