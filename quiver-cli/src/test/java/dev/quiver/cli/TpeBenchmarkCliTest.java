package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import org.junit.jupiter.api.Test;

class TpeBenchmarkCliTest {

  @Test
  void tpe_benchmark_prints_the_documented_json_for_both_tpe_modes() throws Exception {
    Cli r = Cli.run("benchmark", "tpe", "--runs", "1", "--warmups", "0", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertThat(j.get("name").asText()).isEqualTo("tpe");
    assertThat(j.get("runs").asInt()).isEqualTo(1);
    assertThat(j.get("trials").asInt()).isEqualTo(1_000);
    assertThat(j.get("median_ms").asDouble()).isPositive();
    assertThat(j.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(j.get("median_ms").asDouble());
    assertThat(j.get("last_100_mean_ms").asDouble()).isPositive();
    JsonNode joint = j.get("multivariate");
    assertThat(joint.get("median_ms").asDouble()).isPositive();
    assertThat(joint.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(joint.get("median_ms").asDouble());
    assertThat(joint.get("last_100_mean_ms").asDouble()).isPositive();
  }
}
