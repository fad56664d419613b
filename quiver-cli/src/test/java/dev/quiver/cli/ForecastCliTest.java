package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCliTest {

  @TempDir
  Path dir;

  private static JsonNode referenceCase(String name) throws Exception {
    try (InputStream in = ForecastCliTest.class.getResourceAsStream("/forecast/arima_reference.json")) {
      for (JsonNode c : Json.MAPPER.readTree(in).get("cases")) if (c.get("name").asText().equals(name)) return c;
    }
    throw new AssertionError("no reference case " + name);
  }

  private Path seriesFile(JsonNode c, String header) throws Exception {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (JsonNode v : c.get("y")) sb.append(v.asDouble()).append('\n');
    Path p = dir.resolve("series.csv");
    Files.writeString(p, sb);
    return p;
  }

  private static JsonNode json(Cli r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void json_has_the_documented_keys_and_statsmodels_numbers() throws Exception {
    JsonNode c = referenceCase("futures_close_arima011");
    Path f = seriesFile(c, "y");
    JsonNode j = json(Cli.run("forecast", "arima", "--input", f.toString(), "--order", "0,1,1", "--steps", "5", "--format", "json"));
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).startsWith("order", "params", "standard_errors", "llf", "aic", "bic", "aicc").contains("forecast", "forecast_se");
    assertThat(j.get("order").toString()).isEqualTo("[0,1,1]");
    List<String> names = new ArrayList<>();
    j.get("params").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("ma.L1", "sigma2");
    assertThat(j.get("llf").asDouble()).isCloseTo(c.get("llf").asDouble(), within(1e-3));
    assertThat(j.get("aic").asDouble()).isCloseTo(c.get("aic").asDouble(), within(1e-2));
    assertThat(j.get("forecast")).hasSize(5);
    for (int h = 0; h < 5; h++) {
      assertThat(j.get("forecast").get(h).asDouble()).isCloseTo(c.get("forecast").get(h).asDouble(), within(1e-2 * c.get("forecast_se").get(h).asDouble()));
      assertThat(j.get("forecast_se").get(h).asDouble()).isCloseTo(c.get("forecast_se").get(h).asDouble(), within(5e-3 * c.get("forecast_se").get(h).asDouble()));
    }
  }

  @Test
  void a_named_column_of_a_bars_file_is_read_and_d0_reports_const() throws Exception {
    JsonNode c = referenceCase("simulated_ar2");
    StringBuilder sb = new StringBuilder("timestamp,close,volume\n");
    int i = 0;
    for (JsonNode v : c.get("y")) sb.append(1_700_000_000L + 60L * i++).append(',').append(v.asDouble()).append(",1\n");
    Path f = dir.resolve("bars.csv");
    Files.writeString(f, sb);
    JsonNode j = json(Cli.run("forecast", "arima", "--input", f.toString(), "--column", "close", "--order", "2,0,0", "--format", "json"));
    List<String> names = new ArrayList<>();
    j.get("params").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("const", "ar.L1", "ar.L2", "sigma2");
    assertThat(j.get("params").get("const").asDouble()).isCloseTo(c.get("params").get(0).asDouble(), within(1e-3));
    assertThat(j.get("forecast")).hasSize(10);
  }

  @Test
  void auto_adds_the_table_of_orders_tried_and_picks_the_least_aic() throws Exception {
    Path f = seriesFile(referenceCase("simulated_ar2"), "y");
    JsonNode j = json(Cli.run("forecast", "arima", "--input", f.toString(), "--auto", "--max-p", "2", "--max-q", "2", "--full-grid", "--format", "json"));
    assertThat(j.get("tried")).hasSize(9);
    double min = Double.POSITIVE_INFINITY;
    for (JsonNode t : j.get("tried")) min = Math.min(min, t.get("aic").asDouble());
    assertThat(j.get("aic").asDouble()).isEqualTo(min);
    assertThat(j.get("order").get(1).asInt()).isZero();
    assertThat(j.get("kpss")).hasSize(1);
  }

  @Test
  void a_bad_value_exits_2_naming_file_line_and_column() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "y\n1.0\n2.0\nabc\n3.0\n");
    Cli r = Cli.run("forecast", "arima", "--input", f.toString(), "--order", "1,0,0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("bad.csv").contains("line 4").contains("column 'y'").contains("abc");
  }

  @Test
  void a_missing_column_and_a_bad_order_exit_2() throws Exception {
    Path f = dir.resolve("s.csv");
    Files.writeString(f, "price\n1\n2\n3\n");
    Cli r = Cli.run("forecast", "arima", "--input", f.toString(), "--order", "1,0,0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no column 'y'").contains("--column");
    Cli o = Cli.run("forecast", "arima", "--input", f.toString(), "--column", "price", "--order", "1,x,0");
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("p,d,q");
  }

  @Test
  void arima_auto_benchmark_prints_the_documented_json() throws Exception {
    JsonNode j = json(Cli.run("benchmark", "arima-auto", "--runs", "1", "--warmups", "0", "--format", "json"));
    assertThat(j.get("name").asText()).isEqualTo("arima-auto");
    assertThat(j.get("runs").asInt()).isEqualTo(1);
    assertThat(j.get("median_ms").asDouble()).isPositive();
    assertThat(j.get("min_ms").asDouble()).isPositive();
    assertThat(j.get("points").asInt()).isEqualTo(5_000);
  }
}
