package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deep families through the CLI: train with --set, register, verify, predict from the registry. */
class DeepCliTest {

  @TempDir
  Path tmp;

  @Test
  void mlp_and_lstm_train_register_and_predict_like_any_family() throws Exception {
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Path reg = tmp.resolve("models");
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "mlp,lstm", "--threads", "1",
        "--set", "mlp.epochs=2", "--set", "lstm.epochs=1", "--set", "lstm.lookback=8", "--set", "lstm.hidden=8", "--set", "lstm.layers=1",
        "--registry", reg.toString(), "--format", "json");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(train.out());
    assertThat(rows.size()).isEqualTo(2);
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      assertThat(row.get("auc").asDouble()).isBetween(0.4, 0.65);
    }
    assertThat(train.err()).contains("registered train-mlp@1.0.0 (deep/", "registered train-lstm@1.0.0 (deep/");
    assertThat(Cli.run("models", "verify", "--registry", reg.toString()).exit()).isZero();

    Path out = tmp.resolve("pred.csv");
    Cli predict = Cli.run("predict", "--model", "train-lstm@1.0.0", "--input", data, "--output", out.toString(), "--registry", reg.toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    assertThat(Files.readAllLines(out).size()).isGreaterThan(1000);
  }
  @Test
  void device_gpu_without_a_cuda_libtorch_warns_and_trains_on_cpu() throws Exception {
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "mlp,logistic", "--threads", "1",
        "--set", "mlp.epochs=1", "--device", "gpu", "--run-dir", tmp.resolve("run").toString(), "--format", "json");
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.err()).contains("warning: device gpu requested", "training on CPU", "PYTORCH_LIBRARY_PATH");
    for (JsonNode row : Json.MAPPER.readTree(train.out())) assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
  }

  @Test
  void device_other_than_cpu_or_gpu_is_refused_with_the_fix() {
    Cli train = Cli.run("train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--models", "mlp", "--device", "tpu");
    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err()).contains("--device tpu is not cpu or gpu", "--device cpu");
  }

  @Test
  void mlp_and_cnn1d_run_in_a_walk_forward_backtest() throws Exception {
    Cli r = Cli.run("backtest", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe", "--timeframe", "5m",
        "--models", "mlp,cnn1d", "--set", "mlp.epochs=1", "--set", "cnn1d.epochs=1", "--set", "cnn1d.lookback=8", "--folds", "2",
        "--threads", "1", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    String out = r.out();
    assertThat(out).contains("\"mlp\"", "\"cnn1d\"");
    assertThat(Json.MAPPER.readTree(out).get("folds").asInt()).isEqualTo(2);
  }
}
