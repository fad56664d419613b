package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import org.junit.jupiter.api.Test;

class RegistryBenchmarkCliTest {

  @Test
  void registry_benchmarks_print_name_runs_median_and_min() throws Exception {
    for (String name : new String[] {"registry-register", "registry-load"}) {
      Cli r = Cli.run("benchmark", name, "--input", TestData.file(TestData.FUTURES_1M).toString(), "--runs", "3", "--warmups", "1", "--format", "json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode j = Json.MAPPER.readTree(r.out());
      assertThat(j.get("name").asText()).isEqualTo(name);
      assertThat(j.get("runs").asInt()).isEqualTo(3);
      assertThat(j.get("median_ms").asDouble()).isPositive();
      assertThat(j.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(j.get("median_ms").asDouble());
      assertThat(j.get("trees").asInt()).isEqualTo(100);
    }
  }
}
