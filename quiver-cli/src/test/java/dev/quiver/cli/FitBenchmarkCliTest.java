package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import org.junit.jupiter.api.Test;

class FitBenchmarkCliTest {

  @Test
  void a_fit_benchmark_reports_times_and_an_honest_test_auc_on_the_futures_file() throws Exception {
    Cli r = Cli.run("benchmark", "fit-gradient-boosting", "--runs", "2", "--warmups", "0", "--threads", "1", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode m = Json.MAPPER.readTree(r.out());
    assertThat(m.get("name").asText()).isEqualTo("fit-gradient-boosting");
    assertThat(m.get("family").asText()).isEqualTo("gradient_boosting");
    assertThat(m.get("runs").asInt()).isEqualTo(2);
    assertThat(m.get("median_ms").asDouble()).isPositive();
    assertThat(m.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(m.get("median_ms").asDouble());
    assertThat(m.get("auc").asDouble()).isBetween(0.5, 0.6);
    assertThat(m.get("features").size()).isEqualTo(12);
    assertThat(m.get("train_rows").asInt() + m.get("test_rows").asInt()).isBetween(140_000, 144_000);
    assertThat(m.get("params").get("num_iterations").asText()).isEqualTo("100");
  }

  @Test
  void fit_benchmarks_take_a_variant_and_parameter_overrides_and_refuse_bad_ones() {
    Cli r = Cli.run("benchmark", "fit-xgboost", "--runs", "1", "--warmups", "0", "--param", "max_dept=3");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean 'max_depth'?");
    Cli v = Cli.run("benchmark", "fit-lightgbm", "--variant", "huge");
    assertThat(v.exit()).isEqualTo(2);
    assertThat(v.err()).contains("aggressive, balanced, conservative");
  }
}
