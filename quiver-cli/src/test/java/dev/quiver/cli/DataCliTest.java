package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.data.Bars;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import dev.quiver.data.Timeframe;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCliTest {

  @TempDir
  Path dir;

  @Test
  void validate_clean_futures_file_exits_0() {
    Cli r = Cli.run("data", "validate", TestData.file(TestData.FUTURES_1M).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("144,000 rows read", "clean");
  }

  @Test
  void validate_reports_the_three_inconsistent_ashare_bars_as_json_and_exits_2() throws Exception {
    Cli r = Cli.run("data", "validate", TestData.file(TestData.ASHARE_1M).toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(2);
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("clean").asBoolean()).isFalse();
    JsonNode problems = json.get("problems");
    assertThat(problems.size()).isGreaterThanOrEqualTo(3);
    for (JsonNode p : problems) {
      assertThat(p.get("file").asText()).endsWith(TestData.ASHARE_1M);
      assertThat(p.get("line").asLong()).isGreaterThan(1);
      assertThat(p.get("column").asText()).isIn("high", "low", "open", "close");
      assertThat(p.get("value").asText()).isNotEmpty();
      assertThat(p.get("rule").asText()).isNotEmpty();
    }
  }

  @Test
  void validate_with_repair_still_reports_the_problems() {
    Cli r = Cli.run("data", "validate", TestData.file(TestData.ASHARE_1M).toString(), "--policy", "repair");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains("policy repair", "line");
  }

  @Test
  void missing_file_exits_2_naming_it() {
    Cli r = Cli.run("data", "validate", dir.resolve("nope.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("nope.csv").doesNotContain("Exception");
  }

  @Test
  void garbage_file_exits_2_without_a_stack_trace() throws Exception {
    Path f = dir.resolve("garbage.csv.gz");
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    bytes[0] = 0x1f;
    bytes[1] = (byte) 0x8b;
    Files.write(f, bytes);
    Cli r = Cli.run("data", "validate", f.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("garbage.csv.gz").doesNotContain("\tat ");
  }

  @Test
  void resample_to_5m_writes_bars_stamped_with_bucket_open_in_the_input_format() throws Exception {
    Path out = dir.resolve("futures_5m.csv.gz");
    Cli r = Cli.run("data", "resample", TestData.file(TestData.FUTURES_1M).toString(), "--to", "5m", "--output", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(out))))) {
      assertThat(in.readLine()).isEqualTo("timestamp,open,high,low,close,volume,symbol");
      assertThat(in.readLine()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d[05]:00Z,.*");
    }
    LoadedData back = MarketData.load(out, ReadOptions.defaults());
    assertThat(back.series()).hasSize(3);
    Bars ic = back.series().get(0);
    assertThat(ic.timeframe()).isEqualTo(Timeframe.M5);
    for (long t : ic.time()) assertThat(t % 300_000L).isZero();
    Bars one = TestData.futures("ICL8.cfe");
    double volume = 0;
    for (double v : one.volume()) volume += v;
    double resampled = 0;
    for (double v : ic.volume()) resampled += v;
    assertThat(resampled).isEqualTo(volume);
  }

  @Test
  void resample_to_parquet_round_trips() {
    Path out = dir.resolve("futures_15m.parquet");
    Cli r = Cli.run("data", "resample", TestData.file(TestData.FUTURES_1M).toString(), "--to", "15m", "--output", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    LoadedData back = MarketData.load(out, ReadOptions.defaults());
    assertThat(back.series()).extracting(Bars::symbol).containsExactly("ICL8.cfe", "IFL8.cfe", "IML8.cfe");
    assertThat(back.series().get(1).timeframe()).isEqualTo(Timeframe.M15);
  }

  @Test
  void resample_to_an_unknown_timeframe_exits_2_listing_the_valid_ones() {
    Cli r = Cli.run("data", "resample", TestData.file(TestData.FUTURES_1M).toString(), "--to", "7m", "--output", dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("7m", "5m", "15m", "1h");
    assertThat(dir.resolve("x.csv")).doesNotExist();
  }
}
