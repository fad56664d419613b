package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckLeakageCliTest {

  @TempDir
  Path dir;

  @Test
  void an_honest_experiment_passes_with_exit_0() {
    Cli r = Cli.run("check", "leakage", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "ICL8.cfe",
        "--higher-timeframes", "15m", "--features", "seed12,rsi_14", "--models", "logistic", "--sample-bars", "6000");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("features: ok", "models: ok", "association: ok", "leakage check passed");
  }

  @Test
  void an_honest_experiment_behind_preprocessing_passes_and_a_bad_spec_exits_2() {
    String[] common = {"check", "leakage", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "ICL8.cfe",
        "--features", "seed12", "--models", "logistic", "--sample-bars", "6000", "--preprocess"};
    Cli r = Cli.run(concat(common, "impute=median,scale=robust,clip=0.01,select=top:6"));
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("models: ok", "leakage check passed");
    Cli bad = Cli.run(concat(common, "scale=sideways"));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("sideways");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void the_next_bars_return_as_a_column_exits_3_naming_it() throws Exception {
    Cli r = Cli.run("check", "leakage", "--data", LeakyData.write(dir).toString(), "--features", "seed12,leak", "--models", "logistic", "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    JsonNode root = Json.MAPPER.readTree(r.out());
    assertThat(root.get("clean").asBoolean()).isFalse();
    assertThat(root.get("suspects").size()).isEqualTo(1);
    assertThat(root.get("suspects").get(0).get("name").asText()).isEqualTo("leak");
    assertThat(root.get("features").size()).isZero();
  }

  @Test
  void a_cut_outside_zero_and_one_exits_2() {
    Cli r = Cli.run("check", "leakage", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--cuts", "1.5");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("1.5", "--cuts");
  }
}
