package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The standard library against ta4j-core 0.17 (DoubleNum) where the conventions are the same:
 * SMA, EMA and MACD (ta4j's EMA is pandas' adjust=False, seeded with the first value), Bollinger
 * bands (ta4j's StandardDeviationIndicator is the population deviation). ta4j seeds Wilder's RSI
 * and ATR with row 0 instead of the mean of the first N values, so those agree once the seed has
 * decayed ((N-1)/N per row: after 600 rows the seeds differ by less than 1e-18 of a value); their
 * seeds are checked by hand in {@link StandardFeaturesTest}.
 */
class Ta4jComparisonTest {

  private static final int ROWS = 6_000;

  private static List<Bars> samples() {
    return List.of(TestData.futures("IFL8.cfe").slice(0, ROWS), TestData.bitstampMinuteBars().slice(0, ROWS));
  }

  static BarSeries series(Bars bars) {
    BarSeries s = new BaseBarSeriesBuilder().withName(bars.symbol()).withNumTypeOf(DoubleNum.class).build();
    Duration d = bars.timeframe().duration();
    for (int i = 0; i < bars.size(); i++) {
      s.addBar(d, Instant.ofEpochMilli(bars.closeTime(i)).atZone(ZoneOffset.UTC), bars.open()[i], bars.high()[i],
          bars.low()[i], bars.close()[i], bars.volume()[i]);
    }
    return s;
  }

  private static double[] compute(Feature f, Bars bars) {
    double[] out = new double[bars.size()];
    f.compute(bars, out);
    return out;
  }

  /** Asserts |ours - ta4j| <= relative * |ta4j| + absolute for rows from..end, skipping rows where ta4j gives NaN. */
  private static void assertClose(String what, double[] ours, Indicator<Num> ta4j, int from, double relative, double absolute) {
    List<String> bad = new ArrayList<>();
    int compared = 0;
    for (int i = from; i < ours.length; i++) {
      double e = ta4j.getValue(i).doubleValue();
      if (Double.isNaN(e)) continue;
      compared++;
      if (!(Math.abs(ours[i] - e) <= relative * Math.abs(e) + absolute) && bad.size() < 10) bad.add("row " + i + ": " + ours[i] + " vs ta4j " + e);
    }
    assertThat(bad).as(what).isEmpty();
    assertThat(compared).as(what + " rows compared").isGreaterThan((ours.length - from) / 2);
  }

  private static boolean flatWindow(double[] x, int i, int n) {
    for (int j = i - n + 1; j < i; j++) if (x[j] != x[i]) return false;
    return true;
  }

  @Test
  void sma_matches_ta4j_sma_once_the_window_is_full() {
    for (Bars bars : samples()) {
      BarSeries s = series(bars);
      for (int n : new int[] {1, 5, 20, 200}) {
        assertClose("sma_" + n + " " + bars.symbol(), compute(new Sma(n), bars), new SMAIndicator(new ClosePriceIndicator(s), n), n - 1, 1e-12, 0);
      }
    }
  }

  @Test
  void ema_matches_ta4j_ema_from_the_first_bar() {
    for (Bars bars : samples()) {
      BarSeries s = series(bars);
      for (int n : new int[] {1, 2, 12, 26, 100}) {
        assertClose("ema_" + n + " " + bars.symbol(), compute(new Ema(n), bars), new EMAIndicator(new ClosePriceIndicator(s), n), 0, 1e-12, 0);
      }
    }
  }

  @Test
  void macd_line_signal_and_histogram_match_ta4j_macd_12_26_9() {
    for (Bars bars : samples()) {
      MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(series(bars)), 12, 26);
      // differences of prices: compared in price points (ta4j's own rounding is about 1e-12 of the price)
      double points = 1e-8;
      assertClose("macd_line " + bars.symbol(), compute(new Macd(Macd.Output.LINE), bars), macd, 0, 0, points);
      assertClose("macd_signal " + bars.symbol(), compute(new Macd(Macd.Output.SIGNAL), bars), macd.getSignalLine(9), 0, 0, points);
      assertClose("macd_hist " + bars.symbol(), compute(new Macd(Macd.Output.HIST), bars), macd.getHistogram(9), 0, 0, points);
    }
  }

  @Test
  void wilder_rsi_matches_ta4j_rsi_once_the_seed_has_decayed() {
    for (Bars bars : samples()) {
      BarSeries s = series(bars);
      for (int n : new int[] {2, 14, 30}) {
        assertClose("rsi_" + n + " " + bars.symbol(), compute(new WilderRsi(n), bars), new RSIIndicator(new ClosePriceIndicator(s), n), 40 * n + 600, 0, 1e-9);
      }
    }
  }

  @Test
  void wilder_atr_matches_ta4j_atr_once_the_seed_has_decayed() {
    for (Bars bars : samples()) {
      BarSeries s = series(bars);
      for (int n : new int[] {2, 14, 30}) {
        assertClose("atr_" + n + " " + bars.symbol(), compute(new Atr(n), bars), new ATRIndicator(s, n), 40 * n + 600, 1e-10, 0);
      }
    }
  }

  @Test
  void bollinger_bands_match_ta4j_with_its_population_standard_deviation() {
    for (Bars bars : samples()) {
      BarSeries s = series(bars);
      ClosePriceIndicator close = new ClosePriceIndicator(s);
      for (int n : new int[] {5, 20, 100}) {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, n);
        Num k = DoubleNum.valueOf(2);
        String at = "_" + n + " " + bars.symbol();
        assertClose("bb_middle" + at, compute(new Bollinger(Bollinger.Band.MIDDLE, n), bars), middle, n - 1, 1e-12, 0);
        assertClose("bb_upper" + at, compute(new Bollinger(Bollinger.Band.UPPER, n), bars), new BollingerBandsUpperIndicator(middle, sd, k), n - 1, 1e-12, 0);
        assertClose("bb_lower" + at, compute(new Bollinger(Bollinger.Band.LOWER, n), bars), new BollingerBandsLowerIndicator(middle, sd, k), n - 1, 1e-12, 0);
        // %b divides by the band width; ta4j's bands carry about 1e-12 of the price level, so compare to 1e-6.
        // In a flat window %b is 0/0: ours is NaN, ta4j's is its rounding noise over itself (0.25, 0.75 ...)
        double[] pctb = compute(new Bollinger(Bollinger.Band.PCTB, n), bars);
        PercentBIndicator ta4jPctb = new PercentBIndicator(close, n, 2.0);
        int flat = 0;
        List<String> bad = new ArrayList<>();
        for (int i = n - 1; i < bars.size(); i++) {
          double e = ta4jPctb.getValue(i).doubleValue();
          if (flatWindow(bars.close(), i, n)) {
            assertThat(pctb[i]).as("bb_pctb" + at + " flat row " + i).isNaN();
            flat++;
          } else if (!(Math.abs(pctb[i] - e) <= 1e-6) && bad.size() < 10) {
            bad.add("row " + i + ": " + pctb[i] + " vs ta4j " + e);
          }
        }
        assertThat(bad).as("bb_pctb" + at).isEmpty();
        if (n == 5 && bars.symbol().equals("BTCUSD")) assertThat(flat).as("flat 5-bar windows in the Bitstamp sample").isPositive();
      }
    }
  }
}
