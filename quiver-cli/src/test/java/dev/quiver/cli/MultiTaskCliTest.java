package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.data.ReadOptions;
import dev.quiver.model.Json;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.TrainSet;
import dev.quiver.predict.ModelPredictor;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multitask family through the CLI: the runner computes its auxiliary labels; predict writes its heads. */
class MultiTaskCliTest {

  @TempDir
  Path tmp;

  @Test
  void multitask_trains_registers_and_predicts_its_heads_as_columns() throws Exception {
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Path reg = tmp.resolve("models");
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--timeframe", "15m", "--models", "multitask",
        "--set", "multitask.targets=mdd,mfe", "--threads", "1", "--registry", reg.toString(), "--format", "json");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(train.out());
    assertThat(rows.size()).isEqualTo(1);
    assertThat(rows.get(0).get("status").asText()).as(rows.toString()).isEqualTo("ok");
    assertThat(rows.get(0).get("auc").asDouble()).isBetween(0.4, 0.65);
    assertThat(Cli.run("models", "verify", "--registry", reg.toString()).exit()).isZero();

    Path out = tmp.resolve("pred.csv");
    Cli predict = Cli.run("predict", "--model", "train-multitask@1.0.0", "--input", data, "--output", out.toString(), "--registry", reg.toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("timestamp,symbol,prediction,proba,mdd,mfe");
    String[] cells = lines.get(lines.size() - 1).split(",");
    assertThat(cells).hasSize(6);
    assertThat(Double.parseDouble(cells[4])).isBetween(-0.05, 0.2);

    // held-out rows of the registered model carry the targets its heads learned, over the main label's horizon (direction: 1 bar)
    try (ModelRegistry registry = ModelRegistry.open(reg);
        ModelPredictor p = ModelPredictor.load(registry, ModelRef.parse("train-multitask@1.0.0"), ModelFamilies.discover())) {
      TrainSet held = p.labelledRows(Path.of(data), ReadOptions.defaults());
      assertThat(held.auxiliary()).containsOnlyKeys("mdd:H", "mfe:H");
      float[] mdd = held.auxiliary("mdd:H");
      assertThat(mdd).hasSize(held.rows());
      int positive = 0;
      for (float v : mdd) {
        assertThat(v).isFinite().isGreaterThanOrEqualTo(0f);
        if (v > 0) positive++;
      }
      assertThat(positive).isBetween(held.rows() / 5, held.rows() - 1);
    }
  }

  @Test
  void multitask_runs_in_a_walk_forward_backtest_with_the_leakage_self_test() throws Exception {
    Cli r = Cli.run("backtest", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe", "--timeframe", "15m",
        "--models", "multitask", "--set", "multitask.targets=mdd", "--folds", "2", "--threads", "1", "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("folds").asInt()).isEqualTo(2);
    assertThat(r.out()).contains("\"multitask\"");
  }

  @Test
  void multitask_net_trains_with_device_and_checkpoints_registers_and_predicts_its_heads() throws Exception {
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Path reg = tmp.resolve("models");
    Path ckpt = tmp.resolve("ckpt");
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "multitask_net", "--threads", "1",
        "--set", "multitask_net.epochs=2", "--set", "multitask_net.checkpoint_every=1", "--set", "multitask_net.checkpoint_dir=" + ckpt,
        "--device", "cpu", "--registry", reg.toString(), "--format", "json");
    assertThat(train.exit()).as(train.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(train.out());
    assertThat(rows.get(0).get("status").asText()).as(rows.toString()).isEqualTo("ok");
    assertThat(rows.get(0).get("auc").asDouble()).isBetween(0.4, 0.65);
    try (var files = Files.list(ckpt)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("multitask_net-ckpt-000002");
    }
    Path out = tmp.resolve("pred.csv");
    Cli predict = Cli.run("predict", "--model", "train-multitask_net@1.0.0", "--input", data, "--output", out.toString(), "--registry", reg.toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    assertThat(Files.readAllLines(out).get(0)).isEqualTo("timestamp,symbol,prediction,proba,tth,mdd,mfe");
  }

  @Test
  void multitask_net_runs_in_a_walk_forward_backtest() throws Exception {
    Cli r = Cli.run("backtest", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe", "--timeframe", "5m",
        "--models", "multitask_net", "--set", "multitask_net.epochs=1", "--folds", "2", "--threads", "1", "--no-leakage-check", "--format", "json");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get("folds").asInt()).isEqualTo(2);
    assertThat(r.out()).contains("\"multitask_net\"");
  }
}
