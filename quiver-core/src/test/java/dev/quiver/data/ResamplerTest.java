package dev.quiver.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.testing.TestData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Resampling real 1m futures bars. */
class ResamplerTest {

  private static final Bars ICL = TestData.futures("ICL8.cfe");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void futures_1m_resample_to_the_expected_bar_counts() {
    // 200 trading days of 240 bars: 01:30-03:29 and 05:00-06:59 UTC
    assertThat(Resampler.resample(ICL, Timeframe.M5).bars().size()).isEqualTo(200 * 48);
    assertThat(Resampler.resample(ICL, Timeframe.M15).bars().size()).isEqualTo(200 * 16);
    assertThat(Resampler.resample(ICL, Timeframe.H1).bars().size()).isEqualTo(200 * 5);
    Resampled daily = Resampler.resample(ICL, Timeframe.D1);
    assertThat(daily.lastIncomplete()).isTrue();
    assertThat(daily.bars().size()).isEqualTo(199);
    assertThat(Resampler.resample(ICL, Timeframe.D1, ResampleOptions.defaults().withIncludeIncomplete(true)).bars().size()).isEqualTo(200);
    assertThat(Resampler.resample(ICL, Timeframe.M5).lastIncomplete()).isFalse();
  }

  @Test
  void the_lunch_break_and_nights_produce_no_bars() {
    Bars h1 = Resampler.resample(ICL, Timeframe.H1).bars();
    assertThat(h1.timeframe()).isEqualTo(Timeframe.H1);
    for (long t : h1.time()) {
      int hour = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getHour();
      assertThat(hour).isIn(1, 2, 3, 5, 6);
    }
    Bars m15 = Resampler.resample(ICL, Timeframe.M15).bars();
    for (int i = 1; i < m15.size(); i++) {
      long gap = m15.time()[i] - m15.time()[i - 1];
      if (gap != Timeframe.M15.millis()) {
        // only the lunch break (03:15 -> 05:00 UTC) and the nights/weekends between sessions
        assertThat(gap).isGreaterThanOrEqualTo(105 * 60_000L);
      }
    }
  }

  @Test
  void ohlcv_of_each_hour_matches_a_direct_computation() {
    Bars h1 = Resampler.resample(ICL, Timeframe.H1).bars();
    int k = 0;
    for (int b = 0; b < h1.size(); b++) {
      long start = h1.time()[b];
      int first = k;
      double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY, vol = 0;
      while (k < ICL.size() && ICL.time()[k] < start + 3_600_000L) {
        assertThat(ICL.time()[k]).isGreaterThanOrEqualTo(start);
        hi = Math.max(hi, ICL.high()[k]);
        lo = Math.min(lo, ICL.low()[k]);
        vol += ICL.volume()[k];
        k++;
      }
      assertThat(h1.open()[b]).isEqualTo(ICL.open()[first]);
      assertThat(h1.close()[b]).isEqualTo(ICL.close()[k - 1]);
      assertThat(h1.high()[b]).isEqualTo(hi);
      assertThat(h1.low()[b]).isEqualTo(lo);
      assertThat(h1.volume()[b]).isEqualTo(vol);
    }
    assertThat(k).isEqualTo(ICL.size());
  }

  @Test
  void daily_buckets_are_days_of_the_session_zone_stamped_at_local_midnight() {
    Resampled r = Resampler.resample(ICL, Timeframe.D1, new ResampleOptions(SHANGHAI, true));
    Bars d = r.bars();
    assertThat(d.size()).isEqualTo(200);
    LocalDate firstDay = Instant.ofEpochMilli(ICL.time()[0]).atZone(SHANGHAI).toLocalDate();
    assertThat(d.time()[0]).isEqualTo(firstDay.atStartOfDay(SHANGHAI).toInstant().toEpochMilli());
    assertThat(Instant.ofEpochMilli(d.time()[0]).toString()).endsWith("T16:00:00Z");
    assertThat(d.open()[0]).isEqualTo(ICL.open()[0]);
    assertThat(d.close()[0]).isEqualTo(ICL.close()[239]);
  }

