package dev.quiver.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The three bundled real files, checked against TestData's plain oracle reader and direct checks. */
class BundledDataTest {

  private static LoadedData read(String name, Policy policy) {
    return MarketData.read(TestData.file(name), ReadOptions.defaults().withPolicy(policy));
  }

  /** Line numbers (header = line 1) of rows breaking an OHLC rule, by a direct check of the text. */
  private static TreeSet<Long> inconsistentLines(String name) throws IOException {
    TreeSet<Long> lines = new TreeSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(TestData.file(name))), StandardCharsets.UTF_8))) {
      r.readLine();
      long line = 1;
      for (String s; (s = r.readLine()) != null; ) {
        line++;
        String[] f = s.split(",");
        double o = Double.parseDouble(f[1]), h = Double.parseDouble(f[2]), l = Double.parseDouble(f[3]), c = Double.parseDouble(f[4]);
        if (h < Math.max(o, c) || l > Math.min(o, c) || h < l) lines.add(line);
      }
    }
    return lines;
  }

  private static int oracleInconsistent(Map<String, Bars> bars) {
    int n = 0;
    for (Bars b : bars.values()) {
      for (int i = 0; i < b.size(); i++) {
        double o = b.open()[i], h = b.high()[i], l = b.low()[i], c = b.close()[i];
        if (h < Math.max(o, c) || l > Math.min(o, c) || h < l) n++;
      }
    }
    return n;
  }

  @Test
  void futures_file_reads_bit_identical_to_the_oracle() {
    LoadedData d = read(TestData.FUTURES_1M, Policy.FAIL);
    assertThat(d.report().clean()).isTrue();
    assertThat(d.report().rowsRead()).isEqualTo(144_000);
    assertThat(d.source().format()).isEqualTo("csv.gz");
    assertThat(d.source().timestampFormat()).isEqualTo(TimestampFormat.ISO);
    assertThat(d.source().isoLayout()).isEqualTo(IsoLayout.UTC);
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.M1);
    assertThat(d.series()).extracting(Bars::symbol).containsExactly("ICL8.cfe", "IFL8.cfe", "IML8.cfe");
    for (Bars b : d.series()) {
      Bars oracle = TestData.futures(b.symbol());
      assertThat(b.time()).isEqualTo(oracle.time());
      assertThat(b.open()).isEqualTo(oracle.open());
      assertThat(b.high()).isEqualTo(oracle.high());
      assertThat(b.low()).isEqualTo(oracle.low());
      assertThat(b.close()).isEqualTo(oracle.close());
      assertThat(b.volume()).isEqualTo(oracle.volume());
      assertThat(b).isEqualTo(oracle);
      assertThat(b.extras()).isEmpty();
    }
  }

  @Test
  void ashare_file_reports_its_three_inconsistent_bars_by_line_under_fail() throws IOException {
    LoadedData d = read(TestData.ASHARE_1M, Policy.FAIL);
    TreeSet<Long> expected = inconsistentLines(TestData.ASHARE_1M);
    assertThat(expected).hasSize(3);
    assertThat(oracleInconsistent(TestData.bars(TestData.ASHARE_1M, Timeframe.M1))).isEqualTo(3);
    assertThat(d.report().problems()).extracting(p -> p.where().line()).containsExactlyElementsOf(expected);
    assertThat(d.report().problems()).extracting(Problem::rule)
        .containsExactly("low_above_min_open_close", "high_below_max_open_close", "low_above_min_open_close");
    Problem first = d.report().problems().get(0);
    assertThat(first.where().file()).isEqualTo(TestData.file(TestData.ASHARE_1M).toString());
    assertThat(first.where().line()).isEqualTo(5761);
    assertThat(first.where().column()).isEqualTo("low");
    assertThat(first.value()).isEqualTo("2962.86");
    assertThat(d.series()).hasSize(8);
    assertThat(d.totalBars()).isEqualTo(128_640 - 3);
    assertThatThrownBy(() -> MarketData.load(TestData.file(TestData.ASHARE_1M), ReadOptions.defaults()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("line 5761")
        .hasMessageContaining("--policy drop");
  }

  @Test
  void ashare_zero_volume_bars_are_not_problems() {
    LoadedData d = read(TestData.ASHARE_1M, Policy.DROP);
    long zeros = 0;
    for (Bars b : d.series()) for (double v : b.volume()) if (v == 0) zeros++;
    long oracleZeros = 0;
    for (Bars b : TestData.bars(TestData.ASHARE_1M, Timeframe.M1).values()) for (double v : b.volume()) if (v == 0) oracleZeros++;
    assertThat(zeros).isEqualTo(oracleZeros).isBetween(900L, 1_100L);
    assertThat(d.report().problems()).extracting(Problem::rule).doesNotContain("negative_volume", "non_positive_price", "missing_value");
    assertThat(d.report().notes()).contains(zeros + " bars have zero volume (allowed)");
  }

  @Test
  void ashare_drop_removes_exactly_the_inconsistent_rows() {
    LoadedData d = read(TestData.ASHARE_1M, Policy.DROP);
    Map<String, Bars> oracle = TestData.bars(TestData.ASHARE_1M, Timeframe.M1);
    assertThat(d.report().rowsKept()).isEqualTo(128_637);
    assertThat(d.report().problems()).hasSize(3);
    for (Bars b : d.series()) {
      Bars o = oracle.get(b.symbol());
      int bad = 0;
      for (int i = 0; i < o.size(); i++) {
        if (o.high()[i] < Math.max(o.open()[i], o.close()[i]) || o.low()[i] > Math.min(o.open()[i], o.close()[i])) bad++;
      }
      assertThat(b.size()).isEqualTo(o.size() - bad);
      for (int i = 0; i < b.size(); i++) {
        assertThat(b.high()[i]).isGreaterThanOrEqualTo(Math.max(b.open()[i], b.close()[i]));
        assertThat(b.low()[i]).isLessThanOrEqualTo(Math.min(b.open()[i], b.close()[i]));
      }
    }
    MarketData.load(TestData.file(TestData.ASHARE_1M), ReadOptions.defaults().withPolicy(Policy.DROP));
  }

  @Test
  void ashare_repair_clamps_the_inconsistent_rows_and_keeps_every_row() {
    LoadedData d = read(TestData.ASHARE_1M, Policy.REPAIR);
    Map<String, Bars> oracle = TestData.bars(TestData.ASHARE_1M, Timeframe.M1);
    assertThat(d.report().rowsKept()).isEqualTo(128_640);
    assertThat(d.report().rowsRepaired()).isEqualTo(3);
    int clamped = 0;
    for (Bars b : d.series()) {
      Bars o = oracle.get(b.symbol());
      assertThat(b.size()).isEqualTo(o.size());
      for (int i = 0; i < b.size(); i++) {
        double max = Math.max(Math.max(o.open()[i], o.high()[i]), Math.max(o.low()[i], o.close()[i]));
        double min = Math.min(Math.min(o.open()[i], o.high()[i]), Math.min(o.low()[i], o.close()[i]));
        assertThat(b.high()[i]).isEqualTo(max);
        assertThat(b.low()[i]).isEqualTo(min);
        assertThat(b.open()[i]).isEqualTo(o.open()[i]);
        assertThat(b.close()[i]).isEqualTo(o.close()[i]);
        if (b.high()[i] != o.high()[i] || b.low()[i] != o.low()[i]) clamped++;
      }
    }
    assertThat(clamped).isEqualTo(3);
  }

  @Test
  void daily_file_reports_its_22_inconsistent_early_bars() throws IOException {
    LoadedData d = read(TestData.DAILY_1D, Policy.FAIL);
    TreeSet<Long> expected = inconsistentLines(TestData.DAILY_1D);
    assertThat(expected).hasSize(22);
    assertThat(oracleInconsistent(TestData.bars(TestData.DAILY_1D, Timeframe.D1))).isEqualTo(22);
    assertThat(new TreeSet<>(d.report().problems().stream().map(p -> p.where().line()).toList())).isEqualTo(expected);
    // one bar (line 314) breaks two rules: high below open and high below low
    assertThat(d.report().problems()).hasSize(23);
    assertThat(d.report().countsByRule()).containsEntry("high_below_low", 1L);
    assertThat(d.source().timeframe()).isEqualTo(Timeframe.D1);
    assertThat(d.series()).hasSize(11);
    long before1996 = java.time.Instant.parse("1996-01-01T00:00:00Z").toEpochMilli();
    for (Bars b : TestData.bars(TestData.DAILY_1D, Timeframe.D1).values()) {
      for (int i = 0; i < b.size(); i++) {
        double o = b.open()[i], h = b.high()[i], l = b.low()[i], c = b.close()[i];
        if (h < Math.max(o, c) || l > Math.min(o, c) || h < l) assertThat(b.time()[i]).isLessThan(before1996);
      }
    }

    LoadedData dropped = read(TestData.DAILY_1D, Policy.DROP);
    assertThat(dropped.report().rowsKept()).isEqualTo(53_819 - 22);
    LoadedData repaired = read(TestData.DAILY_1D, Policy.REPAIR);
    assertThat(repaired.report().rowsKept()).isEqualTo(53_819);
    assertThat(repaired.report().rowsRepaired()).isEqualTo(22);
  }

  @Test
  void all_three_bundled_files_ingest() {
    for (String f : List.of(TestData.FUTURES_1M, TestData.ASHARE_1M, TestData.DAILY_1D)) {
      LoadedData d = read(f, Policy.REPAIR);
      assertThat(d.series()).isNotEmpty();
      for (Bars b : d.series()) {
        for (int i = 1; i < b.size(); i++) assertThat(b.time()[i]).isGreaterThan(b.time()[i - 1]);
      }
    }
  }
}
