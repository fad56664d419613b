package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vae and gan families through the CLI: train gives a leaderboard row for each and keeps the gan's realism report, backtest runs vae. */
class GenerativeFamiliesCliTest {

  @TempDir
  Path tmp;

  @Test
  void vae_and_gan_train_from_the_cli_and_get_json_leaderboard_rows() throws Exception {
    Cli train = Cli.run("train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe", "--timeframe", "5m",
        "--models", "vae,gan", "--threads", "1", "--set", "vae.epochs=3", "--set", "gan.epochs=2", "--set", "gan.gan_epochs=2",
        "--set", "gan.lookback=8", "--registry", tmp.resolve("models").toString(), "--format", "json");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(train.out());
    Set<String> models = new HashSet<>();
    for (JsonNode row : rows) {
      models.add(row.get("model").asText());
      assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      assertThat(row.get("auc").asDouble()).as(row.toString()).isBetween(0.4, 0.65);
    }
    assertThat(models).containsExactlyInAnyOrder("vae", "gan");
    Cli info = Cli.run("models", "info", "train-gan@1.0.0", "--registry", tmp.resolve("models").toString(), "--format", "json");
    assertThat(info.exit()).as(info.err()).isZero();
    Path folder = Path.of(Json.MAPPER.readTree(info.out()).get("folder").asText());
    JsonNode augmentation = Json.MAPPER.readTree(Files.readString(folder.resolve("gan.json"))).get("augmentation");
    assertThat(augmentation.get("used").asBoolean()).isTrue();
    assertThat(augmentation.get("realism").get("ks").asDouble()).isBetween(0.0, 1.0);
    assertThat(augmentation.get("realism").get("generatedAbsAcf")).hasSize(5);

    Path out = tmp.resolve("vae.csv");
    Cli predict = Cli.run("predict", "--model", "train-vae@1.0.0", "--input", TestData.file(TestData.FUTURES_1M).toString(), "--output",
        out.toString(), "--registry", tmp.resolve("models").toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    java.util.List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).as("the VAE's latent means and anomaly score follow the prediction").startsWith("timestamp,symbol,prediction,proba,vae_z0,")
        .endsWith(",vae_anomaly");
    String[] last = lines.get(lines.size() - 1).split(",");
    assertThat(last).hasSize(lines.get(0).split(",").length);
    assertThat(Double.parseDouble(last[last.length - 1])).as("a mean squared reconstruction error").isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void vae_runs_in_a_walk_forward_backtest() throws Exception {
    Cli r = Cli.run("backtest", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe", "--timeframe", "5m",
        "--models", "vae", "--set", "vae.epochs=2", "--folds", "2", "--threads", "1", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"vae\"");
    assertThat(Json.MAPPER.readTree(r.out()).get("folds").asInt()).isEqualTo(2);
  }
}
