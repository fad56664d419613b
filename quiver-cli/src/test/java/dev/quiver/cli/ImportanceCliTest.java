package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.Json;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportanceCliTest {

  @TempDir
  Path tmp;

  @Test
  void importance_prints_the_models_gain_and_permutation_drops_of_a_registered_model() throws Exception {
    Path reg = tmp.resolve("models");
    String data = TestData.file(TestData.FUTURES_1M).toString();
    Cli train = Cli.run("train", "--data", data, "--symbols", "IFL8.cfe", "--timeframe", "5m", "--models", "ngboost",
        "--set", "ngboost.n_estimators=40", "--threads", "1", "--registry", reg.toString());
    assertThat(train.exit()).as(train.err()).isZero();
    Cli json = Cli.run("importance", "--model", "train-ngboost@1.0.0", "--input", data, "--repeats", "2",
        "--format", "json", "--registry", reg.toString());
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode report = Json.MAPPER.readTree(json.out());
    assertThat(report.get("model").asText()).isEqualTo("train-ngboost@1.0.0");
    assertThat(report.get("method").asText()).isEqualTo("permutation");
    assertThat(report.get("metric").asText()).isEqualTo("auc");
    assertThat(report.get("ownKind").asText()).isEqualTo("gain");
    assertThat(report.get("rows").asInt()).isGreaterThan(27_000);
    assertThat(report.get("features")).hasSize(12);
    JsonNode first = report.get("features").get(0);
    assertThat(first.get("own").isNumber()).isTrue();
    assertThat(first.get("permutationMean").asDouble()).isGreaterThanOrEqualTo(report.get("features").get(11).get("permutationMean").asDouble());

    Cli text = Cli.run("importance", "--model", "train-ngboost@1.0.0", "--input", data, "--repeats", "1",
        "--registry", reg.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("train-ngboost@1.0.0 (ngboost)", "drop_mean", "gain", "price_change");

    Cli unknown = Cli.run("importance", "--model", "nope@1.0.0", "--input", data, "--registry", reg.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("nope");
  }

  @Test
  void shap_and_gain_rank_the_planted_column_first_and_shap_is_refused_for_a_model_without_contributions() throws Exception {
    Path reg = tmp.resolve("models");
    Path csv = SelectFeaturesCliTest.plantedBars(tmp.resolve("planted.csv"));
    Cli train = Cli.run("train", "--data", csv.toString(), "--features", "seed12,hint", "--models", "lightgbm,logistic",
        "--set", "lightgbm.num_iterations=40", "--threads", "1", "--run-dir", tmp.resolve("run").toString(), "--registry", reg.toString());
    assertThat(train.exit()).as(train.err()).isZero();

    Cli shap = Cli.run("importance", "--model", "train-lightgbm@1.0.0", "--input", csv.toString(), "--method", "shap",
        "--format", "json", "--registry", reg.toString());
    assertThat(shap.exit()).as(shap.err()).isZero();
    JsonNode report = Json.MAPPER.readTree(shap.out());
    assertThat(report.get("method").asText()).isEqualTo("shap");
    assertThat(report.get("rows").asInt()).isGreaterThan(2_900);
    assertThat(report.get("features")).hasSize(13);
    assertThat(report.get("features").get(0).get("feature").asText()).isEqualTo("hint");
    assertThat(report.get("features").get(0).get("meanAbsShap").asDouble())
        .isGreaterThan(3 * report.get("features").get(1).get("meanAbsShap").asDouble());
    assertThat(report.get("shapBias").isNumber()).isTrue();
    // Each row's contributions plus the bias give the model's log-odds.
    assertThat(report.get("shapAdditivityError").asDouble()).isLessThan(1e-6);

    Cli gain = Cli.run("importance", "--model", "train-lightgbm@1.0.0", "--input", csv.toString(), "--method", "gain",
        "--registry", reg.toString());
    assertThat(gain.exit()).as(gain.err()).isZero();
    assertThat(gain.out()).contains("own importance (gain)");
    assertThat(gain.out().lines().skip(2).findFirst().orElseThrow()).startsWith("hint ");

    Cli refused = Cli.run("importance", "--model", "train-logistic@1.0.0", "--input", csv.toString(), "--method", "shap",
        "--registry", reg.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("train-logistic@1.0.0 (logistic) has no SHAP contributions")
        .contains("gradient_boosting, lightgbm, random_forest, xgboost");

    Cli unknown = Cli.run("importance", "--model", "train-lightgbm@1.0.0", "--input", csv.toString(), "--method", "lime",
        "--registry", reg.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("lime").contains("permutation");
  }
}
