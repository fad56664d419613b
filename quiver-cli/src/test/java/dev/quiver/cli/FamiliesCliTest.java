package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FamiliesCliTest {

  static final List<String> FAMILIES = List.of("cnn1d", "cnn_lstm", "elastic_net", "gradient_boosting", "lightgbm", "logistic", "lstm", "mlp", "random_forest", "ridge", "transformer", "xgboost");

  @Test
  void json_lists_every_family_with_tasks_variants_and_params_per_variant() throws Exception {
    Cli r = Cli.run("models", "families", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode all = Json.MAPPER.readTree(r.out());
    List<String> names = new ArrayList<>();
    for (JsonNode f : all) {
      names.add(f.get("name").asText());
      assertThat(f.get("tasks").size()).isPositive();
      assertThat(f.get("variants").get(0).asText()).isEqualTo("conservative");
      assertThat(f.get("variants").get(1).asText()).isEqualTo("balanced");
      assertThat(f.get("variants").get(2).asText()).isEqualTo("aggressive");
      for (JsonNode p : f.get("params")) {
        assertThat(p.get("key").asText()).isNotBlank();
        assertThat(p.get("description").asText()).isNotBlank();
        assertThat(p.get("type").asText()).isIn("integer", "number", "boolean", "choice", "text");
        assertThat(p.get("default").size()).isEqualTo(f.get("variants").size());
        assertThat(p.has("range") || p.has("choices") || p.get("type").asText().matches("boolean|text")).isTrue();
      }
    }
    assertThat(names).containsAll(FAMILIES);
    JsonNode lightgbm = find(all, "lightgbm");
    assertThat(lightgbm.get("tasks").toString()).isEqualTo("[\"binary\",\"regression\",\"multiclass\"]");
    JsonNode leaves = param(lightgbm, "num_leaves");
    assertThat(leaves.get("type").asText()).isEqualTo("integer");
    assertThat(leaves.get("default").get("conservative").asInt()).isEqualTo(15);
    assertThat(leaves.get("default").get("balanced").asInt()).isEqualTo(31);
    assertThat(leaves.get("default").get("aggressive").asInt()).isEqualTo(127);
    assertThat(leaves.get("range").get("min").asInt()).isEqualTo(2);
    assertThat(param(lightgbm, "metric").get("choices").toString()).contains("auc", "binary_logloss");
    assertThat(param(find(all, "ridge"), "alpha").get("range").get("max").isNull()).isTrue();
    assertThat(find(all, "xgboost").get("variants").toString()).contains("random_forest");
    assertThat(find(all, "logistic").get("tasks").toString()).isEqualTo("[\"binary\"]");
  }

  @Test
  void text_shows_one_table_per_family_and_a_name_narrows_it() {
    Cli r = Cli.run("models", "families", "xgboost");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("xgboost  (tasks: binary, regression, multiclass; variants: conservative, balanced, aggressive, random_forest")
        .contains("param", "max_depth", "learning_rate", "[1, 64]").doesNotContain("num_leaves");
  }

  @Test
  void an_unknown_family_exits_2_with_did_you_mean() {
    Cli r = Cli.run("models", "families", "xgbost");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("xgbost", "did you mean 'xgboost'?");
  }

  @Test
  void listing_families_loads_no_native_library() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "models", "families", "--format", "json").redirectErrorStream(true).start();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(buf);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = buf.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isZero();
    assertThat(log).contains("dev.quiver.gbdt.XGBoostFamily", "dev.quiver.model.linear.RidgeFamily", "dev.quiver.deep.LstmFamily");
    assertThat(log).doesNotContain("ml.dmlc.xgboost4j", "io.github.metarank.lightgbm4j", "com.microsoft.ml.lightgbm", "ai.djl");
  }

  static JsonNode find(JsonNode all, String name) {
    for (JsonNode f : all) if (f.get("name").asText().equals(name)) return f;
    throw new AssertionError("no family " + name);
  }

  static JsonNode param(JsonNode family, String key) {
    for (JsonNode p : family.get("params")) if (p.get("key").asText().equals(key)) return p;
    throw new AssertionError("no param " + key);
  }
}
