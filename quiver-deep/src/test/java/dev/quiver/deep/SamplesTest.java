package dev.quiver.deep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.Matrix;
import dev.quiver.model.RowKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private static final Standardization IDENTITY = new Standardization(new float[] {0f}, new float[] {1f});
  private static final long MINUTE = 60_000;

  /** Two symbols interleaved row by row; the one feature is 100 x symbol + the bar's number within its symbol. */
  private static Matrix interleaved(int barsEach, long[] time) {
    int n = 2 * barsEach;
    float[] data = new float[n];
    int[] series = new int[n];
    for (int a = 0; a < n; a++) {
      series[a] = a % 2;
      data[a] = 100 * series[a] + a / 2;
    }
    return new Matrix(data, 0, n, 1, List.of("f"), new RowKeys(series, time));
  }

  private static long[] minutes(int barsEach) {
    long[] time = new long[2 * barsEach];
    for (int a = 0; a < time.length; a++) time[a] = (a / 2) * MINUTE;
    return time;
  }

  private static float[] window(Samples s, int sample) {
    float[] out = new float[s.size()];
    s.fill(new int[] {sample}, 0, 1, out);
    return out;
  }

  @Test
  void a_window_holds_the_previous_bars_of_its_own_symbol_oldest_first() {
    Matrix x = interleaved(10, minutes(10));
    Samples s = Samples.of(x, IDENTITY, 3, 5.0, true, null);
    assertThat(s.count()).isEqualTo(2 * 8);
    for (int i = 0; i < s.count(); i++) {
      float[] w = window(s, i);
      float last = x.get(s.viewRow(i), 0);
      assertThat(w).containsExactly(last - 2, last - 1, last);
    }
  }

  @Test
  void a_view_reads_history_before_its_first_row_and_never_another_symbol() {
    Matrix all = interleaved(10, minutes(10));
    Matrix test = all.rows(12, 20);
    Samples s = Samples.of(test, IDENTITY, 4, 5.0, true, null);
    assertThat(s.count()).isEqualTo(8);
    for (int i = 0; i < s.count(); i++) {
      float[] w = window(s, i);
      float last = test.get(s.viewRow(i), 0);
      assertThat(w).containsExactly(last - 3, last - 2, last - 1, last);
    }
  }

  @Test
  void a_session_gap_breaks_windows_unless_gap_break_is_zero() {
    long[] time = minutes(10);
    for (int a = 10; a < time.length; a++) time[a] += 18 * 60 * MINUTE; // overnight gap before bar 5 of each symbol
    Matrix x = interleaved(10, time);
    Samples broken = Samples.of(x, IDENTITY, 3, 5.0, true, null);
    for (int i = 0; i < broken.count(); i++) {
      float bar = x.get(broken.viewRow(i), 0) % 100;
      assertThat(bar).isNotIn(5f, 6f); // their windows would reach back across the gap
    }
    assertThat(broken.count()).isEqualTo(2 * (3 + 3));
    assertThat(Samples.of(x, IDENTITY, 3, 0.0, true, null).count()).isEqualTo(2 * 8);
  }

  @Test
  void a_row_with_a_short_history_is_padded_with_its_oldest_bar_for_prediction() {
    Matrix x = interleaved(4, minutes(4));
    Samples all = Samples.of(x, IDENTITY, 3, 5.0, false, null);
    assertThat(all.count()).isEqualTo(8);
    assertThat(window(all, 0)).containsExactly(0f, 0f, 0f);
    assertThat(window(all, 3)).containsExactly(100f, 100f, 101f);
  }

  @Test
  void training_samples_skip_rows_whose_target_is_missing() {
    Matrix x = interleaved(5, minutes(5));
    float[] y = {1, 0, Float.NaN, 1, 0, 1, 0, 1, 1, 0};
    assertThat(Samples.of(x, IDENTITY, 0, 0, true, y).count()).isEqualTo(9);
  }

  @Test
  void a_matrix_without_keys_is_one_series_in_row_order() {
    float[] data = {1, 2, 3, 4, 5};
    Samples s = Samples.of(new Matrix(data, 5, 1, List.of("f")), IDENTITY, 2, 5.0, true, null);
    assertThat(s.count()).isEqualTo(4);
    assertThat(window(s, 3)).containsExactly(4f, 5f);
  }
}
