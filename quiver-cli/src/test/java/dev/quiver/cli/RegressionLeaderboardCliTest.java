package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import org.junit.jupiter.api.Test;

class RegressionLeaderboardCliTest {

  @Test
  void regression_families_report_auc_and_ic_next_to_their_regression_scores() throws Exception {
    Cli r = Cli.run("train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe",
        "--label", "return:1", "--models", "lightgbm,ridge", "--set", "lightgbm.num_iterations=30", "--threads", "2", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.size()).isEqualTo(2);
    for (JsonNode row : rows) {
      assertThat(row.get("status").asText()).isEqualTo("ok");
      for (String k : new String[] {"rmse", "mae", "r2", "directional_accuracy", "auc", "ic"}) assertThat(row.has(k)).as(k).isTrue();
      // Real next-minute returns: a model ranks them a little better or worse than chance, never perfectly.
      assertThat(row.get("auc").asDouble()).isBetween(0.4, 0.65);
      assertThat(row.get("ic").asDouble()).isBetween(-0.2, 0.3);
    }
  }

  @Test
  void the_regression_table_has_auc_and_ic_columns() {
    Cli r = Cli.run("train", "--data", TestData.file(TestData.FUTURES_1M).toString(), "--symbols", "IFL8.cfe",
        "--label", "return:1", "--models", "ridge", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    String header = r.out().lines().filter(l -> l.startsWith("model")).findFirst().orElseThrow();
    assertThat(header).contains("rmse", "directional_accuracy", "auc", "ic");
  }
}
