package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.testing.TestData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

  @Test
  void a_spec_keeps_the_order_asked_and_drops_repeats() {
    FeatureSet set = FeatureSet.parse(" rsi_14, seed12 ,ma_5,ema_26,rsi_14, my_signal,atr_14", List.of("my_signal", "other"));
    assertThat(set.names()).containsExactly("rsi_14", "price_change", "high_low_ratio", "open_close_ratio", "ma_5", "ma_10",
        "ma_20", "volatility_5", "volatility_10", "volume_ma_5", "volume_ratio", "rsi", "macd", "ema_26", "my_signal", "atr_14");
    assertThat(set.lookback()).isEqualTo(19);
    assertThat(set.needsVolume()).isTrue();
  }

  @Test
  void every_pattern_and_fixed_name_parses_to_a_feature_of_that_name() {
    String spec = "sma_7,ema_1,rsi_2,bb_middle_20,bb_upper_20,bb_lower_20,bb_pctb_20,atr_10000,ret_1,logret_60,ret_std_2,"
        + "zscore_30,volume_zscore_30,skew_3,macd_line,macd_signal,macd_hist,minute_of_day,day_of_week";
    FeatureSet set = FeatureSet.parse(spec, List.of());
    assertThat(set.names()).containsExactly(spec.split(","));
    assertThat(set.lookback()).isEqualTo(10_000);
    assertThat(FeatureSet.parse("sma_7,rsi_2", List.of()).needsVolume()).isFalse();
    assertThat(FeatureSet.parse("volume_zscore_30", List.of()).needsVolume()).isTrue();
  }

  @Test
  void unknown_names_are_all_reported_once_with_suggestions_and_what_is_valid() {
    assertThatThrownBy(() -> FeatureSet.parse("seed13,rsi14,my_signl,sma_0,ema_07,skew_2", List.of("my_signal")))
        .isInstanceOfSatisfying(BadInputException.class, e -> {
          assertThat(e.problems()).extracting(Problem::value).containsExactly("seed13", "rsi14", "my_signl", "sma_0", "ema_07", "skew_2");
          assertThat(e.problems().get(0).message()).contains("did you mean 'seed12'?");
          assertThat(e.problems().get(1).message()).contains("did you mean 'rsi_14'?");
          assertThat(e.problems().get(2).message()).contains("did you mean 'my_signal'?");
          assertThat(e.problems().get(3).message()).contains("from 1 to 10000");
          assertThat(e.problems().get(4).message()).contains("without leading zeros");
          assertThat(e.problems().get(5).message()).contains("from 3 to 10000");
          assertThat(e.fix()).contains("Sets: seed12", "sma_N", "ret_K", "volume_zscore_N", "macd_line", "minute_of_day", "Input columns: my_signal");
        });
  }

  @Test
  void an_empty_spec_and_a_name_that_is_also_an_input_column_are_bad_input() {
    assertThatThrownBy(() -> FeatureSet.parse(" , ", List.of())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no feature asked for");
    assertThatThrownBy(() -> FeatureSet.parse("rsi", List.of("rsi"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("both a built-in feature and a column of the input");
    assertThatThrownBy(() -> FeatureSet.parse("my_signal", List.of())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("Input columns: none");
  }

  @Test
  void compute_gives_one_column_per_feature_in_order_sharing_the_bar_times() {
    Bars bars = TestData.futures("ICL8.cfe");
    FeatureSet set = FeatureSet.parse("ema_26,seed12,atr_14", List.of());
    FeatureFrame frame = set.compute(bars);
    assertThat(frame.symbol()).isEqualTo("ICL8.cfe");
    assertThat(frame.names()).isEqualTo(set.names());
    assertThat(frame.time()).isSameAs(bars.time());
    assertThat(frame.columns()).allSatisfy(c -> assertThat(c).hasSize(bars.size()));
    double[] alone = new double[bars.size()];
    new Atr(14).compute(bars, alone);
    assertThat(frame.column("atr_14")).isEqualTo(alone);
  }

  @Test
  void volume_features_on_data_without_volume_name_the_features_and_the_missing_volume() {
    Bars withVolume = TestData.futures("ICL8.cfe").slice(0, 100);
    double[] none = new double[100];
    Arrays.fill(none, Double.NaN);
    Bars bars = new Bars("EURUSD", Timeframe.M1, withVolume.time(), withVolume.open(), withVolume.high(), withVolume.low(), withVolume.close(), none);
    assertThatThrownBy(() -> FeatureSet.parse("rsi_14,seed12,volume_zscore_20", List.of()).compute(bars))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("volume_ma_5, volume_ratio, volume_zscore_20 need volume")
        .hasMessageContaining("EURUSD has no volume");
    assertThat(FeatureSet.parse("rsi_14,macd_line", List.of()).compute(bars).rows()).isEqualTo(100);
  }

  @Test
  void an_input_column_missing_from_the_bars_is_bad_input() {
    Bars bars = TestData.futures("ICL8.cfe").slice(0, 10);
    Bars withSignal = new Bars(bars.symbol(), bars.timeframe(), bars.time(), bars.open(), bars.high(), bars.low(), bars.close(), bars.volume(), Map.of("my_signal", new double[10]));
    FeatureSet set = FeatureSet.parse("my_signal", List.of("my_signal"));
    assertThat(set.compute(withSignal).column("my_signal")).containsOnly(0.0);
    assertThatThrownBy(() -> set.compute(bars)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("has no column my_signal");
  }

  @Test
  void series_shorter_than_a_window_get_no_values_and_no_error() {
    Bars bars = TestData.futures("ICL8.cfe").slice(0, 3);
    FeatureFrame frame = FeatureSet.parse("seed12,sma_5,rsi_14,atr_14,bb_pctb_20,skew_5,ret_std_5,zscore_5", List.of()).compute(bars);
    assertThat(frame.column("ma_5")).containsOnly(0.0);
    assertThat(frame.column("sma_5")).containsOnly(Double.NaN);
    assertThat(frame.column("rsi_14")).containsOnly(Double.NaN);
    Bars empty = bars.slice(0, 0);
    assertThat(FeatureSet.parse("seed12,macd_hist,ema_3", List.of()).compute(empty).rows()).isZero();
  }
}
