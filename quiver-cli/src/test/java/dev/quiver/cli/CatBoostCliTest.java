package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import org.junit.jupiter.api.Test;

class CatBoostCliTest {

  @Test
  void families_lists_catboost_as_quivers_implementation_not_the_library() throws Exception {
    Cli text = Cli.run("models", "families", "catboost");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("catboost").contains("not the CatBoost library").contains("boosting_type").contains("Ordered");
    Cli json = Cli.run("models", "families", "catboost", "--format", "json");
    JsonNode f = Json.MAPPER.readTree(json.out()).get(0);
    assertThat(f.get("name").asText()).isEqualTo("catboost");
    assertThat(f.get("description").asText()).contains("Quiver's pure-Java implementation of CatBoost's method");
    assertThat(f.get("tasks").toString()).contains("binary").contains("regression");
  }

  @Test
  void the_fit_benchmark_fits_100_trees_of_depth_6_and_reports_its_times() throws Exception {
    Cli r = Cli.run("benchmark", "fit-catboost", "--runs", "1", "--warmups", "0", "--threads", "2", "--format", "json",
        "--param", "iterations=5");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(r.out());
    assertThat(m.get("name").asText()).isEqualTo("fit-catboost");
    assertThat(m.get("runs").asInt()).isEqualTo(1);
    assertThat(m.get("median_ms").asDouble()).isPositive();
    assertThat(m.get("min_ms").asDouble()).isPositive();
    assertThat(m.get("params").get("depth").asText()).isEqualTo("6");
    assertThat(m.get("params").get("iterations").asText()).isEqualTo("5");
    assertThat(m.get("auc").asDouble()).isBetween(0.45, 0.6);
  }
}
