package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.testing.TestData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Causal by construction: a feature at row i reads rows 0..i only. Changing every bar after a
 * cut (prices, volume, the user's column, and the times) must leave every row up to the cut
 * bit-identical; so must cutting the series off after the cut.
 */
class CausalityPropertiesTest {

  private static final String ALL = "seed12,sma_1,sma_20,ema_3,ema_200,rsi_2,rsi_14,macd_line,macd_signal,macd_hist,"
      + "bb_middle_20,bb_upper_20,bb_lower_20,bb_pctb_5,atr_14,ret_1,ret_60,logret_5,ret_std_2,ret_std_30,zscore_20,"
      + "volume_zscore_10,skew_3,skew_50,minute_of_day,day_of_week,my_signal";
  private static final FeatureSet SET = FeatureSet.parse(ALL, List.of("my_signal"));

  private static Bars withSignal(Bars b) {
    double[] signal = new double[b.size()];
    for (int i = 0; i < signal.length; i++) signal[i] = Math.sin(i * 0.01);
    return new Bars(b.symbol(), b.timeframe(), b.time(), b.open(), b.high(), b.low(), b.close(), b.volume(), Map.of("my_signal", signal));
  }

  /** A copy of {@code bars} whose every row after {@code cut} is replaced by a random but valid bar. */
  static Bars changedAfter(Bars bars, int cut, long seed) {
    Random random = new Random(seed);
    int n = bars.size();
    long[] t = bars.time().clone();
    double[] o = bars.open().clone();
    double[] h = bars.high().clone();
    double[] l = bars.low().clone();
    double[] c = bars.close().clone();
    double[] v = bars.volume().clone();
    Map<String, double[]> extras = new LinkedHashMap<>();
    bars.extras().forEach((k, x) -> extras.put(k, x.clone()));
    long shift = random.nextInt(3) * 60_000L * random.nextInt(100);
    for (int i = cut + 1; i < n; i++) {
      t[i] += shift;
      double prev = c[i - 1];
      c[i] = prev * (1 + 0.01 * random.nextGaussian());
      o[i] = prev * (1 + 0.005 * random.nextGaussian());
      h[i] = Math.max(o[i], c[i]) * (1 + 0.002 * random.nextDouble());
      l[i] = Math.min(o[i], c[i]) * (1 - 0.002 * random.nextDouble());
      v[i] = random.nextInt(5) == 0 ? 0 : random.nextInt(10_000);
      for (double[] x : extras.values()) x[i] = random.nextGaussian();
    }
    return new Bars(bars.symbol(), bars.timeframe(), t, o, h, l, c, v, extras);
  }

  private static void assertSameUpTo(FeatureFrame before, FeatureFrame after, int cut) {
    assertThat(after.names()).isEqualTo(before.names());
    for (int j = 0; j < before.names().size(); j++) {
      double[] a = before.columns().get(j);
      double[] b = after.columns().get(j);
      assertThat(Arrays.equals(a, 0, cut + 1, b, 0, cut + 1)).as(before.names().get(j) + " rows 0.." + cut).isTrue();
    }
  }

  @Property(tries = 25)
  void changing_futures_bars_after_a_cut_changes_no_feature_up_to_it(@ForAll @DoubleRange(min = 0, max = 1) double where, @ForAll long seed) {
    Bars bars = withSignal(TestData.futures().get((int) Math.floorMod(seed, 3L)));
    int cut = (int) (where * (bars.size() - 2));
    assertSameUpTo(SET.compute(bars), SET.compute(changedAfter(bars, cut, seed)), cut);
  }

  @Property(tries = 25)
  void changing_bitstamp_bars_after_a_cut_changes_no_feature_up_to_it(@ForAll @DoubleRange(min = 0, max = 1) double where, @ForAll long seed) {
    Bars bars = withSignal(TestData.bitstampMinuteBars());
    int cut = (int) (where * (bars.size() - 2));
    assertSameUpTo(SET.compute(bars), SET.compute(changedAfter(bars, cut, seed)), cut);
  }

  @Property(tries = 25)
  void features_of_a_series_cut_short_equal_those_of_the_whole_series(@ForAll @DoubleRange(min = 0, max = 1) double where, @ForAll boolean bitstamp) {
    Bars bars = withSignal(bitstamp ? TestData.bitstampMinuteBars() : TestData.futures("IML8.cfe"));
    int cut = (int) (where * (bars.size() - 1));
    assertSameUpTo(SET.compute(bars), SET.compute(bars.slice(0, cut + 1)), cut);
  }

  @Property(tries = 15)
  void joined_higher_timeframes_never_read_the_future(@ForAll @DoubleRange(min = 0, max = 1) double where, @ForAll long seed) {
    Bars base = TestData.futures().get((int) Math.floorMod(seed, 3L)).slice(0, 20_000);
    int cut = (int) (where * (base.size() - 2));
    FeatureSet set = FeatureSet.parse("seed12,rsi_14,atr_14,bb_pctb_20,zscore_5", List.of());
    FeatureFrame before = join(base, set);
    FeatureFrame after = join(changedAfter(base, cut, seed), set);
    assertSameUpTo(before, after, cut);
  }

  private static FeatureFrame join(Bars base, FeatureSet set) {
    Map<Timeframe, Bars> higher = Map.of(Timeframe.M5, ClockBuckets.aggregate(base, Timeframe.M5),
        Timeframe.M15, ClockBuckets.aggregate(base, Timeframe.M15), Timeframe.H1, ClockBuckets.aggregate(base, Timeframe.H1));
    return MultiTimeframe.join(base, set.compute(base), higher, set);
  }
}
