package dev.quiver.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.model.Task;
import dev.quiver.testing.TestData;
import org.junit.jupiter.api.Test;

class LabelsTest {

  /** Bars with the given OHLC, one minute apart; volume 1. */
  static Bars bars(double[] open, double[] high, double[] low, double[] close) {
    int n = close.length;
    long[] t = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 1_700_000_000_000L + i * 60_000L;
      v[i] = 1;
    }
    return new Bars("X", Timeframe.M1, t, open, high, low, close, v);
  }

  static Bars closes(double... close) {
    return bars(close.clone(), close.clone(), close.clone(), close);
  }

  @Test
  void direction_is_one_only_when_the_next_close_is_higher_and_ties_are_zero() {
    Targets t = new NextBarDirection().label(closes(10, 11, 11, 10.5, 12));
    assertThat(t.task()).isEqualTo(Task.BINARY);
    assertThat(t.name()).isEqualTo("direction");
    // 10->11 up, 11->11 tie, 11->10.5 down, 10.5->12 up, last row has no next bar
    assertThat(t.y()).containsExactly(1, 0, 0, 1, Double.NaN);
    assertThat(t.end()).containsExactly(1, 2, 3, 4, -1);
    assertThat(t.forwardReturn()[0]).isCloseTo(0.1, within(1e-15));
    assertThat(t.forwardReturn()[1]).isEqualTo(0.0);
    assertThat(t.forwardReturn()[2]).isCloseTo(10.5 / 11 - 1, within(1e-15));
    assertThat(t.forwardReturn()[4]).isNaN();
  }

  @Test
  void forward_return_reads_h_bars_ahead_and_leaves_the_last_h_rows_empty() {
    Targets t = new ForwardReturn(2).label(closes(10, 11, 12, 9, 10));
    assertThat(t.task()).isEqualTo(Task.REGRESSION);
    assertThat(t.name()).isEqualTo("return:2");
    assertThat(t.y()[0]).isCloseTo(0.2, within(1e-15));
    assertThat(t.y()[1]).isCloseTo(9.0 / 11 - 1, within(1e-15));
    assertThat(t.y()[2]).isCloseTo(10.0 / 12 - 1, within(1e-15));
    assertThat(t.y()[3]).isNaN();
    assertThat(t.y()[4]).isNaN();
    assertThat(t.end()).containsExactly(2, 3, 4, -1, -1);
    assertThat(t.forwardReturn()).containsExactly(t.y());
  }

  // Triple barrier, pt = sl = 5%, horizon 3: from a close of 100 the barriers are 105 and 95.

  @Test
  void triple_barrier_profit_take_touched_by_a_high() {
    Bars b = bars(
        new double[] {100, 100, 102, 104, 102},
        new double[] {100, 102, 105.5, 104, 103},
        new double[] {100, 99, 101, 101, 102},
        new double[] {100, 101, 104, 102, 103});
    Targets t = new TripleBarrier(0.05, 0.05, 3).label(b);
    // row 0: bar 1 stays inside [95, 105]; bar 2's high 105.5 reaches 105 -> 1, ends at bar 2
    assertThat(t.y()[0]).isEqualTo(1.0);
    assertThat(t.end()[0]).isEqualTo(2);
    assertThat(t.forwardReturn()[0]).isCloseTo(0.04, within(1e-15));
    // row 1: from 101 the barriers are 106.05 / 95.95; bars 2..4 stay inside: timeout, close[4] 103 > 101 -> 1
    assertThat(t.y()[1]).isEqualTo(1.0);
    assertThat(t.end()[1]).isEqualTo(4);
    // rows 2..4: the 3-bar horizon runs past the data
    assertThat(new double[] {t.y()[2], t.y()[3], t.y()[4]}).containsOnly(Double.NaN);
    assertThat(t.end()).endsWith(-1, -1, -1);
  }

  @Test
  void triple_barrier_stop_loss_touched_exactly_by_a_low() {
    Bars b = bars(
        new double[] {100, 100, 96, 97},
        new double[] {100, 101, 97, 98},
        new double[] {100, 95, 96, 97},
        new double[] {100, 96, 97, 98});
    Targets t = new TripleBarrier(0.05, 0.05, 3).label(b);
    assertThat(t.y()[0]).isEqualTo(0.0); // low 95 == lower barrier: a touch (inclusive)
    assertThat(t.end()[0]).isEqualTo(1);
  }

  @Test
  void triple_barrier_both_in_one_bar_is_a_stop_unless_the_bar_opens_beyond_the_profit_take() {
    double[] high = {100, 106, 100, 100};
    double[] low = {100, 94, 100, 100};
    double[] close = {100, 100, 100, 100};
    Targets inside = new TripleBarrier(0.05, 0.05, 3).label(bars(new double[] {100, 100, 100, 100}, high, low, close));
    assertThat(inside.y()[0]).isEqualTo(0.0);
    assertThat(inside.end()[0]).isEqualTo(1);
    Targets gapUp = new TripleBarrier(0.05, 0.05, 3).label(bars(new double[] {100, 105.5, 100, 100}, high, low, close));
    assertThat(gapUp.y()[0]).isEqualTo(1.0);
    assertThat(gapUp.end()[0]).isEqualTo(1);
  }

  @Test
  void triple_barrier_timeout_takes_the_sign_of_the_return_at_the_horizon() {
    Targets down = new TripleBarrier(0.05, 0.05, 3).label(closes(100, 101, 102, 99.5));
    assertThat(down.y()[0]).isEqualTo(0.0);
    assertThat(down.end()[0]).isEqualTo(3);
    assertThat(down.forwardReturn()[0]).isCloseTo(-0.005, within(1e-15));
    Targets flat = new TripleBarrier(0.05, 0.05, 3).label(closes(100, 101, 102, 100));
    assertThat(flat.y()[0]).isEqualTo(0.0);
    Targets up = new TripleBarrier(0.05, 0.05, 3).label(closes(100, 99, 98, 100.5));
    assertThat(up.y()[0]).isEqualTo(1.0);
    assertThat(up.end()[0]).isEqualTo(3);
  }

  @Test
  void volatility_scaled_barriers_are_multiples_of_the_sample_std_of_recent_returns() {
    // window 2 at row 2: returns 101/100-1 and 100/101-1; sample std (ddof 1) of two values = |a-b|/sqrt(2)
    double r1 = 101.0 / 100 - 1;
    double r2 = 100.0 / 101 - 1;
    double sigma = Math.abs(r1 - r2) / Math.sqrt(2);
    double upper = 100 * (1 + 1.0 * sigma); // ~101.407
    double[] close = {100, 101, 100, 100, 100};
    double[] open = close.clone();
    double[] low = {100, 101, 100, 99.9, 99.9};
    double[] reach = {100, 101, 100, upper + 0.01, 100};
    double[] miss = {100, 101, 100, upper - 0.01, 100};
    Targets hit = new TripleBarrier(1, 1, 2, 2).label(bars(open, reach, low, close));
    assertThat(hit.y()[0]).isNaN(); // not enough returns before row 2
    assertThat(hit.y()[1]).isNaN();
    assertThat(hit.y()[2]).isEqualTo(1.0);
    assertThat(hit.end()[2]).isEqualTo(3);
    Targets missed = new TripleBarrier(1, 1, 2, 2).label(bars(open, miss, low, close));
    assertThat(missed.y()[2]).isEqualTo(0.0); // timeout, close[4] == close[2]
    assertThat(missed.end()[2]).isEqualTo(4);
    assertThat(new TripleBarrier(1, 1, 2, 2).name()).isEqualTo("triple_barrier:1,1,2,2");
  }

  @Test
  void every_label_end_lies_after_its_row_and_inside_the_series_on_real_futures() {
    Bars b = TestData.futures("IFL8.cfe");
    for (Labeler l : new Labeler[] {new NextBarDirection(), new ForwardReturn(5), new TripleBarrier(0.002, 0.002, 30)}) {
      Targets t = l.label(b);
      int labelled = 0;
      for (int i = 0; i < t.size(); i++) {
        if (Double.isNaN(t.y()[i])) {
          assertThat(t.end()[i]).isEqualTo(-1);
          continue;
        }
        labelled++;
        assertThat(t.end()[i]).isGreaterThan(i).isLessThan(b.size());
        assertThat(t.forwardReturn()[i]).isEqualTo(b.close()[t.end()[i]] / b.close()[i] - 1);
      }
      assertThat(labelled).as(l.name()).isGreaterThan(b.size() - 40);
    }
  }

  @Test
  void specs_parse_to_labelers_whose_names_parse_back() {
    assertThat(Labelers.parse("direction")).isInstanceOf(NextBarDirection.class);
    assertThat(Labelers.parse(" Direction ")).isInstanceOf(NextBarDirection.class);
    assertThat(((ForwardReturn) Labelers.parse("return:5")).horizon()).isEqualTo(5);
    TripleBarrier tb = (TripleBarrier) Labelers.parse("triple_barrier:0.01, 0.02, 20");
    assertThat(tb.profitTake()).isEqualTo(0.01);
    assertThat(tb.stopLoss()).isEqualTo(0.02);
    assertThat(tb.horizon()).isEqualTo(20);
    assertThat(tb.volWindow()).isZero();
    assertThat(tb.name()).isEqualTo("triple_barrier:0.01,0.02,20");
    for (String spec : new String[] {"direction", "return:5", "triple_barrier:0.01,0.02,20", "triple_barrier:2,1.5,20,50"}) {
      assertThat(Labelers.parse(spec).name()).isEqualTo(spec);
    }
  }

  @Test
  void an_unknown_label_lists_the_valid_forms() {
    assertThatThrownBy(() -> Labelers.parse("momentum:3"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("momentum:3")
        .hasMessageContaining("direction")
        .hasMessageContaining("return:H")
        .hasMessageContaining("triple_barrier:PT,SL,H");
  }

  @Test
  void bad_label_arguments_name_the_value() {
    assertThatThrownBy(() -> Labelers.parse("return:five")).isInstanceOf(BadInputException.class).hasMessageContaining("'five'");
    assertThatThrownBy(() -> Labelers.parse("return:0")).isInstanceOf(BadInputException.class).hasMessageContaining("horizon 0");
    assertThatThrownBy(() -> Labelers.parse("triple_barrier:0.01,-1,20")).isInstanceOf(BadInputException.class).hasMessageContaining("'-1'");
    assertThatThrownBy(() -> Labelers.parse("triple_barrier:0.01,0.01")).isInstanceOf(BadInputException.class).hasMessageContaining("got 2");
    assertThatThrownBy(() -> Labelers.parse("triple_barrier:0.01,1.5,20")).isInstanceOf(BadInputException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> Labelers.parse("direction:1")).isInstanceOf(BadInputException.class).hasMessageContaining("no arguments");
  }
}
