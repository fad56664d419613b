package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import org.junit.jupiter.api.Test;

class PredictRowBenchmarkCliTest {

  @Test
  void predict_row_reports_single_row_latency_percentiles_of_both_100_tree_models() throws Exception {
    Cli r = Cli.run("benchmark", "predict-row", "--runs", "2000", "--warmups", "1000", "--threads", "1", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(r.out());
    assertThat(m.get("name").asText()).isEqualTo("predict-row");
    assertThat(m.get("runs").asInt()).isEqualTo(2000);
    assertThat(m.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(m.get("median_ms").asDouble());
    assertThat(m.get("p99_us").asDouble()).isGreaterThanOrEqualTo(m.get("p50_us").asDouble());
    for (String model : new String[] {"lightgbm", "xgboost"}) {
      JsonNode x = m.get("models").get(model);
      assertThat(x.get("trees").asInt()).isEqualTo(100);
      assertThat(x.get("p50_us").asDouble()).isPositive().isLessThanOrEqualTo(x.get("p99_us").asDouble());
      assertThat(x.get("batch_api_p50_us").asDouble()).isPositive();
    }
    assertThat(m.get("slowest").asText()).isIn("lightgbm", "xgboost");
  }
}
