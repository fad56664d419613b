package dev.quiver.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quiver.data.Bars;
import dev.quiver.error.BadInputException;
import dev.quiver.model.Task;
import dev.quiver.testing.TestData;
import org.junit.jupiter.api.Test;

class PathLabelsTest {

  @Test
  void time_to_hit_counts_bars_to_the_first_close_beyond_the_barrier_either_way() {
    // barrier 5% from each entry, horizon 3
    Targets t = new TimeToHit(3, 0.05).label(LabelsTest.closes(100, 102, 94, 100, 101, 101, 101, 101));
    assertThat(t.task()).isEqualTo(Task.REGRESSION);
    assertThat(t.name()).isEqualTo("tth:3,0.05");
    assertThat(t.y()[0]).isEqualTo(2); // 94 is 6% below 100, at bar 2
    assertThat(t.end()[0]).isEqualTo(2);
    assertThat(t.forwardReturn()[0]).isCloseTo(-0.06, within(1e-12));
    assertThat(t.y()[1]).isEqualTo(1); // 94 is 7.8% below 102, the next bar
    assertThat(t.y()[2]).isEqualTo(1); // 100 is 6.4% above 94
    assertThat(t.y()[3]).isEqualTo(4); // never 5% from 100 within 3 bars: censored at horizon + 1
    assertThat(t.end()[3]).isEqualTo(6);
    assertThat(t.y()[4]).isEqualTo(4);
    assertThat(t.y()[5]).isNaN(); // its horizon runs past the data
    assertThat(t.end()[5]).isEqualTo(-1);
  }

  @Test
  void max_drawdown_is_the_largest_fall_from_a_running_peak_of_the_path_ahead() {
    Targets t = new MaxDrawdown(4).label(LabelsTest.closes(100, 110, 99, 105, 120, 90));
    assertThat(t.name()).isEqualTo("mdd:4");
    assertThat(t.y()[0]).isCloseTo(1 - 99.0 / 110, within(1e-15)); // peak 110 then 99
    assertThat(t.y()[1]).isCloseTo(1 - 90.0 / 120, within(1e-15)); // peak 120 then 90
    assertThat(t.end()[0]).isEqualTo(4);
    assertThat(t.forwardReturn()[0]).isCloseTo(0.2, within(1e-15));
    assertThat(t.y()[2]).isNaN();
    Targets rising = new MaxDrawdown(2).label(LabelsTest.closes(1, 2, 3, 4));
    assertThat(rising.y()[0]).isZero();
  }

  @Test
  void max_favourable_excursion_is_the_best_gain_offered_and_never_negative() {
    Targets t = new MaxFavourableExcursion(2).label(LabelsTest.closes(100, 104, 102, 90, 80, 85));
    assertThat(t.name()).isEqualTo("mfe:2");
    assertThat(t.y()[0]).isCloseTo(0.04, within(1e-15));
    assertThat(t.y()[2]).isZero(); // 90 and 80 are both below 102
    assertThat(t.y()[3]).isZero();
    assertThat(t.end()[2]).isEqualTo(4);
    assertThat(t.y()[4]).isNaN();
  }

  @Test
  void on_real_futures_the_labels_are_consistent_and_end_inside_the_horizon() {
    Bars b = TestData.futures("IFL8.cfe");
    Targets tth = new TimeToHit(30, 0.002).label(b);
    Targets mdd = new MaxDrawdown(30).label(b);
    Targets mfe = new MaxFavourableExcursion(30).label(b);
    int hits = 0;
    for (int i = 0; i + 30 < b.size(); i++) {
      assertThat(tth.y()[i]).isBetween(1.0, 31.0);
      assertThat(tth.end()[i]).isEqualTo(i + (int) Math.min(tth.y()[i], 30));
      if (tth.y()[i] <= 30) hits++;
      // a hit of the 0.2% barrier implies an excursion of at least that much one way or the other
      if (tth.y()[i] <= 30) assertThat(Math.max(mfe.y()[i], 1 - b.close()[tth.end()[i]] / b.close()[i])).isGreaterThanOrEqualTo(0.002 - 1e-12);
      assertThat(mdd.y()[i]).isBetween(0.0, 1.0);
      assertThat(mfe.y()[i]).isGreaterThanOrEqualTo(0.0);
      assertThat(mdd.end()[i]).isEqualTo(i + 30);
    }
    assertThat(hits).isPositive().isLessThan(b.size() - 30);
  }

  @Test
  void path_label_specs_parse_and_names_parse_back() {
    for (String spec : new String[] {"tth:30,0.002", "mdd:20", "mfe:5"}) assertThat(Labelers.parse(spec).name()).isEqualTo(spec);
    TimeToHit tth = (TimeToHit) Labelers.parse(" TTH: 10 , 0.01 ");
    assertThat(tth.horizon()).isEqualTo(10);
    assertThat(tth.barrier()).isEqualTo(0.01);
    assertThatThrownBy(() -> Labelers.parse("tth:10")).isInstanceOf(BadInputException.class).hasMessageContaining("got 1");
    assertThatThrownBy(() -> Labelers.parse("mdd:0")).isInstanceOf(BadInputException.class).hasMessageContaining("horizon 0");
    assertThatThrownBy(() -> Labelers.parse("mfe:x")).isInstanceOf(BadInputException.class).hasMessageContaining("'x'");
    assertThatThrownBy(() -> Labelers.parse("tth:10,-0.1")).isInstanceOf(BadInputException.class).hasMessageContaining("'-0.1'");
    assertThatThrownBy(() -> Labelers.parse("drawdown:3")).isInstanceOf(BadInputException.class).hasMessageContaining("mdd:H");
  }
}
