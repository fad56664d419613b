package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainRegistryCliTest {

  @TempDir
  Path tmp;

  @Test
  void train_with_a_registry_registers_every_model_and_prints_name_at_version() throws Exception {
    Path reg = tmp.resolve("models");
    String[] args = {"train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe",
        "--models", "lightgbm,logistic", "--threads", "2", "--registry", reg.toString()};
    Cli r = Cli.run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("registered train-lightgbm@1.0.0 (gbdt/train-lightgbm_v1.0.0_grade_ungraded_acc_0.",
        "registered train-logistic@1.0.0 (linear/train-logistic_v1.0.0_grade_ungraded_acc_0.");
    // the same training again is deterministic: same files, same data: a patch
    Cli again = Cli.run(args);
    assertThat(again.out()).contains("registered train-lightgbm@1.0.1", "registered train-logistic@1.0.1");
    JsonNode list = Json.MAPPER.readTree(Cli.run("models", "list", "--registry", reg.toString(), "--format", "json").out());
    assertThat(list.size()).isEqualTo(4);
    assertThat(list.get(0).get("name").asText()).isEqualTo("train-lightgbm");
    assertThat(list.get(0).get("kind").asText()).isEqualTo("gbdt");
    assertThat(Cli.run("models", "verify", "--registry", reg.toString()).exit()).isZero();
  }

  @Test
  void json_output_stays_one_document_and_registrations_go_to_stderr() throws Exception {
    Path reg = tmp.resolve("models");
    Cli r = Cli.run("train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "ICL8.cfe",
        "--models", "logistic", "--format", "json", "--registry", reg.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Json.MAPPER.readTree(r.out()).get(0).get("model").asText()).isEqualTo("logistic");
    assertThat(r.err()).contains("registered train-logistic@1.0.0");
  }

  @Test
  void an_experiment_file_names_its_registry_and_retention() throws Exception {
    Path yaml = tmp.resolve("exp.yaml");
    Files.writeString(yaml, """
        name: futures
        data: {path: %s, symbols: [IML8.cfe]}
        features: seed12,rsi_14
        models:
          - family: logistic
        registry: {path: reg, max_versions: 1}
        """.formatted(TestData.file(TestData.FUTURES_1M).toString().replace("\\", "/")));
    Cli first = Cli.run("train", "--config", yaml.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("registered futures-logistic@1.0.0");
    Cli second = Cli.run("train", "--config", yaml.toString(), "--seed", "9");
    assertThat(second.out()).contains("registered futures-logistic@1.");
    JsonNode all = Json.MAPPER.readTree(Cli.run("models", "list", "--all", "--registry", tmp.resolve("reg").toString(), "--format", "json").out());
    assertThat(all.size()).isEqualTo(2);
    assertThat(all.get(0).get("status").asText()).isEqualTo("archived");
    assertThat(all.get(1).get("status").asText()).isEqualTo("active");
  }

  @Test
  void demo_with_a_registry_ends_with_the_models_list() {
    Path reg = tmp.resolve("models");
    Cli r = Cli.run("demo", "--input", TestData.file(TestData.FUTURES_1M).toString(), "--registry", reg.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String out = r.out();
    assertThat(out).contains("test segment only", "registered demo-lightgbm@1.0.0", "registered demo-logistic@1.0.0",
        "$ quiver models list --registry " + reg);
    String tail = out.substring(out.indexOf("$ quiver models list"));
    assertThat(tail).contains("name", "version", "family", "grade", "created", "aliases", "demo-lightgbm", "demo-logistic", "ungraded");
  }
}
