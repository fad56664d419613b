package dev.quiver.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.error.BadInputException;
import dev.quiver.features.FeatureFrame;
import dev.quiver.labels.Targets;
import dev.quiver.model.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HoldoutTest {

  static final long MIN = 60_000L;

  /** One symbol's frame and targets: bars at the given minutes, labels of the given horizon (the last rows have none). */
  static FeatureFrame frame(String symbol, long[] minutes) {
    long[] t = new long[minutes.length];
    double[] f = new double[minutes.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = minutes[i] * MIN;
      f[i] = i;
    }
    return new FeatureFrame(symbol, t, List.of("f"), List.of(f));
  }

  static Targets horizonTargets(int n, int horizon) {
    double[] y = new double[n];
    int[] end = new int[n];
    double[] fwd = new double[n];
    for (int i = 0; i < n; i++) {
      boolean labelled = i + horizon < n;
      y[i] = labelled ? i % 2 : Double.NaN;
      end[i] = labelled ? i + horizon : -1;
      fwd[i] = labelled ? 0.0 : Double.NaN;
    }
    return new Targets("h" + horizon, Task.BINARY, y, end, fwd);
  }

  static long[] consecutive(int n) {
    long[] m = new long[n];
    for (int i = 0; i < n; i++) m[i] = i;
    return m;
  }

  /** One symbol, n labelled rows one minute apart, each label reading `horizon` bars ahead. */
  static Dataset single(int n, int horizon) {
    return DatasetBuilder.build(List.of(frame("S", consecutive(n + horizon))), List.of(horizonTargets(n + horizon, horizon)), 0);
  }

  @Test
  void default_fractions_cut_at_70_and_90_percent_and_purge_the_row_whose_label_reads_the_next_segment() {
    Dataset d = single(1000, 1);
    Fold f = new Holdout().fold(d);
    // row 699's label reads bar 700, the first validation row; row 899's reads row 900, the first test row
    assertThat(f).isEqualTo(new Fold("holdout", 0, 699, 700, 899, 900, 1000));
    assertThat(new Holdout().folds(d)).containsExactly(f);
  }

  @Test
  void a_longer_label_horizon_purges_as_many_rows_before_each_cut() {
    Dataset d = single(1000, 5);
    Fold f = new Holdout(0.7, 0.2, 0.1, 50).fold(d);
    assertThat(f).isEqualTo(new Fold("holdout", 0, 695, 700, 895, 900, 1000));
    for (int i = f.trainFrom(); i < f.trainTo(); i++) assertThat(d.labelEnd()[i]).isLessThan(f.validFrom());
    for (int i = f.validFrom(); i < f.validTo(); i++) assertThat(d.labelEnd()[i]).isLessThan(f.testFrom());
    assertThat(d.labelEnd()[f.trainTo()]).isGreaterThanOrEqualTo(f.validFrom());
  }

  @Test
  void no_validation_purges_training_against_the_test_start() {
    Dataset d = single(1000, 3);
    Fold f = new Holdout(0.8, 0.0, 0.2, 50).fold(d);
    assertThat(f).isEqualTo(new Fold("holdout", 0, 797, 800, 800, 800, 1000));
    assertThat(f.hasValidation()).isFalse();
  }

  @Test
  void a_cut_never_splits_the_rows_of_one_time() {
    // two symbols with bars at the same 10 minutes: 20 rows, two per time; 0.65 * 20 = 13 falls inside minute 6
    long[] m = consecutive(11);
    Dataset d = DatasetBuilder.build(List.of(frame("A", m), frame("B", m)), List.of(horizonTargets(11, 1), horizonTargets(11, 1)), 0);
    assertThat(d.rows()).isEqualTo(20);
    Fold f = new Holdout(0.65, 0.25, 0.1, 1).fold(d);
    assertThat(f.validFrom()).isEqualTo(12); // moved back to minute 6's first row
    assertThat(d.time()[f.validFrom() - 1]).isLessThan(d.time()[f.validFrom()]);
    assertThat(f.testFrom()).isEqualTo(18); // 0.9 * 20 = 18, a time boundary already
    // rows 10 and 11 (minute 5) have labels reading minute 6: purged
    assertThat(f.trainTo()).isEqualTo(10);
    assertThat(f.validTo()).isEqualTo(16);
  }

  @Test
  void too_few_rows_for_a_segment_says_how_many_there_are_and_how_many_are_needed() {
    Dataset d = single(500, 1);
    assertThatThrownBy(() -> new Holdout(0.7, 0.2, 0.1, 100).fold(d))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("of 500 rows")
        .hasMessageContaining("test 50 rows")
        .hasMessageContaining("at least 100")
        .hasMessageContaining("about 1000 rows");
  }

  @Test
  void fractions_must_each_be_in_range_and_sum_to_one() {
    assertThatThrownBy(() -> new Holdout(0.7, 0.2, 0.2, 10)).isInstanceOf(BadInputException.class).hasMessageContaining("sum to 1.1");
    assertThatThrownBy(() -> new Holdout(1.2, -0.1, -0.1, 10))
        .isInstanceOf(BadInputException.class)
        .satisfies(e -> assertThat(((BadInputException) e).problems()).hasSize(3));
    assertThatThrownBy(() -> new Holdout(0.7, 0.2, 0.1, 0)).isInstanceOf(BadInputException.class).hasMessageContaining("min_samples 0");
  }

  @Test
  void the_same_dataset_always_gives_the_same_fold() {
    Dataset d = single(3000, 4);
    Holdout h = new Holdout(0.6, 0.25, 0.15, 10);
    assertThat(h.fold(d)).isEqualTo(h.fold(d)).isEqualTo(new Holdout(0.6, 0.25, 0.15, 10).fold(d));
  }

  @Property(tries = 200)
  void no_kept_label_reads_a_bar_of_a_later_segment(
      @ForAll @IntRange(min = 1, max = 3) int symbols,
      @ForAll @IntRange(min = 50, max = 2000) int bars,
      @ForAll @IntRange(min = 1, max = 40) int maxHorizon,
      @ForAll @DoubleRange(min = 0.3, max = 0.8) double train,
      @ForAll @DoubleRange(min = 0.0, max = 0.3) double validation,
      @ForAll long seed) {
    double test = 1.0 - train - validation;
    if (test < 0.05) return;
    Random rnd = new Random(seed);
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    for (int s = 0; s < symbols; s++) {
      int n = bars / 2 + rnd.nextInt(bars);
      long[] m = new long[n];
      long t = rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        m[i] = t;
        t += rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(60) : 1; // occasional gaps
      }
      double[] y = new double[n];
      int[] end = new int[n];
      double[] fwd = new double[n];
      for (int i = 0; i < n; i++) {
        int h = 1 + rnd.nextInt(maxHorizon); // horizons vary row by row, as with triple-barrier labels
        boolean labelled = i + h < n;
        y[i] = labelled ? rnd.nextInt(2) : Double.NaN;
        end[i] = labelled ? i + h : -1;
        fwd[i] = labelled ? 0 : Double.NaN;
      }
      frames.add(frame("S" + s, m));
      targets.add(new Targets("random", Task.BINARY, y, end, fwd));
    }
    Dataset d = DatasetBuilder.build(frames, targets, 0);
    Holdout holdout = new Holdout(train, validation, test, 20);
    Fold f = holdout.cutAndPurge(d);
    if (holdout.tooSmall(f)) {
      assertThatThrownBy(() -> holdout.fold(d)).isInstanceOf(BadInputException.class).hasMessageContaining("at least 20");
    } else {
      assertThat(holdout.fold(d)).isEqualTo(f);
    }

    assertThat(f.trainFrom()).isZero();
    assertThat(f.testTo()).isEqualTo(d.rows());
    long[] time = d.time();
    for (int i = f.trainFrom(); i < f.trainTo(); i++) assertThat(d.labelEnd()[i]).isLessThan(f.validFrom());
    for (int i = f.validFrom(); i < f.validTo(); i++) assertThat(d.labelEnd()[i]).isLessThan(f.testFrom());
    // in clock terms: every kept label's last bar opens before the next segment's first bar
    long[] endTime = labelEndTimes(d, frames, targets);
    for (int i = f.trainFrom(); i < f.trainTo(); i++) assertThat(endTime[i]).isLessThan(time[Math.min(f.validFrom(), d.rows() - 1)]);
    for (int i = f.validFrom(); i < f.validTo(); i++) assertThat(endTime[i]).isLessThan(time[Math.min(f.testFrom(), d.rows() - 1)]);
    // a purge stops at the first offending row, no earlier
    if (f.trainTo() < f.validFrom()) assertThat(d.labelEnd()[f.trainTo()]).isGreaterThanOrEqualTo(f.validFrom());
    if (f.validTo() < f.testFrom()) assertThat(d.labelEnd()[f.validTo()]).isGreaterThanOrEqualTo(f.testFrom());
    // no time straddles a cut
    if (f.validFrom() > 0 && f.validFrom() < d.rows()) assertThat(time[f.validFrom() - 1]).isLessThan(time[f.validFrom()]);
    if (f.testFrom() > 0 && f.testFrom() < d.rows()) assertThat(time[f.testFrom() - 1]).isLessThan(time[f.testFrom()]);
  }

  /** The open time of the bar each dataset row's label reads last, recomputed from the sources. */
  private static long[] labelEndTimes(Dataset d, List<FeatureFrame> frames, List<Targets> targets) {
    int[] next = new int[frames.size()];
    long[] out = new long[d.rows()];
    for (int r = 0; r < d.rows(); r++) {
      int s = d.symbolIndex()[r];
      Targets t = targets.get(s);
      int i = next[s];
      while (Double.isNaN(t.y()[i])) i++;
      next[s] = i + 1;
      assertThat(frames.get(s).time()[i]).isEqualTo(d.time()[r]);
      out[r] = frames.get(s).time()[t.end()[i]];
    }
    return out;
  }

  @Test
  void label_end_times_helper_agrees_with_the_dataset_on_a_small_case() {
    List<FeatureFrame> frames = List.of(frame("A", consecutive(6)));
    List<Targets> targets = List.of(horizonTargets(6, 2));
    Dataset d = DatasetBuilder.build(frames, targets, 0);
    assertThat(labelEndTimes(d, frames, targets)).containsExactly(2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN);
    assertThat(Arrays.stream(d.labelEnd()).boxed().toList()).containsExactly(2, 3, 3, 3);
  }
}
