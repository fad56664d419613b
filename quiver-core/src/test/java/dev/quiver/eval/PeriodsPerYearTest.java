package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.testing.TestData;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsPerYearTest {

  @Test
  void one_minute_a_share_bars_count_240_a_day_on_trading_days_only() {
    // 000001.sh: 16,080 bars = 67 trading days x 240, from 2024-06-14 over 97 calendar days
    // periods per year = 240 * 67 / 97 * 365.25 = 60,548.66 (about 252 trading days a year from this span)
    Bars b = TestData.bars(TestData.ASHARE_1M, Timeframe.M1).get("000001.sh");
    PeriodsPerYear p = PeriodsPerYear.estimate(b.time());
    assertThat(p.barsPerDay()).isEqualTo(240);
    assertThat(p.activeDays()).isEqualTo(67);
    assertThat(p.calendarDays()).isEqualTo(97);
    assertThat(p.periodsPerYear()).isCloseTo(240.0 * 67 / 97 * 365.25, within(1e-9));
    assertThat(p.activeDaysPerYear()).isBetween(235.0, 260.0);
  }

  @Test
  void index_futures_and_daily_bars_give_their_own_calendars() {
    // 48,000 futures bars = 200 days x 240 over 299 calendar days
    PeriodsPerYear f = PeriodsPerYear.estimate(TestData.futures("ICL8.cfe").time());
    assertThat(f.barsPerDay()).isEqualTo(240);
    assertThat(f.periodsPerYear()).isCloseTo(240.0 * 200 / 299 * 365.25, within(1e-9));
    // 4,790 daily bars of the CSI 300 since 2005: one bar a day on about 243 days a year
    PeriodsPerYear d = PeriodsPerYear.estimate(TestData.bars(TestData.DAILY_1D, Timeframe.D1).get("000300.sh").time());
    assertThat(d.barsPerDay()).isEqualTo(1);
    assertThat(d.periodsPerYear()).isCloseTo(4790.0 / 7199 * 365.25, within(1e-9));
    assertThat(d.periodsPerYear()).isBetween(238.0, 248.0);
  }

  @Test
  void bitstamp_minute_bars_trade_every_day_of_the_year() {
    // 7 calendar days (2013-11-25 .. 12-01), all active; minutes without a trade have no bar, so the median
    // day holds about 1,405 bars rather than 1,440: the estimate follows the bars actually there
    PeriodsPerYear p = PeriodsPerYear.estimate(TestData.bitstampMinuteBars().time());
    assertThat(p.calendarDays()).isEqualTo(7);
    assertThat(p.activeDays()).isEqualTo(7);
    assertThat(p.activeDaysPerYear()).isEqualTo(365.25);
    assertThat(p.barsPerDay()).isBetween(1380.0, 1440.0);
    assertThat(p.periodsPerYear()).isCloseTo(p.barsPerDay() * 365.25, within(1e-9));
    PeriodsPerYear ashare = PeriodsPerYear.estimate(TestData.bars(TestData.ASHARE_1M, Timeframe.M1).get("000001.sh").time());
    assertThat(p.periodsPerYear() / ashare.periodsPerYear()).isGreaterThan(8.0); // same timeframe, very different years
  }

  @Test
  void complete_round_the_clock_minutes_give_1440_times_365_25() {
    long start = 1_700_000_000_000L / 86_400_000L * 86_400_000L;
    long[] t = new long[10 * 1440];
    for (int i = 0; i < t.length; i++) t[i] = start + i * 60_000L;
    PeriodsPerYear p = PeriodsPerYear.estimate(t);
    assertThat(p.barsPerDay()).isEqualTo(1440);
    assertThat(p.periodsPerYear()).isEqualTo(1440 * 365.25);
  }

  @Test
  void repeated_timestamps_of_several_symbols_count_once() {
    List<Bars> futures = TestData.futures();
    List<Long> merged = new ArrayList<>();
    for (int i = 0; i < futures.get(0).size(); i++) for (Bars b : futures) merged.add(b.time()[i]);
    long[] t = merged.stream().mapToLong(Long::longValue).toArray();
    assertThat(PeriodsPerYear.estimate(t)).isEqualTo(PeriodsPerYear.estimate(futures.get(0).time()));
  }

  @Test
  void the_zone_decides_where_a_day_starts() {
    // 09:30-15:00 Shanghai is 01:30-07:00 UTC: one day in either zone, so the estimate is the same
    long[] t = TestData.futures("ICL8.cfe").time();
    assertThat(PeriodsPerYear.estimate(t, ZoneId.of("Asia/Shanghai"))).isEqualTo(PeriodsPerYear.estimate(t));
    // at UTC-5 the morning session falls on the evening before (20:30-22:30) and the afternoon after midnight,
    // so Sundays become active days: more active days than the 200 trading days
    PeriodsPerYear west = PeriodsPerYear.estimate(t, ZoneId.of("-05:00"));
    assertThat(west.activeDays()).isGreaterThan(220);
    assertThat(west.barsPerDay()).isLessThanOrEqualTo(240);
  }

  @Test
  void less_than_a_week_of_timestamps_is_bad_input_and_disorder_is_refused() {
    long[] sixDays = {0, 5 * 86_400_000L + 1};
    assertThatThrownBy(() -> PeriodsPerYear.estimate(sixDays)).isInstanceOf(BadInputException.class).hasMessageContaining("6 calendar days")
        .hasMessageContaining("periods per year explicitly");
    assertThatThrownBy(() -> PeriodsPerYear.estimate(new long[0])).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> PeriodsPerYear.estimate(new long[] {10, 5})).hasMessageContaining("index 1");
  }
}
