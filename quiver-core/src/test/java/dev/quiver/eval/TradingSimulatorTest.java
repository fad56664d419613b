package dev.quiver.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.features.FeatureFrame;
import dev.quiver.labels.ForwardReturn;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.labels.TripleBarrier;
import dev.quiver.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TradingSimulatorTest {

  private static final Offset<Double> EXACT = within(1e-15);
  private static final PositionRule BAND = new PositionRule.Thresholds(0.4, 0.6);

  // closes 100, 101, 99, 102, 102: the return each row's position earns is the NEXT bar's:
  //   row 0: 101/100 - 1 = 0.01; row 1: 99/101 - 1; row 2: 102/99 - 1; row 3: 102/102 - 1 = 0
  static final double[] CLOSE = {100, 101, 99, 102, 102};

  static double[] nextReturns(double[] close) {
    double[] r = new double[close.length - 1];
    for (int i = 0; i + 1 < close.length; i++) r[i] = close[i + 1] / close[i] - 1;
    return r;
  }

  @Test
  void a_position_decided_at_a_bar_earns_the_next_bars_return_never_its_own() {
    double[] next = nextReturns(CLOSE);
    // long at row 2 only: it earns bar 3's return 102/99 - 1, not bar 2's own 99/101 - 1
    SimulatedTrading s = TradingSimulator.simulate(new double[] {0.5, 0.5, 0.9, 0.5}, next, BAND, Costs.NONE);
    assertThat(s.rowReturn()).containsExactly(0, 0, 102.0 / 99 - 1, 0);
    assertThat(s.rowReturn()[2]).isNotEqualTo(99.0 / 101 - 1);
    assertThat(s.returns()).containsExactly(0, 0, 102.0 / 99 - 1, 0);
    assertThat(s.time()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void positions_follow_the_thresholds_with_both_ends_inclusive() {
    PositionRule r = new PositionRule.Thresholds(0.45, 0.55);
    assertThat(r.position(0.55)).isEqualTo(1.0);
    assertThat(r.position(Math.nextDown(0.55))).isEqualTo(0.0);
    assertThat(r.position(0.45)).isEqualTo(-1.0);
    assertThat(r.position(Math.nextUp(0.45))).isEqualTo(0.0);
    assertThat(r.position(0.5)).isEqualTo(0.0);
    assertThat(PositionRule.Thresholds.symmetric(0.05)).isEqualTo(new PositionRule.Thresholds(0.45, 0.55));
    assertThat(PositionRule.Thresholds.longOnly(0.6).position(0.0)).isEqualTo(0.0); // never short
    assertThat(PositionRule.Thresholds.longOnly(0.6).position(0.6)).isEqualTo(1.0);
    assertThatThrownBy(() -> new PositionRule.Thresholds(0.5, 0.5)).hasMessageContaining("lower < upper");
  }

  @Test
  void forecast_sign_and_confidence_sizing_give_the_documented_positions() {
    PositionRule sign = new PositionRule.ForecastSign();
    assertThat(sign.position(0.003)).isEqualTo(1.0);
    assertThat(sign.position(-1e-9)).isEqualTo(-1.0);
    assertThat(sign.position(0.0)).isEqualTo(0.0);
    PositionRule sized = new PositionRule.ConfidenceSized(2);
    // clip((p - 0.5) * 2 * 2, -1, 1)
    assertThat(sized.position(0.7)).isCloseTo(0.8, EXACT);
    assertThat(sized.position(0.3)).isCloseTo(-0.8, EXACT);
    assertThat(sized.position(0.9)).isEqualTo(1.0);
    assertThat(sized.position(0.0)).isEqualTo(-1.0);
    assertThat(sized.position(0.5)).isEqualTo(0.0);
    assertThat(new PositionRule.ConfidenceSized(1).position(0.75)).isEqualTo(0.5);
  }

  @Test
  void costs_and_slippage_are_charged_per_unit_of_turnover() {
    double[] next = nextReturns(CLOSE);
    // positions 1, 0, -1, 1 -> turnover |1-0|, |0-1|, |-1-0|, |1-(-1)| = 1, 1, 1, 2
    // fee 5 bps + slippage 3 bps -> c = 0.0008 per unit
    SimulatedTrading s = TradingSimulator.simulate(new double[] {0.9, 0.5, 0.1, 0.9}, next, BAND, new Costs(5, 3));
    assertThat(s.position()).containsExactly(1, 0, -1, 1);
    assertThat(s.turnover()).containsExactly(1, 1, 1, 2);
    assertThat(s.rowReturn()[0]).isCloseTo(0.01 - 0.0008, EXACT);
    assertThat(s.rowReturn()[1]).isCloseTo(-0.0008, EXACT);
    assertThat(s.rowReturn()[2]).isCloseTo(-(102.0 / 99 - 1) - 0.0008, EXACT);
    assertThat(s.rowReturn()[3]).isCloseTo(-0.0016, EXACT);
    assertThat(new Costs(5, 3).perUnitTurnover()).isCloseTo(0.0008, EXACT);
    // slippage alone costs the same as a fee of the same size
    SimulatedTrading slip = TradingSimulator.simulate(new double[] {0.9, 0.5, 0.1, 0.9}, next, BAND, new Costs(0, 8));
    assertThat(slip.rowReturn()).containsExactly(s.rowReturn());
    assertThatThrownBy(() -> new Costs(-1, 0)).hasMessageContaining("fee");
    assertThatThrownBy(() -> new Costs(0, Double.NaN)).hasMessageContaining("slippage");
  }

  @Test
  void trades_are_runs_of_one_sign_with_entry_and_exit_costs_attributed() {
    double[] next = nextReturns(CLOSE);
    SimulatedTrading s = TradingSimulator.simulate(new double[] {0.9, 0.5, 0.1, 0.9}, next, BAND, new Costs(5, 3));
    double c = 0.0008;
    List<Trade> t = s.trades();
    assertThat(t).hasSize(3);
    // long at row 0, closed at row 1 (exit cost on row 1): (1 + 0.01 - c)(1 - c) - 1
    assertThat(t.get(0)).usingRecursiveComparison().ignoringFields("netReturn").isEqualTo(new Trade(0, 0, 0, 1, 0, 1, false));
    assertThat(t.get(0).netReturn()).isCloseTo((1 + 0.01 - c) * (1 - c) - 1, EXACT);
    // short at row 2, closed by the flip at row 3: of row 3's turnover 2, one unit closes this trade
    assertThat(t.get(1)).usingRecursiveComparison().ignoringFields("netReturn").isEqualTo(new Trade(0, 2, 2, -1, 0, 1, false));
    assertThat(t.get(1).netReturn()).isCloseTo((1 - (102.0 / 99 - 1) - c) * (1 - c) - 1, EXACT);
    // long from row 3, still open at the end: only its entry cost
    assertThat(t.get(2)).usingRecursiveComparison().ignoringFields("netReturn").isEqualTo(new Trade(0, 3, 3, 1, 0, 1, true));
    assertThat(t.get(2).netReturn()).isCloseTo(-c, EXACT);
  }

  @Test
  void a_change_of_size_keeps_the_trade_and_a_flip_starts_a_new_one() {
    double[] next = {0.01, 0.02, -0.01, 0.03, 0.01};
    // scale 2: p 0.6 -> 0.4, 0.7 -> 0.8, 0.6 -> 0.4, 0.3 -> -0.8, 0.5 -> 0
    SimulatedTrading s = TradingSimulator.simulate(new double[] {0.6, 0.7, 0.6, 0.3, 0.5}, next, new PositionRule.ConfidenceSized(2),
        new Costs(10, 0));
    assertThat(s.position()).containsExactly(new double[] {0.4, 0.8, 0.4, -0.8, 0}, within(1e-15));
    assertThat(s.turnover()).containsExactly(new double[] {0.4, 0.4, 0.4, 1.2, 0.8}, within(1e-15));
    assertThat(s.trades()).hasSize(2);
    Trade longRun = s.trades().get(0);
    assertThat(longRun.entryRow()).isZero();
    assertThat(longRun.exitRow()).isEqualTo(2);
    assertThat(longRun.bars()).isEqualTo(3);
    double c = 0.001;
    // rows 0-2 with their own resizing costs, then 0.4 of row 3's turnover closes it
    double expected = (1 + 0.4 * 0.01 - 0.4 * c) * (1 + 0.8 * 0.02 - 0.4 * c) * (1 - 0.4 * 0.01 - 0.4 * c) * (1 - 0.4 * c) - 1;
    assertThat(longRun.netReturn()).isCloseTo(expected, within(1e-15));
    Trade shortRun = s.trades().get(1);
    assertThat(shortRun.direction()).isEqualTo(-1);
    assertThat(shortRun.entryRow()).isEqualTo(3);
    assertThat(shortRun.open()).isFalse();
    assertThat(shortRun.netReturn()).isCloseTo((1 - 0.8 * 0.03 - 0.8 * c) * (1 - 0.8 * c) - 1, within(1e-15));
  }

  @Test
  void symbols_are_simulated_apart_and_averaged_equally_per_timestamp() {
    // rows: t=1 A, t=1 B, t=2 A, t=2 B, t=3 A (B has no bar at t=3)
    int[] symbol = {0, 1, 0, 1, 0};
    long[] time = {1, 1, 2, 2, 3};
    double[] p = {0.9, 0.1, 0.9, 0.5, 0.1};
    double[] next = {0.01, 0.02, -0.03, 0.04, 0.05};
    SimulatedTrading s = TradingSimulator.simulate(p, next, symbol, time, BAND, new Costs(10, 0));
    double c = 0.001;
    // A: 1, 1, -1 -> turnover 1, 0, 2;  B: -1, 0 -> turnover 1, 1 (B's first row starts from flat, not from A's +1)
    assertThat(s.position()).containsExactly(1, -1, 1, 0, -1);
    assertThat(s.turnover()).containsExactly(1, 1, 0, 1, 2);
    assertThat(s.time()).containsExactly(1, 2, 3);
    assertThat(s.returns()[0]).isCloseTo(((0.01 - c) + (-0.02 - c)) / 2, EXACT);
    assertThat(s.returns()[1]).isCloseTo((-0.03 + (-c)) / 2, EXACT);
    assertThat(s.returns()[2]).isCloseTo(-0.05 - 2 * c, EXACT); // only A is active at t=3
    assertThat(s.portfolioTurnover()).containsExactly(1, 0.5, 2);
    assertThat(s.exposure()).containsExactly(1, 0.5, 1);
    assertThat(s.trades()).extracting(Trade::symbol, Trade::entryRow, Trade::exitRow, Trade::direction, Trade::bars, Trade::open)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0, 2, 1, 2, false), org.assertj.core.groups.Tuple.tuple(1, 1, 1, -1, 1, false),
            org.assertj.core.groups.Tuple.tuple(0, 4, 4, -1, 1, true));
  }

  @Test
  void on_real_futures_the_next_bar_oracle_never_loses_and_the_same_oracle_one_bar_late_is_scored_on_the_next_bar() {
    List<Bars> bars = List.of(TestData.futures("ICL8.cfe"), TestData.futures("IFL8.cfe"));
    Dataset data = dataset(bars, List.of(new NextBarDirection().label(bars.get(0)), new NextBarDirection().label(bars.get(1))));
    double[] next = NextBarReturns.of(data, bars);
    assertThat(next).containsExactly(data.forwardReturn()); // horizon-1 label: the dataset's forward return is the next-bar return
    int n = data.rows();
    double[] oracle = new double[n];
    for (int i = 0; i < n; i++) oracle[i] = data.y()[i];
    SimulatedTrading s = TradingSimulator.simulate(oracle, next, data.symbolIndex(), data.time(), BAND, Costs.NONE);
    for (int i = 0; i < n; i++) assertThat(s.rowReturn()[i]).isGreaterThanOrEqualTo(0.0);

    // the label of the symbol's previous row is bar i's own direction, known at bar i: it must earn bar i+1's return
    double[] late = new double[n];
    int[] previous = {-1, -1};
    for (int i = 0; i < n; i++) {
      int sym = data.symbolIndex()[i];
      late[i] = previous[sym] < 0 ? 0.5 : data.y()[previous[sym]];
      previous[sym] = i;
    }
    SimulatedTrading l = TradingSimulator.simulate(late, next, data.symbolIndex(), data.time(), BAND, Costs.NONE);
    long losing = 0;
    for (int i = 0; i < n; i++) {
      assertThat(l.rowReturn()[i]).isEqualTo(l.position()[i] * data.forwardReturn()[i]);
      if (l.rowReturn()[i] < 0) losing++;
    }
    assertThat(losing).isGreaterThan(n / 10);
    assertThat(s.time().length).isEqualTo(48_000 - 1); // both symbols share the calendar: one period per bar time
  }

  @Test
  void next_bar_returns_ignore_the_label_horizon() {
    Bars ic = TestData.futures("ICL8.cfe");
    Dataset triple = dataset(List.of(ic), List.of(new TripleBarrier(0.002, 0.002, 10).label(ic)));
    Dataset h5 = dataset(List.of(ic), List.of(new ForwardReturn(5).label(ic)));
    for (Dataset d : List.of(triple, h5)) {
      double[] next = NextBarReturns.of(d, List.of(ic));
      for (int i = 0; i < d.rows(); i += 97) {
        int k = java.util.Arrays.binarySearch(ic.time(), d.time()[i]);
        assertThat(next[i]).isEqualTo(ic.close()[k + 1] / ic.close()[k] - 1);
      }
    }
    assertThat(NextBarReturns.of(h5, List.of(ic))).isNotEqualTo(h5.forwardReturn());
  }

  @Test
  void bad_rows_are_refused_naming_the_row() {
    double[] next = {0.01, 0.02};
    assertThatThrownBy(() -> TradingSimulator.simulate(new double[] {0.5, Double.NaN}, next, BAND, Costs.NONE)).hasMessageContaining("row 1");
    assertThatThrownBy(() -> TradingSimulator.simulate(new double[] {0.5, 0.5}, new double[] {Double.NaN, 0}, BAND, Costs.NONE))
        .hasMessageContaining("row 0");
    assertThatThrownBy(() -> TradingSimulator.simulate(new double[] {0.5}, next, BAND, Costs.NONE)).hasMessageContaining("rows differ");
    assertThatThrownBy(() -> TradingSimulator.simulate(new double[] {0.5, 0.5}, next, new int[] {0, 0}, new long[] {2, 1}, BAND, Costs.NONE))
        .hasMessageContaining("time goes back at row 1");
    assertThatThrownBy(() -> TradingSimulator.simulate(new double[] {0.5, 0.5}, next, new int[] {1, 1}, new long[] {1, 1}, BAND, Costs.NONE))
        .hasMessageContaining("second row");
  }

  @Test
  void trading_metrics_summarise_positions_trades_and_information_coefficients() {
    double[] next = nextReturns(CLOSE);
    double[] p = {0.9, 0.5, 0.1, 0.9};
    SimulatedTrading s = TradingSimulator.simulate(p, next, BAND, new Costs(5, 3));
    TradingMetrics m = TradingMetrics.of(s, p, next, 252);
    assertThat(m.trades()).isEqualTo(3);
    assertThat(m.turnover()).isCloseTo(5.0 / 4, EXACT); // 1 + 1 + 1 + 2 over 4 periods
    assertThat(m.exposure()).isCloseTo(3.0 / 4, EXACT);
    assertThat(m.timeInMarket()).isCloseTo(3.0 / 4, EXACT);
    assertThat(m.meanBarsHeld()).isEqualTo(1.0);
    // trade returns: (1.0092)(0.9992) - 1 > 0; short through a 3% rise < 0; open long -0.0008 < 0
    assertThat(m.tradeWinRate()).isCloseTo(1.0 / 3, EXACT);
    assertThat(m.returns()).isEqualTo(ReturnMetrics.of(s.returns(), 252));
    assertThat(m.ic()).isEqualTo(InformationCoefficient.pearson(p, next));
    assertThat(m.rankIc()).isEqualTo(InformationCoefficient.spearman(p, next));
  }

  static Dataset dataset(List<Bars> bars, List<Targets> targets) {
    List<FeatureFrame> frames = new ArrayList<>();
    for (Bars b : bars) frames.add(new FeatureFrame(b.symbol(), b.time(), List.of("close"), List.of(b.close())));
    return DatasetBuilder.build(frames, targets, 0);
  }
}
