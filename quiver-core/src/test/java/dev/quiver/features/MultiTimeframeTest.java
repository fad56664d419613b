package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.testing.TestData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiTimeframeTest {

  private static final FeatureSet OPEN_MINUTE = FeatureSet.parse("minute_of_day", List.of());

  /** 1m bars opening at the given UTC clock times of one day (HH:MM). */
  private static Bars minuteBars(String... hhmm) {
    long[] t = new long[hhmm.length];
    double[] x = new double[hhmm.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Instant.parse("2024-03-01T" + hhmm[i] + ":00Z").toEpochMilli();
      x[i] = 100 + i;
    }
    return new Bars("T", Timeframe.M1, t, x, x, x, x, x);
  }

  @Test
  void a_base_row_gets_the_last_higher_bar_closed_by_its_own_close() {
    // 5m bars: 09:30 (closes 09:35) and 09:35 (closes 09:40). The 1m bar opening 09:33 closes 09:34: nothing
    // closed yet; 09:34 closes 09:35, when the 09:30 bar closes; 09:39 closes 09:40, when the 09:35 bar closes.
    Bars base = minuteBars("09:30", "09:31", "09:32", "09:33", "09:34", "09:35", "09:38", "09:39", "09:40");
    Bars fiveMinute = ClockBuckets.aggregate(base, Timeframe.M5);
    FeatureFrame joined = MultiTimeframe.join(base, OPEN_MINUTE.compute(base), Map.of(Timeframe.M5, fiveMinute), OPEN_MINUTE);
    assertThat(joined.names()).containsExactly("minute_of_day", "minute_of_day@5m");
    double nan = Double.NaN;
    // the joined value is the higher bar's open minute: 09:30 = 570, 09:35 = 575
    assertThat(joined.column("minute_of_day@5m")).containsExactly(nan, nan, nan, nan, 570, 570, 570, 575, 575);
  }

  @Test
  void across_a_session_gap_the_last_closed_bar_carries_on() {
    // lunch: bars to 11:29 (the 11:25 bucket closes 11:30), then from 13:00
    Bars base = minuteBars("11:27", "11:28", "11:29", "13:00", "13:01", "13:04");
    Bars fiveMinute = ClockBuckets.aggregate(base, Timeframe.M5);
    FeatureFrame joined = MultiTimeframe.join(base, OPEN_MINUTE.compute(base), Map.of(Timeframe.M5, fiveMinute), OPEN_MINUTE);
    // 11:25 = 685, 13:00 = 780 (closes 13:05, at the close of the 13:04 bar)
    assertThat(joined.column("minute_of_day@5m")).containsExactly(Double.NaN, Double.NaN, 685, 685, 685, 780);
  }

  @Test
  void timeframes_join_in_ascending_order_whatever_the_map_order() {
    Bars base = TestData.futures("ICL8.cfe").slice(0, 3_000);
    FeatureSet set = FeatureSet.parse("rsi_14,ema_5", List.of());
    Map<Timeframe, Bars> higher = new LinkedHashMap<>();
    higher.put(Timeframe.H1, ClockBuckets.aggregate(base, Timeframe.H1));
    higher.put(Timeframe.M5, ClockBuckets.aggregate(base, Timeframe.M5));
    FeatureFrame joined = MultiTimeframe.join(base, set.compute(base), higher, set);
    assertThat(joined.names()).containsExactly("rsi_14", "ema_5", "rsi_14@5m", "ema_5@5m", "rsi_14@1h", "ema_5@1h");
    assertThat(joined.rows()).isEqualTo(3_000);
  }

  @Test
  void every_joined_value_is_that_of_a_higher_bar_closed_by_the_base_close() {
    Bars base = TestData.futures("IFL8.cfe").slice(0, 8_000);
    Bars hour = ClockBuckets.aggregate(base, Timeframe.H1);
    FeatureSet set = FeatureSet.parse("ema_3", List.of());
    double[] hourEma = set.compute(hour).column("ema_3");
    double[] joined = MultiTimeframe.join(base, set.compute(base), Map.of(Timeframe.H1, hour), set).column("ema_3@1h");
    for (int i = 0; i < base.size(); i++) {
      int expected = -1;
      for (int k = 0; k < hour.size(); k++) if (hour.closeTime(k) <= base.closeTime(i)) expected = k;
      assertThat(Double.valueOf(joined[i])).as("row " + i).isEqualTo(Double.valueOf(expected < 0 ? Double.NaN : hourEma[expected]));
    }
  }

  @Test
  void a_timeframe_not_longer_than_the_base_is_bad_input() {
    Bars fiveMinute = ClockBuckets.aggregate(TestData.futures("ICL8.cfe").slice(0, 600), Timeframe.M5);
    Bars minute = TestData.futures("ICL8.cfe").slice(0, 600);
    assertThatThrownBy(() -> MultiTimeframe.join(fiveMinute, OPEN_MINUTE.compute(fiveMinute), Map.of(Timeframe.M1, minute), OPEN_MINUTE))
        .isInstanceOf(BadInputException.class).hasMessageContaining("timeframe 1m is not longer than the base timeframe 5m");
  }
}