  @Test
  void a_daily_session_zone_with_daylight_saving_keeps_calendar_days() {
    ZoneId ny = ZoneId.of("America/New_York");
    long[] t = new long[4];
    String[] local = {"2024-03-09T10:00", "2024-03-09T15:00", "2024-03-10T10:00", "2024-03-11T10:00"};
    for (int i = 0; i < 4; i++) t[i] = java.time.LocalDateTime.parse(local[i]).atZone(ny).toInstant().toEpochMilli();
    double[] one = {1, 2, 3, 4};
    Bars bars = new Bars("X", Timeframe.H1, t, one, one, one, one, one);
    Bars d = Resampler.resample(bars, Timeframe.D1, new ResampleOptions(ny, true)).bars();
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.volume()).containsExactly(3.0, 3.0, 4.0);
    assertThat(d.time()[2] - d.time()[1]).isEqualTo(23 * 3_600_000L);
  }

  @Test
  void extras_take_the_last_value_and_missing_volume_stays_missing() {
    long[] t = {0, 60_000, 120_000, 300_000, 360_000};
    double[] p = {1, 2, 3, 4, 5};
    double[] noVolume = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Bars bars = new Bars("X", Timeframe.M1, t, p, p, p, p, noVolume, Map.of("signal", new double[] {10, 20, 30, 40, 50}));
    Resampled r = Resampler.resample(bars, Timeframe.M5);
    assertThat(r.lastIncomplete()).isTrue();
    assertThat(r.bars().size()).isEqualTo(1);
    assertThat(r.bars().extras().get("signal")).containsExactly(30.0);
    assertThat(r.bars().hasVolume()).isFalse();
    Resampled all = Resampler.resample(bars, Timeframe.M5, ResampleOptions.defaults().withIncludeIncomplete(true));
    assertThat(all.bars().time()).containsExactly(0L, 300_000L);
    assertThat(all.bars().extras().get("signal")).containsExactly(30.0, 50.0);
    assertThat(all.lastIncomplete()).isTrue();
  }

  @Test
  void resampling_to_a_finer_timeframe_is_bad_input() {
    Bars h1 = Resampler.resample(ICL, Timeframe.H1).bars();
    assertThatThrownBy(() -> Resampler.resample(h1, Timeframe.M5)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("1h").hasMessageContaining("5m");
  }

  @Property(tries = 60)
  void resampling_matches_brute_force_aggregation_on_random_slices(
      @ForAll @IntRange(min = 0, max = 47_000) int from, @ForAll @IntRange(min = 1, max = 1_000) int length,
      @ForAll @IntRange(min = 1, max = 6) int target, @ForAll boolean includeIncomplete, @ForAll boolean shanghai) {
    Bars slice = ICL.slice(from, Math.min(ICL.size(), from + length));
    Timeframe to = Timeframe.values()[target];
    ZoneId zone = shanghai ? SHANGHAI : ZoneOffset.UTC;
    Resampled r = Resampler.resample(slice, to, new ResampleOptions(zone, includeIncomplete));

    TreeMap<Long, List<Integer>> buckets = new TreeMap<>();
    for (int i = 0; i < slice.size(); i++) {
      long t = slice.time()[i];
      long start = to == Timeframe.D1
          ? Instant.ofEpochMilli(t).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli()
          : t - Math.floorMod(t, to.millis());
      buckets.computeIfAbsent(start, s -> new ArrayList<>()).add(i);
    }
    long lastStart = buckets.lastKey();
    long lastEnd = to == Timeframe.D1
        ? Instant.ofEpochMilli(lastStart).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()
        : lastStart + to.millis();
    boolean incomplete = slice.closeTime(slice.size() - 1) < lastEnd;
    assertThat(r.lastIncomplete()).isEqualTo(incomplete);
    if (incomplete && !includeIncomplete) buckets.remove(lastStart);

    Bars out = r.bars();
    assertThat(out.size()).isEqualTo(buckets.size());
    int b = 0;
    for (Map.Entry<Long, List<Integer>> e : buckets.entrySet()) {
      List<Integer> rows = e.getValue();
      double hi = Double.NEGATIVE_INFINITY, lo = Double.POSITIVE_INFINITY, vol = 0;
      for (int i : rows) {
        hi = Math.max(hi, slice.high()[i]);
        lo = Math.min(lo, slice.low()[i]);
        vol += slice.volume()[i];
      }
      assertThat(out.time()[b]).isEqualTo(e.getKey());
      assertThat(out.open()[b]).isEqualTo(slice.open()[rows.get(0)]);
      assertThat(out.close()[b]).isEqualTo(slice.close()[rows.get(rows.size() - 1)]);
      assertThat(out.high()[b]).isEqualTo(hi);
      assertThat(out.low()[b]).isEqualTo(lo);
      assertThat(out.volume()[b]).isEqualTo(vol);
      b++;
    }
  }
}
