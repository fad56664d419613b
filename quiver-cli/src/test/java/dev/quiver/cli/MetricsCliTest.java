package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.eval.PeriodsPerYear;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static JsonNode json(Cli r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void json_has_the_documented_keys_and_the_hand_worked_values() throws Exception {
    // the series worked by hand in ReturnMetricsTest: 0.10, -0.05, 0.02, -0.10, 0.04 at 12 periods a year
    Path f = write("r.csv", "return\n0.10\n-0.05\n0.02\n-0.10\n0.04\n");
    JsonNode j = json(Cli.run("metrics", "--returns", f.toString(), "--periods-per-year", "12", "--format", "json"));
    List<String> keys = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).startsWith("sharpe", "sortino", "max_drawdown", "annual_return", "annual_volatility", "calmar", "hit_rate",
        "profit_factor", "win_loss_ratio", "total_return", "n");
    assertThat(j.get("n").asLong()).isEqualTo(5);
    assertThat(j.get("sharpe").asDouble()).isCloseTo(0.08856148855400953, within(1e-12));
    assertThat(j.get("sortino").asDouble()).isCloseTo(0.1385640646055102, within(1e-12));
    assertThat(j.get("max_drawdown").asDouble()).isCloseTo(-0.1279, within(1e-12));
    assertThat(j.get("annual_return").asDouble()).isCloseTo(-0.005553219056227299, within(1e-12));
    assertThat(j.get("annual_volatility").asDouble()).isCloseTo(0.2709981549752692, within(1e-12));
    assertThat(j.get("calmar").asDouble()).isCloseTo(-0.04341844453656992, within(1e-12));
    assertThat(j.get("hit_rate").asDouble()).isEqualTo(0.6);
    assertThat(j.get("profit_factor").asDouble()).isCloseTo(0.16 / 0.15, within(1e-12));
    assertThat(j.get("win_loss_ratio").asDouble()).isCloseTo(0.711111111111111, within(1e-12));
    assertThat(j.get("total_return").asDouble()).isCloseTo(-0.0023176, within(1e-12));
    assertThat(j.get("periods_per_year").asDouble()).isEqualTo(12);
    assertThat(j.get("periods_per_year_source").asText()).isEqualTo("given");
  }

  @Test
  void undefined_values_are_json_null_never_nan() throws Exception {
    Path f = write("gains.csv", "return\n0.01\n0.02\n0.03\n");
    Cli r = Cli.run("metrics", "--returns", f.toString(), "--periods-per-year", "252", "--format", "json");
    JsonNode j = json(r);
    assertThat(r.out()).doesNotContain("NaN", "Infinity");
    for (String k : List.of("sortino", "calmar", "profit_factor", "win_loss_ratio")) assertThat(j.get(k).isNull()).as(k).isTrue();
    assertThat(j.get("max_drawdown").asDouble()).isZero();
    Path flat = write("flat.csv", "return\n0.01\n0.01\n");
    assertThat(json(Cli.run("metrics", "--returns", flat.toString(), "--periods-per-year", "252", "--format", "json")).get("sharpe").isNull()).isTrue();
    Cli text = Cli.run("metrics", "--returns", f.toString(), "--periods-per-year", "252");
    assertThat(text.exit()).isZero();
    assertThat(text.out()).containsPattern("sortino\\s+-");
  }

  @Test
  void timestamps_give_the_periods_per_year_of_the_real_calendar() throws Exception {
    // the CSI 300's daily closes as timestamp,return (gzip): about 243 periods a year, and the metrics of
    // those returns at that estimate
    Bars csi = TestData.bars(TestData.DAILY_1D, Timeframe.D1).get("000300.sh");
    Path f = dir.resolve("csi300.csv.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f)); PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8))) {
      w.println("timestamp,return");
      for (int i = 1; i < csi.size(); i++) w.println(Instant.ofEpochMilli(csi.time()[i]) + "," + (csi.close()[i] / csi.close()[i - 1] - 1));
    }
    JsonNode j = json(Cli.run("metrics", "--returns", f.toString(), "--format", "json"));
    long[] t = java.util.Arrays.copyOfRange(csi.time(), 1, csi.size());
    double ppy = PeriodsPerYear.estimate(t).periodsPerYear();
    assertThat(j.get("periods_per_year").asDouble()).isEqualTo(ppy);
    assertThat(ppy).isBetween(238.0, 248.0);
    assertThat(j.get("periods_per_year_source").asText()).isEqualTo("estimated");
    assertThat(j.get("bars_per_day").asDouble()).isEqualTo(1.0);
    assertThat(j.get("n").asLong()).isEqualTo(4789);
    // Sharpe scales with sqrt(ppy): pandas gave 0.37151810258444135 at 252
    assertThat(j.get("sharpe").asDouble()).isCloseTo(0.37151810258444135 * Math.sqrt(ppy / 252), within(1e-9));
    // an override wins over the estimate
    assertThat(json(Cli.run("metrics", "--returns", f.toString(), "--periods-per-year", "252", "--format", "json")).get("sharpe").asDouble())
        .isCloseTo(0.37151810258444135, within(1e-10));
  }

  @Test
  void epoch_and_local_timestamps_and_quoted_fields_are_read() throws Exception {
    StringBuilder sb = new StringBuilder("\"timestamp\",other,\"return\"\n");
    long day = 86_400L;
    for (int i = 0; i < 10; i++) sb.append(1_700_000_000L + i * day).append(",x,").append(i % 2 == 0 ? "0.01" : "-0.005").append('\n');
    Path epoch = write("epoch.csv", sb.toString());
    JsonNode j = json(Cli.run("metrics", "--returns", epoch.toString(), "--format", "json"));
    assertThat(j.get("periods_per_year").asDouble()).isEqualTo(365.25); // one bar on every day
    Path local = write("local.csv", "timestamp,return\n2024-01-01 00:00,0.01\n2024-01-02,0.02\n2024-01-03T00:00:00,-0.01\n2024-01-08T00:00:00+00:00,0.0\n");
    assertThat(json(Cli.run("metrics", "--returns", local.toString(), "--format", "json")).get("n").asLong()).isEqualTo(4);
  }

  @Test
  void without_timestamps_the_periods_per_year_are_required() throws Exception {
    Path f = write("r.csv", "return\n0.01\n-0.01\n");
    Cli r = Cli.run("metrics", "--returns", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("r.csv", "no 'timestamp' column", "--periods-per-year");
    Path week = write("short.csv", "timestamp,return\n2024-01-01,0.01\n2024-01-02,-0.01\n");
    Cli s = Cli.run("metrics", "--returns", week.toString());
    assertThat(s.exit()).isEqualTo(2);
    assertThat(s.err()).contains("2 calendar days", "--periods-per-year");
  }

  @Test
  void bad_values_exit_2_naming_file_line_and_column() throws Exception {
    Path f = write("bad.csv", "timestamp,return\n2024-01-01,0.01\n2024-01-02,abc\n2024-01-03,\n2024-01-02,0.01\n2024-13-01,0.02\n2024-01-09,NaN\n");
    Cli r = Cli.run("metrics", "--returns", f.toString(), "--periods-per-year", "252");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv:line 3, column 'return'", "'abc'")
        .contains("bad.csv:line 4, column 'return'", "missing return")
        .contains("bad.csv:line 5, column 'timestamp'", "not after the previous")
        .contains("bad.csv:line 6, column 'timestamp'", "2024-13-01")
        .contains("bad.csv:line 7, column 'return'", "NaN");
    Path noColumn = write("nocol.csv", "timestamp,ret\n2024-01-01,0.01\n");
    Cli n = Cli.run("metrics", "--returns", noColumn.toString(), "--periods-per-year", "252");
    assertThat(n.exit()).isEqualTo(2);
    assertThat(n.err()).contains("nocol.csv:line 1", "no 'return' column");
    Cli missing = Cli.run("metrics", "--returns", dir.resolve("none.csv").toString(), "--periods-per-year", "252");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none.csv", "no such file");
    Cli zero = Cli.run("metrics", "--returns", noColumn.toString(), "--periods-per-year", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--periods-per-year");
    Path empty = write("empty.csv", "return\n");
    assertThat(Cli.run("metrics", "--returns", empty.toString(), "--periods-per-year", "252").err()).contains("no data rows");
  }

  @Test
  void the_metrics_benchmark_reports_its_figures_as_json() throws Exception {
    Cli r = Cli.run("benchmark", "metrics", "--runs", "3", "--warmups", "1", "--format", "json");
    JsonNode j = json(r);
    assertThat(j.get("name").asText()).isEqualTo("metrics");
    assertThat(j.get("runs").asInt()).isEqualTo(3);
    assertThat(j.get("rows").asLong()).isEqualTo(1_000_000);
    assertThat(j.get("median_ms").asDouble()).isPositive();
    assertThat(j.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(j.get("median_ms").asDouble());
  }

  @Test
  void metrics_is_listed_and_has_help() {
    assertThat(Cli.run("--help").out()).contains("metrics");
    Cli r = Cli.run("metrics", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage:", "--returns", "--periods-per-year");
  }
}
