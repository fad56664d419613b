package dev.quiver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.error.BadInputException;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.ExperimentResult;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.RunObserver;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRegistrationTest {

  @TempDir
  Path tmp;

  @Test
  void yaml_names_a_registry_by_folder_or_with_retention_relative_to_the_file() throws Exception {
    Path yaml = tmp.resolve("exp.yaml");
    Files.writeString(yaml, "data: {path: bars.csv}\nregistry: reg\n");
    ExperimentConfig plain = ExperimentConfigs.read(yaml);
    assertThat(plain.registry()).isEqualTo(new ExperimentConfig.Registry(tmp.resolve("reg").toString(), null));
    Files.writeString(yaml, "data: {path: bars.csv}\nregistry: {path: ../reg2, max_versions: 3}\n");
    ExperimentConfig full = ExperimentConfigs.read(yaml);
    assertThat(full.registry()).isEqualTo(new ExperimentConfig.Registry(tmp.getParent().resolve("reg2").toString(), 3));
    Files.writeString(yaml, "data: {path: bars.csv}\n");
    assertThat(ExperimentConfigs.read(yaml).registry()).isNull();
    Files.writeString(yaml, "data: {path: bars.csv}\nregistry: {path: r, max_version: 3}\n");
    assertThatThrownBy(() -> ExperimentConfigs.read(yaml)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("max_version").hasMessageContaining("max_versions");
    Files.writeString(yaml, "data: {path: bars.csv}\nregistry: {path: r, max_versions: -1}\n");
    assertThatThrownBy(() -> ExperimentConfigs.read(yaml)).isInstanceOf(BadInputException.class).hasMessageContaining("max_versions must be >= 0");
  }

  @Test
  void every_fitted_model_is_registered_with_its_test_metrics_and_feature_recipe() {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("exp", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")),
        "5m", List.of("1h"), "seed12,rsi_14", "rsi_14", "direction", null,
        List.of(new ExperimentConfig.ModelSpec("logistic", null, null, Map.of()),
            new ExperimentConfig.ModelSpec("logistic", "aggressive", null, Map.of())),
        new ExperimentConfig.Registry(tmp.resolve("reg").toString(), 1)));
    ExperimentResult result = new ExperimentRunner(ModelFamilies.discover(), new ThreadBudget(1), Cancellation.none()).run(c, RunObserver.NONE);
    try (ModelRegistry registry = ModelRegistry.create(Path.of(c.registry().path()))) {
      List<ModelVersion> versions = ExperimentRegistration.register(registry, result);
      assertThat(versions).extracting(ModelVersion::id).containsExactly("exp-logistic@1.0.0", "exp-logistic-aggressive@1.0.0");
      ModelCard card = registry.card(versions.get(0).ref());
      assertThat(card.metrics()).containsKeys("auc", "accuracy", "log_loss");
      assertThat(card.metrics().get("auc")).isEqualTo(result.leaderboard().stream().filter(r -> r.model().equals("logistic")).findFirst().orElseThrow().metric("auc"));
      assertThat(card.recipe()).isEqualTo(new FeatureRecipe("5m", List.of("1h"), "seed12,rsi_14", "rsi_14", "direction"));
      assertThat(card.schema().features()).isEqualTo(result.dataset().features());
      assertThat(card.dataSha256()).isEqualTo(result.dataset().sha256());
      assertThat(card.description()).contains("experiment exp", "IFL8.cfe");
      // the same run again: same model files and data, so only metadata could differ: a patch; max_versions 1 archives the old one
      List<ModelVersion> again = ExperimentRegistration.register(registry, result);
      assertThat(again.get(0).version()).isEqualTo(new SemVer(1, 0, 1));
      assertThat(registry.list("exp-logistic", null, true)).extracting(v -> v.version() + " " + v.status())
          .containsExactly("1.0.0 ARCHIVED", "1.0.1 ACTIVE");
    }
  }
}
