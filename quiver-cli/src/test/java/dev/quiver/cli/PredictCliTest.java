package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCliTest {

  @TempDir
  Path tmp;

  @Test
  void train_then_predict_by_alias_writes_a_prediction_per_bar_after_warm_up() throws Exception {
    Path reg = tmp.resolve("models");
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--higher-timeframes", "1h",
        "--models", "lightgbm", "--threads", "2", "--registry", reg.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(Cli.run("models", "promote", "train-lightgbm", "--registry", reg.toString()).exit()).isZero();
    Path out = tmp.resolve("pred.csv.gz");
    Cli r = Cli.run("predict", "--model", "train-lightgbm@production", "--input", data, "--output", out.toString(), "--registry", reg.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("predictions of train-lightgbm@1.0.0");
    List<String> lines;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out))) {
      lines = new String(in.readAllBytes()).lines().toList();
    }
    assertThat(lines.get(0)).isEqualTo("timestamp,symbol,prediction,proba");
    // three symbols of 48,000 one-minute bars: 9,600 five-minute bars each, minus the warm-up
    assertThat(lines.size() - 1).isBetween(3 * 9_500, 3 * 9_600 - 20);
    assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,ICL8\\.cfe,[01],0\\.\\d+");
  }

  @Test
  void a_tampered_model_exits_2_naming_the_file() throws Exception {
    Path reg = tmp.resolve("models");
    String data = TestData.file(TestData.FUTURES_1M).toString();
    assertThat(Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--models", "lightgbm", "--registry", reg.toString()).exit()).isZero();
    Path file;
    try (ModelRegistry r = ModelRegistry.open(reg)) {
      file = r.directory(r.resolve(ModelRef.parse("train-lightgbm"))).resolve("model.txt");
    }
    byte[] b = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(b, b.length - 100));
    Cli r = Cli.run("predict", "--model", "train-lightgbm@1.0.0", "--input", data, "--output", tmp.resolve("p.csv").toString(), "--registry", reg.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(file.toString(), "SHA-256 mismatch");
    assertThat(tmp.resolve("p.csv")).doesNotExist();
    Cli unknown = Cli.run("predict", "--model", "nope@1.0.0", "--input", data, "--output", tmp.resolve("p.csv").toString(), "--registry", reg.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("nope");
  }
}
