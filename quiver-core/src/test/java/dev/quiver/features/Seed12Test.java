package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Seed12Test {

  private static final FeatureSet SEED12 = FeatureSet.parse("seed12", List.of());

  @Test
  void seed12_names_are_the_reference_trainers_columns_in_order() {
    assertThat(SEED12.names()).containsExactly("price_change", "high_low_ratio", "open_close_ratio", "ma_5", "ma_10",
        "ma_20", "volatility_5", "volatility_10", "volume_ma_5", "volume_ratio", "rsi", "macd");
    assertThat(SEED12.lookback()).isEqualTo(19);
    assertThat(SEED12.needsVolume()).isTrue();
  }

  @Test
  void seed12_equals_the_exact_value_of_its_definitions_on_all_futures_bars() {
    List<String> failures = new ArrayList<>();
    double worst = 0;
    int rows = 0;
    for (Bars bars : TestData.futures()) {
      worst = Math.max(worst, compareWithOracle(bars, failures));
      rows += bars.size();
    }
    System.out.printf("seed12 vs exact definitions: %d rows, largest relative error %.3e%n", rows, worst);
    assertThat(rows).isEqualTo(144_000);
    assertThat(failures).isEmpty();
  }

  @Test
  void seed12_equals_the_exact_value_of_its_definitions_on_bitstamp_minute_bars() {
    List<String> failures = new ArrayList<>();
    double worst = compareWithOracle(TestData.bitstampMinuteBars(), failures);
    System.out.printf("seed12 vs exact definitions on Bitstamp: largest relative error %.3e%n", worst);
    assertThat(failures).isEmpty();
  }

  /** Every column against the oracle to 1e-9 relative; an exact 0 must be computed as 0. Returns the worst error. */
  private static double compareWithOracle(Bars bars, List<String> failures) {
    FeatureFrame frame = SEED12.compute(bars);
    double[][] exact = Seed12Oracle.exact(bars);
    double worst = 0;
    StringBuilder perColumn = new StringBuilder(bars.symbol() + " largest relative error per column:");
    for (int j = 0; j < 12; j++) {
      double[] got = frame.columns().get(j);
      double columnWorst = 0;
      for (int i = 0; i < bars.size(); i++) {
        double e = exact[j][i];
        double error = e == 0 ? (got[i] == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(got[i] - e) / Math.abs(e);
        columnWorst = Math.max(columnWorst, error);
        if (!(error <= 1e-9) && failures.size() < 20) {
          failures.add(bars.symbol() + " " + frame.names().get(j) + " row " + i + ": " + got[i] + " vs exact " + e);
        }
      }
      worst = Math.max(worst, columnWorst);
      perColumn.append(String.format(" %s %.1e", frame.names().get(j), columnWorst));
    }
    System.out.println(perColumn);
    return worst;
  }

  @Test
  void each_seed12_feature_alone_gives_the_same_bits_as_the_whole_set() {
    List<Bars> all = new ArrayList<>(TestData.futures());
    all.add(TestData.bitstampMinuteBars());
    for (Bars bars : all) {
      FeatureFrame together = SEED12.compute(bars);
      for (Feature f : SEED12.features()) {
        double[] alone = new double[bars.size()];
        f.compute(bars, alone);
        assertThat(alone).as(f.name() + " on " + bars.symbol()).isEqualTo(together.column(f.name()));
      }
    }
  }

  @Test
  void seed12_macd_is_bit_for_bit_the_standard_macd_line_and_the_means_match_sma_once_warm() {
    Bars bars = TestData.futures("IML8.cfe");
    FeatureFrame seed = SEED12.compute(bars);
    FeatureFrame standard = FeatureSet.parse("macd_line,sma_5,sma_20", List.of()).compute(bars);
    assertThat(seed.column("macd")).isEqualTo(standard.column("macd_line"));
    for (int i = 19; i < bars.size(); i++) {
      assertThat(seed.column("ma_5")[i]).isCloseTo(standard.column("sma_5")[i], org.assertj.core.api.Assertions.withinPercentage(1e-10));
      assertThat(seed.column("ma_20")[i]).isCloseTo(standard.column("sma_20")[i], org.assertj.core.api.Assertions.withinPercentage(1e-10));
    }
  }

  @Test
  void warm_up_rows_are_zero_and_real_values_start_at_each_lookback() {
    Bars bars = TestData.futures("IFL8.cfe");
    FeatureFrame frame = SEED12.compute(bars);
    for (Feature f : SEED12.features()) {
      double[] column = frame.column(f.name());
      for (int i = 0; i < f.lookback(); i++) assertThat(column[i]).as(f.name() + " row " + i).isZero();
      // macd is a real 0 at row 0, where both averages equal the first close
      int firstNonZero = f.name().equals("macd") ? 1 : f.lookback();
      assertThat(column[firstNonZero]).as(f.name() + " first value").isNotZero();
    }
  }

  @Test
  void a_flat_stretch_gives_zero_volatility_and_rsi_and_zero_volume_gives_zero_ratio() {
    int n = 60;
    double[] close = new double[n];
    double[] volume = new double[n];
    for (int i = 0; i < n; i++) {
      close[i] = i < 30 ? 4000 + (i % 7) * 0.2 + i : 4100.2; // moving, then flat from row 30
      volume[i] = i < 40 ? 10 + i : 0;                        // zero volume from row 40
    }
    Bars bars = new Bars("T", dev.quiver.data.Timeframe.M1, minutes(n), close, close, close, close, volume);
    FeatureFrame f = SEED12.compute(bars);
    // row 44: the last 14 changes (rows 31..44) are 0, the last 10 closes equal, the last 5 volumes 0
    assertThat(f.column("volatility_5")[44]).isZero();
    assertThat(f.column("volatility_10")[44]).isZero();
    assertThat(f.column("rsi")[44]).isZero();
    assertThat(f.column("volume_ma_5")[44]).isZero();
    assertThat(f.column("volume_ratio")[44]).isZero();
    assertThat(f.column("ma_20")[59]).isEqualTo(4100.2);
  }

  @Test
  void rsi_is_100_when_the_window_only_rises() {
    int n = 20;
    double[] close = new double[n];
    for (int i = 0; i < n; i++) close[i] = 100 + i;
    double[] volume = new double[n];
    java.util.Arrays.fill(volume, 1);
    Bars bars = new Bars("T", dev.quiver.data.Timeframe.M1, minutes(n), close, close, close, close, volume);
    double[] rsi = SEED12.compute(bars).column("rsi");
    for (int i = 13; i < n; i++) assertThat(rsi[i]).isEqualTo(100.0);
  }

  static long[] minutes(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) t[i] = 1_700_000_000_000L + i * 60_000L;
    return t;
  }
}
