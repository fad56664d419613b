package dev.quiver.data;

import static dev.quiver.data.TestFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row rules, their locations (file, line, column, value, rule) and what each policy does. */
class ValidationTest {

  @TempDir Path dir;

  private LoadedData read(Path f, Policy policy) {
    return MarketData.read(f, ReadOptions.defaults().withPolicy(policy));
  }

  @Test
  void a_non_numeric_cell_is_reported_at_its_line_and_column_with_the_value_as_written() {
    Path f = text(dir, "bad.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,10,11,9,10.5,100
        2024-01-02T01:31:00Z,10,11,9,ten,100
        2024-01-02T01:32:00Z,10,11,9,10.5,100
        """);
    LoadedData d = read(f, Policy.FAIL);
    assertThat(d.report().problems()).hasSize(1);
    Problem p = d.report().problems().get(0);
    assertThat(p.where().file()).isEqualTo(f.toString());
    assertThat(p.where().line()).isEqualTo(3);
    assertThat(p.where().column()).isEqualTo("close");
    assertThat(p.value()).isEqualTo("ten");
    assertThat(p.rule()).isEqualTo("non_numeric");
    assertThat(d.totalBars()).isEqualTo(2);
    assertThatThrownBy(() -> MarketData.load(f, ReadOptions.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 3").hasMessageContaining("close").hasMessageContaining("ten");
  }

  @Test
  void out_of_order_and_duplicate_timestamps_are_reported_and_dropped() {
    Path f = text(dir, "order.csv", """
        timestamp,open,high,low,close,volume,symbol
        2024-01-02T01:30:00Z,10,11,9,10.5,100,A
        2024-01-02T01:31:00Z,10,11,9,10.5,100,A
        2024-01-02T01:30:00Z,10,11,9,10.5,100,B
        2024-01-02T01:31:00Z,10,11,9,10.5,100,A
        2024-01-02T01:29:00Z,10,11,9,10.5,100,A
        2024-01-02T01:32:00Z,10,11,9,10.5,100,A
        """);
    for (Policy policy : Policy.values()) {
      LoadedData d = read(f, policy);
      assertThat(d.report().problems()).extracting(Problem::rule).containsExactly("duplicate_timestamp", "timestamp_not_increasing");
      assertThat(d.report().problems()).extracting(p -> p.where().line()).containsExactly(5L, 6L);
      assertThat(d.report().problems().get(1).value()).isEqualTo("2024-01-02T01:29:00Z");
      assertThat(d.report().problems().get(1).message()).contains("line 3");
      assertThat(d.series("A").time()).containsExactly(TestFiles.ms("2024-01-02T01:30:00Z"), TestFiles.ms("2024-01-02T01:31:00Z"),
          TestFiles.ms("2024-01-02T01:32:00Z"));
      assertThat(d.series("B").size()).isEqualTo(1);
    }
  }

  @Test
  void each_row_rule_has_its_id() {
    Path f = text(dir, "rules.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,10,11,9,10.5,100
        2024-01-02T01:31:00Z,,11,9,10.5,100
        2024-01-02T01:32:00Z,10,11,9,-10.5,100
        2024-01-02T01:33:00Z,10,11,9,10.5,-5
        2024-01-02T01:34:00Z,10,9.5,9,10.5,100
        2024-01-02T01:35:00Z,10,11,10.2,10.5,100
        2024-01-02T01:36:00Z,10,11,9,10.5,100,7
        2024-01-02T0x:37:00Z,10,11,9,10.5,100
        2024-01-02T01:38:00Z,10,11,9,10.5,Infinity
        """);
    LoadedData d = read(f, Policy.FAIL);
    assertThat(d.report().problems()).extracting(Problem::rule).containsExactly(
        "missing_value", "non_positive_price", "low_above_min_open_close", "negative_volume", "high_below_max_open_close",
        "low_above_min_open_close", "field_count", "bad_timestamp", "not_finite");
    assertThat(d.report().problems()).extracting(p -> p.where().line()).containsExactly(3L, 4L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(d.report().problems()).extracting(p -> p.where().column())
        .containsExactly("open", "close", "low", "volume", "high", "low", "", "timestamp", "volume");
    assertThat(d.report().problems().get(1).value()).isEqualTo("-10.5");
    assertThat(d.report().rowsRead()).isEqualTo(9);
    assertThat(d.report().rowsKept()).isEqualTo(1);
  }

  @Test
  void a_bar_with_high_below_low_breaks_two_rules_and_repair_clamps_it() {
    Path f = text(dir, "hl.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,10,11,9,10.5,100
        2024-01-02T01:31:00Z,10,9,9.5,10.5,100
        """);
    LoadedData fail = read(f, Policy.FAIL);
    assertThat(fail.report().problems()).extracting(Problem::rule).containsExactly("high_below_max_open_close", "high_below_low");
    assertThat(fail.report().problems()).extracting(Problem::value).containsExactly("9", "9");
    assertThat(fail.totalBars()).isEqualTo(1);
    LoadedData repair = read(f, Policy.REPAIR);
    Bars b = repair.series().get(0);
    assertThat(b.size()).isEqualTo(2);
    assertThat(b.high()[1]).isEqualTo(10.5);
    assertThat(b.low()[1]).isEqualTo(9.0);
    assertThat(repair.report().rowsRepaired()).isEqualTo(1);
    assertThat(repair.report().notes()).anyMatch(n -> n.startsWith("1 rows repaired"));
    repair.report().throwIfFailed();
  }

  @Test
  void repair_drops_what_it_cannot_clamp() {
    Path f = text(dir, "mixed.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,10,11,9,10.5,100
        2024-01-02T01:31:00Z,10,9.5,9,10.5,-1
        2024-01-02T01:32:00Z,-10,11,9,10.5,100
        2024-01-02T01:32:00Z,10,11,9,10.5,100
        """);
    LoadedData d = read(f, Policy.REPAIR);
    assertThat(d.totalBars()).isEqualTo(2);
    assertThat(d.report().rowsRepaired()).isZero();
    assertThat(d.series().get(0).time()[1]).isEqualTo(TestFiles.ms("2024-01-02T01:32:00Z"));
  }

  @Test
  void a_file_without_volume_is_allowed_and_noted_once() {
    LoadedData noColumn = read(text(dir, "fx.csv", """
        timestamp,open,high,low,close
        2024-01-02T01:30:00Z,1.1,1.2,1.0,1.15
        2024-01-02T01:31:00Z,1.1,1.2,1.0,1.15
        """), Policy.FAIL);
    assertThat(noColumn.report().clean()).isTrue();
    assertThat(noColumn.report().notes()).filteredOn(n -> n.contains("volume")).hasSize(1);
    assertThat(noColumn.series().get(0).hasVolume()).isFalse();
    assertThat(noColumn.series().get(0).volume()).containsOnly(Double.NaN);

    LoadedData emptyColumn = read(text(dir, "fx2.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,1.1,1.2,1.0,1.15,
        2024-01-02T01:31:00Z,1.1,1.2,1.0,1.15,
        2024-01-02T01:32:00Z,1.1,1.2,1.0,1.15,
        """), Policy.FAIL);
    assertThat(emptyColumn.report().clean()).isTrue();
    assertThat(emptyColumn.report().notes()).filteredOn(n -> n.contains("volume")).hasSize(1);
    assertThat(emptyColumn.series().get(0).hasVolume()).isFalse();
    assertThat(emptyColumn.totalBars()).isEqualTo(3);
  }

  @Test
  void volume_empty_on_some_rows_only_is_missing_there() {
    Path f = text(dir, "partial.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,1.1,1.2,1.0,1.15,5
        2024-01-02T01:31:00Z,1.1,1.2,1.0,1.15,
        2024-01-02T01:32:00Z,1.1,1.2,1.0,1.15,7
        """);
    LoadedData d = read(f, Policy.DROP);
    assertThat(d.report().problems()).extracting(Problem::rule).containsExactly("missing_value");
    assertThat(d.report().problems().get(0).where().line()).isEqualTo(3);
    assertThat(d.series().get(0).volume()).containsExactly(5.0, 7.0);
  }

  @Test
  void zero_volume_is_not_a_problem() {
    LoadedData d = read(text(dir, "zero.csv", """
        timestamp,open,high,low,close,volume
        2024-01-02T01:30:00Z,1.1,1.2,1.0,1.15,0
        2024-01-02T01:31:00Z,1.1,1.2,1.0,1.15,3
        """), Policy.FAIL);
    assertThat(d.report().clean()).isTrue();
    assertThat(d.report().notes()).contains("1 bars have zero volume (allowed)");
  }
}
