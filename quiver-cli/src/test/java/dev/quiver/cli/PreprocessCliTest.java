package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.preprocess.Preprocessor;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessCliTest {

  private static final String SPEC = "impute=median,scale=robust,clip=0.01,select=top:8";

  @TempDir
  Path tmp;

  @Test
  void train_with_preprocess_registers_one_shared_preprocessor_that_info_lineage_and_predict_use() throws Exception {
    Path reg = tmp.resolve("models");
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--models", "logistic,lightgbm", "--set", "lightgbm.num_iterations=20",
        "--threads", "2", "--preprocess", SPEC, "--registry", reg.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    assertThat(train.out()).contains("registered train-logistic@1.0.0", "registered train-lightgbm@1.0.0");

    String id;
    try (ModelRegistry r = ModelRegistry.open(reg)) {
      Path dir = r.directory(r.resolve(ModelRef.parse("train-logistic")));
      assertThat(dir.resolve(Preprocessor.FILE)).as("the artifact carries its preprocessor").exists();
      id = Preprocessor.fromJson(Files.readAllBytes(dir.resolve(Preprocessor.FILE))).id();
      assertThat(Preprocessor.fromJson(Files.readAllBytes(dir.resolve(Preprocessor.FILE))).outputs()).hasSize(8);
    }
    try (var files = Files.list(reg.resolve("preprocessors"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(id + ".json");
    }

    Cli info = Cli.run("models", "info", "train-lightgbm", "--registry", reg.toString());
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("preprocessor  " + id + ": impute=median -> scale=robust -> clip=0.01 -> select=top:8",
        "shared by train-logistic@1.0.0, train-lightgbm@1.0.0");
    JsonNode infoJson = Json.MAPPER.readTree(Cli.run("models", "info", "train-logistic", "--format", "json", "--registry", reg.toString()).out());
    assertThat(infoJson.get("preprocessor").get("id").asText()).isEqualTo(id);
    assertThat(infoJson.get("preprocessor").get("spec").asText()).isEqualTo(SPEC);

    Cli lineage = Cli.run("models", "lineage", "train-logistic@1.0.0", "--registry", reg.toString());
    assertThat(lineage.exit()).as(lineage.err()).isZero();
    assertThat(lineage.out()).contains("preprocessor: " + id + " (" + SPEC + "), shared by train-logistic@1.0.0, train-lightgbm@1.0.0");

    assertThat(Cli.run("models", "alias", "train-logistic@1.0.0", "staging", "--registry", reg.toString()).exit()).isZero();
    Path out = tmp.resolve("pred.csv");
    Cli predict = Cli.run("predict", "--model", "train-logistic@staging", "--input", data, "--output", out.toString(), "--registry", reg.toString());
    assertThat(predict.exit()).as(predict.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("timestamp,symbol,prediction,proba");
    assertThat(lines.size()).isGreaterThan(1000);
    assertThat(Cli.run("models", "verify", "--registry", reg.toString()).exit()).isZero();
  }

  @Test
  void the_experiment_file_names_the_preprocessing_and_a_bad_spec_is_refused() throws Exception {
    Path yaml = tmp.resolve("exp.yaml");
    String data = TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/");
    Files.writeString(yaml, """
        name: pre
        data: {path: %s, symbols: [IML8.cfe]}
        models:
          - family: logistic
        registry: reg
        preprocess: impute=mean,scale=standard
        """.formatted(data));
    Cli r = Cli.run("train", "--config", yaml.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Cli info = Cli.run("models", "info", "pre-logistic", "--registry", tmp.resolve("reg").toString());
    assertThat(info.out()).contains("impute=mean -> scale=standard");

    Files.writeString(yaml, Files.readString(yaml).replace("impute=mean,scale=standard", "impute=mean,scale=minmax"));
    Cli badYaml = Cli.run("train", "--config", yaml.toString());
    assertThat(badYaml.exit()).isEqualTo(2);
    assertThat(badYaml.err()).contains(yaml.toString(), "line 6", "minmax");

    Cli bad = Cli.run("train", "--data", data, "--models", "logistic", "--preprocess", "scale=minmax");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("minmax");
  }
}
