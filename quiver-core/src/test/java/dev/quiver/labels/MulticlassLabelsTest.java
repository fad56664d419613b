package dev.quiver.labels;

import static dev.quiver.labels.LabelsTest.closes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.error.BadInputException;
import dev.quiver.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class MulticlassLabelsTest {

  @Test
  void direction3_splits_the_forward_return_into_down_flat_and_up_with_an_inclusive_band() {
    // returns over 1 bar: +1%, -0.05% (inside the 0.1% band), then about -0.1% and -2%
    Targets t = new DirectionClasses(1, 0.001).label(closes(100, 101, 100.9495, 100.84855, 98.8315790));
    assertThat(t.task()).isEqualTo(Task.MULTICLASS);
    assertThat(t.classes()).containsExactly("down", "flat", "up");
    assertThat(t.y()[0]).isEqualTo(2.0);
    assertThat(t.y()[1]).isEqualTo(1.0);
    assertThat(t.forwardReturn()[3]).isCloseTo(-0.02, within(1e-6));
    assertThat(t.y()[3]).isEqualTo(0.0);
    assertThat(t.y()[4]).isNaN();
    assertThat(t.end()).containsExactly(1, 2, 3, 4, -1);
  }

  @Test
  void direction3_band_edges_are_flat_and_the_horizon_reads_h_bars_ahead() {
    Targets t = new DirectionClasses(2, 0.25).label(closes(100, 80, 125, 60, 50));
    // row 0: 125/100-1 = +0.25 and row 1: 60/80-1 = -0.25, both exactly on an edge: flat; row 2: 50/125-1 = -0.6: down
    assertThat(t.y()[0]).isEqualTo(1.0);
    assertThat(t.y()[1]).isEqualTo(1.0);
    assertThat(t.y()[2]).isEqualTo(0.0);
    assertThat(t.end()).containsExactly(2, 3, 4, -1, -1);
    assertThat(t.forwardReturn()[0]).isEqualTo(0.25);
  }

  @Test
  void multiclass_triple_barrier_gives_stop_timeout_and_profit() {
    Bars profit = bars(new double[] {100, 100, 102, 104}, new double[] {100, 102, 105.5, 104}, new double[] {100, 99, 101, 101},
        new double[] {100, 101, 104, 102});
    assertThat(new TripleBarrier(0.05, 0.05, 3, 0, true).label(profit).y()[0]).isEqualTo(2.0);
    Bars stop = bars(new double[] {100, 100, 96, 97}, new double[] {100, 101, 97, 98}, new double[] {100, 95, 96, 97},
        new double[] {100, 96, 97, 98});
    assertThat(new TripleBarrier(0.05, 0.05, 3, 0, true).label(stop).y()[0]).isEqualTo(0.0);
    Targets timeout = new TripleBarrier(0.05, 0.05, 3, 0, true).label(closes(100, 99, 98, 100.5));
    assertThat(timeout.y()[0]).isEqualTo(1.0);
    assertThat(timeout.end()[0]).isEqualTo(3);
    assertThat(timeout.task()).isEqualTo(Task.MULTICLASS);
    assertThat(timeout.classes()).containsExactly("stop", "timeout", "profit");
  }

  private static Bars bars(double[] open, double[] high, double[] low, double[] close) {
    return LabelsTest.bars(open, high, low, close);
  }

  @Test
  void labelers_parse_the_multiclass_forms_and_their_names_parse_back() {
    DirectionClasses d = (DirectionClasses) Labelers.parse("direction3:1:0.0005");
    assertThat(d.horizon()).isEqualTo(1);
    assertThat(d.threshold()).isEqualTo(0.0005);
    assertThat(d.name()).isEqualTo("direction3:1:0.0005");
    assertThat(((DirectionClasses) Labelers.parse(d.name())).threshold()).isEqualTo(0.0005);
    assertThat(((DirectionClasses) Labelers.parse(" Direction3:5, 0 ")).horizon()).isEqualTo(5);
    TripleBarrier tb = (TripleBarrier) Labelers.parse("triple_barrier3:0.01,0.02,20");
    assertThat(tb.multiclass()).isTrue();
    assertThat(tb.name()).isEqualTo("triple_barrier3:0.01,0.02,20");
    assertThat(Labelers.classes(tb)).isEqualTo(List.of("stop", "timeout", "profit"));
    assertThat(Labelers.classes(d)).isEqualTo(List.of("down", "flat", "up"));
    assertThat(Labelers.classes(Labelers.parse("direction"))).isEmpty();
  }

  @Test
  void a_bad_direction3_spec_names_the_problem_and_the_forms() {
    assertThatThrownBy(() -> Labelers.parse("direction3:1"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("expected 2");
    assertThatThrownBy(() -> Labelers.parse("direction3:0:0.001"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("horizon 0 must be at least 1 bar");
    assertThatThrownBy(() -> Labelers.parse("direction3:1:-0.001"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("threshold '-0.001' must be a finite number >= 0")
        .satisfies(e -> assertThat(((BadInputException) e).fix()).contains("direction3:H:THRESH"));
  }
}
