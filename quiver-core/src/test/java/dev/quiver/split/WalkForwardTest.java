package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.testing.TestData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

  private static final long DAY = CalendarWalkForward.DAY_MS;
  private static final long HOUR = 3_600_000L;

  @Test
  void rolling_bar_count_folds_follow_the_formula_minus_purged_rows() {
    // n = 20, A = 8, B = 4, C = 4, labelEnd(i) = i + 2.
    // fold f tests [8 + 4f, 12 + 4f) while it fits in 20: f = 0, 1, 2.
    // fold 0: train [0, 8) minus rows whose label ends after row 8: row 7 (labelEnd 9).
    //   Row 6 (labelEnd 8) is kept: its label ends at the first test row. Train [0, 7).
    // fold 1: train [4, 12) minus row 11 (labelEnd 13 > 12): [4, 11). fold 2: [8, 15).
    List<Fold> f = new WalkForward(8, 4, 4, false).folds(Timeline.ofRows(20, 2));
    assertThat(f).containsExactly(
        new Fold("walk-forward-0", 0, 7, 8, 8, 8, 12),
        new Fold("walk-forward-1", 4, 11, 12, 12, 12, 16),
        new Fold("walk-forward-2", 8, 15, 16, 16, 16, 20));
  }

  @Test
  void expanding_bar_count_folds_train_from_row_zero() {
    List<Fold> f = new WalkForward(8, 4, 4, true).folds(Timeline.ofRows(21, 2));
    // 21 rows: the block [20, 24) does not fit, so still three folds; the last row is never tested
    assertThat(f).extracting(Fold::train).containsExactly(Rows.range(0, 7), Rows.range(0, 11), Rows.range(0, 15));
    assertThat(f).extracting(Fold::test).containsExactly(Rows.range(8, 12), Rows.range(12, 16), Rows.range(16, 20));
  }

  @Test
  void a_step_shorter_than_the_test_block_overlaps_test_blocks_as_the_formula_says() {
    List<Fold> f = new WalkForward(5, 4, 2, false).folds(Timeline.ofRows(13, 0));
    // tests [5,9) [7,11) [9,13); trains [0,5) [2,7) [4,9); horizon 0 purges nothing
    assertThat(f).extracting(Fold::test).containsExactly(Rows.range(5, 9), Rows.range(7, 11), Rows.range(9, 13));
    assertThat(f).extracting(Fold::train).containsExactly(Rows.range(0, 5), Rows.range(2, 7), Rows.range(4, 9));
  }

  @Test
  void bar_count_errors_name_the_sizes() {
    assertThatThrownBy(() -> new WalkForward(0, 0, -1, false)).isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).hasSize(3));
    assertThatThrownBy(() -> new WalkForward(80, 30, 10, false).folds(Timeline.ofRows(100, 1))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("needs at least 110 rows, there are 100");
    assertThatThrownBy(() -> new WalkForward(3, 5, 5, false).folds(Timeline.ofRows(20, 4))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no training rows left");
  }

  /** Four hourly bars (01:00-04:00 UTC) on each of days 0-4 and 7-9: a weekend gap on days 5 and 6. */
  private static Timeline tradingDays() {
    int[] days = {0, 1, 2, 3, 4, 7, 8, 9};
    long[] time = new long[days.length * 4];
    int[] end = new int[time.length];
    for (int d = 0; d < days.length; d++) {
      for (int h = 0; h < 4; h++) time[d * 4 + h] = days[d] * DAY + (h + 1) * HOUR;
    }
    for (int i = 0; i < end.length; i++) end[i] = Math.min(i + 1, end.length - 1);
    return new Timeline(time, end);
  }

  @Test
  void calendar_windows_count_days_from_the_first_bars_utc_midnight_and_skip_empty_tests() {
    // rows: day 0 -> 0..3, day 1 -> 4..7, ..., day 4 -> 16..19, day 7 -> 20..23, day 8 -> 24..27, day 9 -> 28..31
    // train 3 days, test 2 days, step 2 days, rolling; labels read one row ahead.
    // window 0: test days [3, 5) = rows [12, 20); train days [0, 3) = rows [0, 12); row 11's label
    //   ends at row 12, the first test row, so nothing is purged.
    // window 1: test days [5, 7): no bars (the weekend): skipped.
    // window 2: test days [7, 9) = rows [20, 28); train days [4, 7) = rows [16, 20).
    // window 3: test days [9, 11) = rows [28, 32), cut short by the end of the data; train days [6, 9) = rows [20, 28).
    // window 4 would start on day 11, after the last bar: the end.
    List<Fold> f = new CalendarWalkForward(3, 2, 2, 1, false).folds(tradingDays());
    assertThat(f).containsExactly(
        new Fold("walk-forward-0", 0, 12, 12, 12, 12, 20),
        new Fold("walk-forward-1", 16, 20, 20, 20, 20, 28),
        new Fold("walk-forward-2", 20, 28, 28, 28, 28, 32));
  }

  @Test
  void calendar_windows_with_too_few_training_rows_are_skipped_and_expanding_keeps_the_origin() {
    // min_train_samples 5 drops window 2 (4 training rows) of the rolling case above
    assertThat(new CalendarWalkForward(3, 2, 2, 5, false).folds(tradingDays())).extracting(Fold::test)
        .containsExactly(Rows.range(12, 20), Rows.range(28, 32));
    assertThat(new CalendarWalkForward(3, 2, 2, 5, true).folds(tradingDays())).extracting(Fold::train)
        .containsExactly(Rows.range(0, 12), Rows.range(0, 20), Rows.range(0, 28));
  }

  @Test
  void calendar_settings_that_leave_no_fold_say_what_the_data_spans() {
    assertThatThrownBy(() -> new CalendarWalkForward(30, 5, 5, 1, false).folds(tradingDays())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("spans 10 days (32 rows)");
    assertThatThrownBy(() -> new CalendarWalkForward(0, 1, 1, 0, true)).isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).hasSize(2));
  }

  @Test
  void calendar_walk_forward_on_real_futures_minutes_tests_whole_utc_days_and_purges_multi_bar_labels() {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("wf", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")),
        "5m", List.of(), "seed12", null, "return:6", null, null));
    Dataset data = ExperimentRunner.dataset(c, RunObserver.NONE);
    List<Fold> folds = new CalendarWalkForward(5, 1, 1, 100, false).folds(data);
    assertThat(folds).hasSizeGreaterThan(10);
    long[] time = data.time();
    int[] end = data.labelEnd();
    int previousTestTo = 0;
    for (Fold f : folds) {
      int a = f.testFrom();
      long day = Math.floorDiv(time[a], DAY);
      // one UTC day per test window, every bar of that day
      assertThat(Math.floorDiv(time[f.testTo() - 1], DAY)).isEqualTo(day);
      if (a > 0) assertThat(Math.floorDiv(time[a - 1], DAY)).isLessThan(day);
      if (f.testTo() < data.rows()) assertThat(Math.floorDiv(time[f.testTo()], DAY)).isGreaterThan(day);
      assertThat(a).isGreaterThanOrEqualTo(previousTestTo);
      previousTestTo = f.testTo();
      // training: within the five days before, its labels (6 bars ahead) ending at or before the first test row
      assertThat(Instant.ofEpochMilli(time[f.trainFrom()]).atZone(ZoneOffset.UTC).toLocalDate())
          .isAfterOrEqualTo(Instant.ofEpochMilli(time[a]).atZone(ZoneOffset.UTC).toLocalDate().minusDays(5));
      for (int i = f.trainFrom(); i < f.trainTo(); i++) assertThat(end[i]).isLessThanOrEqualTo(a);
      // the purge dropped exactly the rows whose label reads past the first test row
      for (int i = f.trainTo(); i < a; i++) assertThat(end[i]).isGreaterThan(a);
      assertThat(a - f.trainTo()).isBetween(1, 6);
    }
  }
}
