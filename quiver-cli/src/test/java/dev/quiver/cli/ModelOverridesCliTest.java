package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.data.Bars;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelOverridesCliTest {

  static final String DATA = TestData.file(TestData.FUTURES_1M).toString();

  @TempDir
  Path dir;

  static JsonNode json(Cli r) throws Exception {
    assertThat(r.exit()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void variant_flag_is_the_default_for_models_that_name_none() throws Exception {
    JsonNode rows = json(Cli.run("train", "--data", DATA, "--symbols", "IFL8.cfe", "--models", "ridge,gradient_boosting:conservative",
        "--variant", "aggressive", "--format", "json"));
    assertThat(rows.size()).isEqualTo(2);
    for (JsonNode row : rows) {
      if (row.get("family").asText().equals("ridge")) {
        assertThat(row.get("variant").asText()).isEqualTo("aggressive");
        assertThat(row.get("model").asText()).isEqualTo("ridge:aggressive");
      } else {
        assertThat(row.get("variant").asText()).isEqualTo("conservative");
      }
    }
  }

  @Test
  void set_changes_every_model_of_its_family() throws Exception {
    String[] base = {"train", "--data", DATA, "--symbols", "IFL8.cfe", "--models", "gradient_boosting,gradient_boosting:aggressive", "--format", "json"};
    JsonNode plain = json(Cli.run(base));
    List<String> args = new ArrayList<>(List.of(base));
    args.addAll(List.of("--set", "gradient_boosting.num_iterations=1", "--set", "gradient_boosting.early_stopping_rounds=0"));
    JsonNode one = json(Cli.run(args.toArray(new String[0])));
    for (int i = 0; i < 2; i++) {
      String model = one.get(i).get("model").asText();
      JsonNode before = plain.get(0).get("model").asText().equals(model) ? plain.get(0) : plain.get(1);
      // one tree at learning rate 0.1 barely moves the probabilities away from the base rate
      assertThat(one.get(i).get("log_loss").asDouble()).isNotEqualTo(before.get("log_loss").asDouble());
      assertThat(one.get(i).get("log_loss").asDouble()).isBetween(0.68, 0.70);
    }
  }

  @Test
  void set_wins_over_the_experiment_file() throws Exception {
    Path yaml = dir.resolve("exp.yaml");
    Files.writeString(yaml, """
        data: {path: %s, symbols: [IML8.cfe]}
        models:
          - family: lightgbm
            params: {num_leaves: 1}
        """.formatted(DATA.replace("\\", "/")));
    assertThat(Cli.run("train", "--config", yaml.toString()).exit()).isEqualTo(2);
    JsonNode rows = json(Cli.run("train", "--config", yaml.toString(), "--set", "lightgbm.num_leaves=7", "--format", "json"));
    assertThat(rows.get(0).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void bad_settings_exit_2_before_reading_data_naming_each_problem() {
    Cli r = Cli.run("train", "--data", DATA, "--models", "lightgbm,xgboost", "--set", "lightgmb.num_leaves=3", "--set", "lightgbm.num_leave=3",
        "--set", "xgboost.max_depth=0", "--set", "xgboost", "--set", "ridge.alpha=2");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean 'lightgbm'?", "did you mean 'num_leaves'?", "max_depth", "got 0", "'xgboost' is not FAMILY.KEY=VALUE",
        "no model of that family is trained");
    assertThat(r.err()).doesNotContain("loaded");
  }

  @Test
  void an_unknown_variant_exits_2_naming_the_valid_ones() {
    Cli r = Cli.run("train", "--data", DATA, "--models", "ridge", "--variant", "agressive");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("agressive", "did you mean 'aggressive'?");
  }

  /** Runs quiver in a fresh JVM with the given environment; returns {exit, stdout, stderr}. */
  static String[] runProcess(List<String> env, String... args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("QUIVER_MODEL_VARIANT");
    for (String e : env) pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    Path err = Files.createTempFile("quiver-err", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err);
    Files.delete(err);
    return new String[] {String.valueOf(p.exitValue()), out.toString(StandardCharsets.UTF_8), stderr};
  }

  @Test
  void the_environment_sets_the_default_variant_the_flag_wins_and_xgboost_prints_no_evaluation_lines() throws Exception {
    String[] env = runProcess(List.of("QUIVER_MODEL_VARIANT=conservative"), "train", "--data", DATA, "--symbols", "IFL8.cfe", "--models",
        "xgboost,lightgbm", "--threads", "2", "--format", "json");
    assertThat(env[0]).as(env[2]).isEqualTo("0");
    for (JsonNode row : Json.MAPPER.readTree(env[1])) assertThat(row.get("variant").asText()).isEqualTo("conservative");
    assertThat(env[2]).doesNotContain("logloss", "train-", "valid-", "[0]");
    String[] flag = runProcess(List.of("QUIVER_MODEL_VARIANT=conservative"), "train", "--data", DATA, "--symbols", "IFL8.cfe", "--models",
        "ridge", "--variant", "aggressive", "--format", "json");
    assertThat(flag[0]).as(flag[2]).isEqualTo("0");
    assertThat(Json.MAPPER.readTree(flag[1]).get(0).get("variant").asText()).isEqualTo("aggressive");
  }

  @Test
  void every_family_beats_chance_in_one_run_when_the_next_return_follows_the_last_one() throws Exception {
    // real IFL8 bars' returns as noise, with a planted AR(1): r'[i] = 0.6 r'[i-1] + r[i]
    Bars b = TestData.futures("IFL8.cfe");
    int n = 20_000;
    StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume,symbol\n");
    Random rnd = new Random(4);
    double close = b.close()[0];
    double last = 0;
    for (int i = 1; i <= n; i++) {
      double r = b.close()[i] / b.close()[i - 1] - 1;
      double planted = 0.6 * last + r;
      double open = close;
      close = open * (1 + planted);
      double wick = Math.abs(r) * rnd.nextDouble();
      csv.append(Instant.ofEpochMilli(b.time()[i])).append(',').append(open).append(',').append(Math.max(open, close) * (1 + wick)).append(',')
          .append(Math.min(open, close) * (1 - wick)).append(',').append(close).append(',').append(b.volume()[i]).append(",AR1\n");
      last = planted;
    }
    Path file = dir.resolve("ar1.csv");
    Files.writeString(file, csv);
    String every = "lightgbm,xgboost,random_forest,gradient_boosting,logistic,ridge,elastic_net";
    JsonNode rows = json(Cli.run("train", "--data", file.toString(), "--models", every, "--threads", "2", "--format", "json"));
    assertThat(rows.size()).isEqualTo(7);
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      assertThat(row.get("auc").asDouble()).as(row.get("model").asText()).isGreaterThan(0.6);
    }
  }
}
