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
}
