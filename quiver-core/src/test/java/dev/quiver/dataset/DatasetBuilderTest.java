package dev.quiver.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.data.Bars;
import dev.quiver.error.BadInputException;
import dev.quiver.features.FeatureFrame;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import dev.quiver.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetBuilderTest {

  static final long MIN = 60_000L;

  static FeatureFrame frame(String symbol, long[] minutes, double base) {
    long[] t = new long[minutes.length];
    double[] a = new double[minutes.length];
    double[] b = new double[minutes.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = minutes[i] * MIN;
      a[i] = base + i + 0.1; // not exact in float
      b[i] = -(base + i) / 3.0;
    }
    return new FeatureFrame(symbol, t, List.of("a", "b"), List.of(a, b));
  }

  static Targets targets(double[] y, int[] end) {
    double[] fwd = new double[y.length];
    for (int i = 0; i < y.length; i++) fwd[i] = Double.isNaN(y[i]) ? Double.NaN : 0.001 * (i + 1);
    return new Targets("t", Task.BINARY, y, end, fwd);
  }

  // Symbol A: bars at minutes 0..4, labels of horizon 2 (the last two rows have none).
  // Symbol B: bars at minutes 1, 2, 4, 5 (no bar at 3), labels of horizon 1 (the last row has none).
  static final FeatureFrame A = frame("A", new long[] {0, 1, 2, 3, 4}, 10);
  static final Targets TA = targets(new double[] {1, 0, 1, Double.NaN, Double.NaN}, new int[] {2, 3, 4, -1, -1});
  static final FeatureFrame B = frame("B", new long[] {1, 2, 4, 5}, 20);
  static final Targets TB = targets(new double[] {0, 1, 1, Double.NaN}, new int[] {1, 2, 3, -1});

  @Test
  void rows_of_two_symbols_merge_by_time_with_ties_in_symbol_order_after_warm_up_and_unlabelled_rows_go() {
    // firstRow 1 drops A0 and B0; A3, A4 and B3 have no label. Left: A1 (m1), A2 (m2), B1 (m2), B2 (m4).
    Dataset d = DatasetBuilder.build(List.of(A, B), List.of(TA, TB), 1);
    assertThat(d.rows()).isEqualTo(4);
    assertThat(d.time()).containsExactly(1 * MIN, 2 * MIN, 2 * MIN, 4 * MIN);
    assertThat(d.symbolIndex()).containsExactly(0, 0, 1, 1);
    assertThat(d.symbols()).containsExactly("A", "B");
    assertThat(d.y()).containsExactly(0f, 1f, 1f, 1f);
    assertThat(d.forwardReturn()).containsExactly(0.002, 0.003, 0.002, 0.003);

    Dataset swapped = DatasetBuilder.build(List.of(B, A), List.of(TB, TA), 1);
    assertThat(swapped.symbolIndex()).containsExactly(1, 0, 1, 0); // at minute 2, B (now first) comes before A
    assertThat(swapped.symbols()).containsExactly("B", "A");
  }

  @Test
  void label_end_maps_to_the_last_row_at_or_before_the_label_bars_time() {
    Dataset d = DatasetBuilder.build(List.of(A, B), List.of(TA, TB), 1);
    // row 0 = A1, label ends at A3 (minute 3, not a dataset row): last row with time <= 3 is row 2 (B1 at minute 2)
    // row 1 = A2, label ends at A4 (minute 4): rows up to minute 4 -> row 3 (B2)
    // row 2 = B1, label ends at B2 (minute 4) -> row 3
    // row 3 = B2, label ends at B3 (minute 5, dropped: no label) -> row 3
    assertThat(d.labelEnd()).containsExactly(2, 3, 3, 3);
    // with no warm-up: rows A0(m0) A1(m1) B0(m1) A2(m2) B1(m2) B2(m4)
    // A0 -> A2 (m2) -> row 4; A1 -> A3 (m3) -> row 4; B0 -> B1 (m2) -> row 4; A2 -> A4 (m4), B1 -> B2 (m4), B2 -> B3 (m5) -> row 5
    Dataset all = DatasetBuilder.build(List.of(A, B), List.of(TA, TB), 0);
    assertThat(all.time()).containsExactly(0, MIN, MIN, 2 * MIN, 2 * MIN, 4 * MIN);
    assertThat(all.labelEnd()).containsExactly(4, 4, 4, 5, 5, 5);
  }

  @Test
  void the_matrix_holds_the_float_of_each_double_row_major_and_folds_share_it() {
    Dataset d = DatasetBuilder.build(List.of(A, B), List.of(TA, TB), 1);
    int[] source = {1, 2, 1, 2}; // A1, A2, B1, B2
    FeatureFrame[] frames = {A, A, B, B};
    float[] data = d.x().data();
    assertThat(d.x().cols()).isEqualTo(2);
    assertThat(d.featureNames()).containsExactly("a", "b");
    for (int r = 0; r < 4; r++) {
      for (int j = 0; j < 2; j++) {
        double exact = frames[r].columns().get(j)[source[r]];
        assertThat(data[r * 2 + j]).isEqualTo((float) exact);
        assertThat(d.x().get(r, j)).isEqualTo((float) exact);
      }
    }
    TrainSet fold = d.trainSet(1, 3);
    assertThat(fold.x().data()).isSameAs(data);
    assertThat(fold.x().get(0, 0)).isEqualTo(d.x().get(1, 0));
    assertThat(fold.y()).containsExactly(1f, 1f);
    assertThat(fold.task()).isEqualTo(Task.BINARY);
  }

  @Test
  void nan_features_stay_missing_but_nan_targets_drop_the_row() {
    FeatureFrame f = new FeatureFrame("A", new long[] {0, MIN, 2 * MIN}, List.of("a"), List.of(new double[] {Double.NaN, 1, 2}));
    Dataset d = DatasetBuilder.build(List.of(f), List.of(targets(new double[] {1, Double.NaN, Double.NaN}, new int[] {1, -1, -1})), 0);
    assertThat(d.rows()).isEqualTo(1);
    assertThat(d.x().get(0, 0)).isNaN();
  }

  @Test
  void a_label_that_does_not_end_after_its_row_is_refused() {
    FeatureFrame f = new FeatureFrame("A", new long[] {0, MIN, 2 * MIN}, List.of("a"), List.of(new double[] {0, 1, 2}));
    Targets endsAtItself = targets(new double[] {1, 0, 1}, new int[] {1, 2, 2});
    assertThatThrownBy(() -> DatasetBuilder.build(List.of(f), List.of(endsAtItself), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
  }

  @Test
  void the_fingerprint_is_stable_for_equal_input_and_changes_with_any_value() {
    String sha = DatasetBuilder.build(List.of(A, B), List.of(TA, TB), 1).sha256();
    assertThat(sha).hasSize(64);
    assertThat(DatasetBuilder.build(List.of(frame("A", new long[] {0, 1, 2, 3, 4}, 10), B), List.of(TA, TB), 1).sha256()).isEqualTo(sha);

    FeatureFrame changed = frame("A", new long[] {0, 1, 2, 3, 4}, 10);
    changed.columns().get(1)[2] += 1e-3; // A2's feature b
    assertThat(DatasetBuilder.build(List.of(changed, B), List.of(TA, TB), 1).sha256()).isNotEqualTo(sha);

    Targets flipped = targets(new double[] {1, 1, 1, Double.NaN, Double.NaN}, new int[] {2, 3, 4, -1, -1});
    assertThat(DatasetBuilder.build(List.of(A, B), List.of(flipped, TB), 1).sha256()).isNotEqualTo(sha);

    FeatureFrame shifted = frame("B", new long[] {1, 2, 4, 6}, 20); // only an unlabelled bar moved: same rows
    assertThat(DatasetBuilder.build(List.of(A, shifted), List.of(TA, TB), 1).sha256()).isEqualTo(sha);
    FeatureFrame moved = frame("B", new long[] {1, 3, 4, 5}, 20);
    assertThat(DatasetBuilder.build(List.of(A, moved), List.of(TA, TB), 1).sha256()).isNotEqualTo(sha);
  }

  @Test
  void no_rows_left_is_bad_input_naming_the_symbols_sizes() {
    assertThatThrownBy(() -> DatasetBuilder.build(List.of(A, B), List.of(TA, TB), 10))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("A: 5 bars")
        .hasMessageContaining("B: 4 bars")
        .hasMessageContaining("10 warm-up rows");
  }

  @Test
  void real_futures_merge_in_time_and_every_label_end_is_the_last_row_not_after_the_label_bar() {
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    List<Bars> bars = TestData.futures();
    int warmUp = 5;
    for (Bars b : bars) {
      double[] r1 = new double[b.size()];
      double[] r5 = new double[b.size()];
      for (int i = 0; i < b.size(); i++) {
        r1[i] = i >= 1 ? b.close()[i] / b.close()[i - 1] - 1 : Double.NaN;
        r5[i] = i >= 5 ? b.close()[i] / b.close()[i - 5] - 1 : Double.NaN;
      }
      frames.add(new FeatureFrame(b.symbol(), b.time(), List.of("ret_1", "ret_5"), List.of(r1, r5)));
      targets.add(new NextBarDirection().label(b));
    }
    Dataset d = DatasetBuilder.build(frames, targets, warmUp);
    int expected = 0;
    for (Bars b : bars) expected += b.size() - warmUp - 1;
    assertThat(d.rows()).isEqualTo(expected);
    long[] time = d.time();
    for (int r = 1; r < d.rows(); r++) {
      assertThat(time[r] > time[r - 1] || (time[r] == time[r - 1] && d.symbolIndex()[r] > d.symbolIndex()[r - 1]))
          .as("row %d in order", r).isTrue();
    }
    int[] next = new int[bars.size()];
    java.util.Arrays.fill(next, warmUp);
    for (int r = 0; r < d.rows(); r++) {
      int s = d.symbolIndex()[r];
      Bars b = bars.get(s);
      int i = next[s]++;
      assertThat(time[r]).isEqualTo(b.time()[i]);
      long endTime = b.time()[i + 1];
      int e = d.labelEnd()[r];
      assertThat(e).isGreaterThanOrEqualTo(r);
      assertThat(time[e]).isLessThanOrEqualTo(endTime);
      assertThat(e == d.rows() - 1 || time[e + 1] > endTime).as("row %d: label end is the last row at or before its bar", r).isTrue();
      assertThat(d.y()[r]).isEqualTo(b.close()[i + 1] > b.close()[i] ? 1f : 0f);
    }
  }
}
