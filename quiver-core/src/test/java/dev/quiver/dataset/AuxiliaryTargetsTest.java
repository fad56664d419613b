package dev.quiver.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.data.Bars;
import dev.quiver.experiment.FoldRows;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.AuxiliaryLabels;
import dev.quiver.labels.Labeler;
import dev.quiver.labels.MaxDrawdown;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Rows;
import dev.quiver.split.Timeline;
import dev.quiver.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AuxiliaryTargetsTest {

  private static final FeatureSet FEATURES = FeatureSet.parse("rsi_14,ema_5", List.of());
  private static final int H = 7;

  /** Three futures symbols, 600 bars each: direction as the main label and mdd:7 as an auxiliary one. */
  private static Dataset build(List<Bars> bars) {
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> main = new ArrayList<>();
    List<Targets> mdd = new ArrayList<>();
    for (Bars b : bars) {
      frames.add(FEATURES.compute(b));
      main.add(new NextBarDirection().label(b));
      mdd.add(new MaxDrawdown(H).label(b));
    }
    return DatasetBuilder.build(frames, main, FEATURES.lookback(), Map.of("mdd:H", mdd));
  }

  private static List<Bars> sample() {
    List<Bars> out = new ArrayList<>();
    for (Bars b : TestData.futures()) out.add(b.slice(0, 600));
    return out;
  }

  @Test
  void auxiliary_targets_ride_on_the_main_labels_rows_with_nan_where_undefined() {
    Bars b = TestData.futures().get(0).slice(0, 400);
    Dataset d = build(List.of(b));
    Dataset plain = DatasetBuilder.build(List.of(FEATURES.compute(b)), List.of(new NextBarDirection().label(b)), FEATURES.lookback());
    assertThat(d.rows()).isEqualTo(plain.rows());
    assertThat(d.y()).isEqualTo(plain.y());
    double[] mdd = new MaxDrawdown(H).label(b).y();
    float[] aux = d.auxiliary().get("mdd:H");
    int first = FEATURES.lookback();
    for (int r = 0; r < d.rows(); r++) {
      int bar = first + r;
      if (Double.isNaN(mdd[bar])) assertThat(aux[r]).isNaN();
      else assertThat(aux[r]).isEqualTo((float) mdd[bar]);
      // a worked case of the label end: the later of the next bar (direction) and bar + H (mdd), capped by the rows there are
      int expected = Math.min(Double.isNaN(mdd[bar]) ? r + 1 : r + H, d.rows() - 1);
      assertThat(d.labelEnd()[r]).as("row %d", r).isEqualTo(expected);
    }
    assertThat(aux[d.rows() - 1]).isNaN();
    assertThat(d.sha256()).isNotEqualTo(plain.sha256());
  }

  @Property(tries = 15)
  void purged_folds_train_on_no_row_whose_main_or_auxiliary_label_reaches_a_test_block(@ForAll @IntRange(min = 3, max = 8) int folds) {
    List<Bars> bars = sample();
    Dataset d = build(bars);
    // the oracle: each row's latest label bar time, straight from the labelers on the bars
    long[] lastLabelTime = new long[d.rows()];
    for (int r = 0; r < d.rows(); r++) {
      Bars b = bars.get(d.symbolIndex()[r]);
      int bar = indexOf(b.time(), d.time()[r]);
      int end = bar + 1;
      if (!Double.isNaN(new MaxDrawdown(H).label(b).y()[bar])) end = bar + H;
      lastLabelTime[r] = b.time()[end];
    }
    List<Fold> withAux = new PurgedKFold(folds, 0.0).folds(Timeline.of(d));
    for (Fold f : withAux) {
      Rows test = f.test();
      for (int k = 0; k < test.rangeCount(); k++) {
        long testStart = d.time()[test.from(k)];
        for (int i : f.train().toArray()) {
          if (d.time()[i] >= testStart) continue;
          assertThat(lastLabelTime[i]).as("train row %d before test block at %d", i, test.from(k)).isLessThanOrEqualTo(testStart);
        }
      }
    }
    // the auxiliary horizon is what purges here: the main label alone (one bar) would keep more training rows
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> main = new ArrayList<>();
    for (Bars b : bars) {
      frames.add(FEATURES.compute(b));
      main.add(new NextBarDirection().label(b));
    }
    List<Fold> mainOnly = new PurgedKFold(folds, 0.0).folds(Timeline.of(DatasetBuilder.build(frames, main, FEATURES.lookback())));
    int fewer = 0;
    for (int k = 0; k < withAux.size(); k++) if (withAux.get(k).train().size() < mainOnly.get(k).train().size()) fewer++;
    assertThat(fewer).isEqualTo(withAux.size()); // rows before a test block, and rows inside the span of its labels after it
  }

  private static int indexOf(long[] time, long t) {
    int i = java.util.Arrays.binarySearch(time, t);
    if (i < 0) throw new AssertionError("no bar at " + t);
    return i;
  }

  @Test
  void slicing_and_gathering_rows_carry_the_auxiliary_targets() {
    Dataset d = build(sample());
    float[] aux = d.auxiliary().get("mdd:H");
    TrainSet range = d.trainSet(100, 200);
    assertThat(range.auxiliary("mdd:H")).isEqualTo(java.util.Arrays.copyOfRange(aux, 100, 200));
    Rows holes = Rows.ofRanges(10, 20, 50, 55);
    TrainSet gathered = FoldRows.trainSet(d, holes);
    float[] expected = new float[15];
    for (int i = 0; i < 10; i++) expected[i] = aux[10 + i];
    for (int i = 0; i < 5; i++) expected[10 + i] = aux[50 + i];
    assertThat(gathered.auxiliary("mdd:H")).isEqualTo(expected);
    assertThat(gathered.auxiliaryRows(new int[] {14, 0})).containsOnlyKeys("mdd:H");
    assertThat(gathered.auxiliaryRows(new int[] {14, 0}).get("mdd:H")).containsExactly(expected[14], expected[0]);
  }

  @Test
  void an_auxiliary_spec_takes_the_main_labels_horizon_for_h() {
    Labeler tth = AuxiliaryLabels.resolve("tth:H,0.002", 12);
    assertThat(tth.name()).isEqualTo("tth:12,0.002");
    assertThat(AuxiliaryLabels.resolve("mfe:h", 3).name()).isEqualTo("mfe:3");
    assertThat(AuxiliaryLabels.resolve("mdd:5", 3).name()).isEqualTo("mdd:5");
    assertThat(AuxiliaryLabels.union(List.of(List.of("mdd:H", "mfe:H"), List.of("mfe:H", "tth:H,0.01")))).containsExactly("mdd:H", "mfe:H", "tth:H,0.01");
  }
}
