package dev.quiver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.Predictions;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.preprocess.PreprocessedModel;
import dev.quiver.preprocess.PreprocessingTrainer;
import dev.quiver.preprocess.Preprocessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedPreprocessorTest {

  private static final String SPEC = "impute=median,scale=standard,select=top:3";

  @TempDir
  Path tmp;

  private static FittedModel fit(TrainSet train, double c) {
    ModelFamily logistic = TrainedModels.LOGISTIC;
    return new PreprocessingTrainer(PreprocessSpec.parse(SPEC), logistic.trainer(logistic.params("balanced", Map.of("c", String.valueOf(c)))))
        .fit(train, null, TrainContext.of(1, 7), new FitInfo("balanced", "data-1", "holdout"));
  }

  @Test
  void models_fitted_on_the_same_rows_share_one_registered_preprocessor() throws Exception {
    TrainSet train = PlantedSignal.binary(2000, 1);
    FittedModel a = fit(train, 1.0);
    FittedModel b = fit(train, 0.1);
    String id = ((PreprocessedModel) a).preprocessor().id();
    try (ModelRegistry r = ModelRegistry.create(tmp.resolve("reg"))) {
      ModelVersion va = r.register(Registration.of("alpha", a));
      ModelVersion vb = r.register(Registration.of("beta", b));
      try (Stream<Path> files = Files.list(tmp.resolve("reg").resolve(ModelRegistry.PREPROCESSORS))) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly(id + ".json");
      }
      RegisteredPreprocessor p = r.preprocessor(ModelRef.parse("beta@1.0.0")).orElseThrow();
      assertThat(p.id()).isEqualTo(id);
      assertThat(p.spec()).isEqualTo(SPEC);
      assertThat(p.steps()).containsExactly("impute=median", "scale=standard", "select=top:3");
      assertThat(p.usedBy()).containsExactly(va, vb);
      assertThat(Preprocessor.fromJson(Files.readAllBytes(tmp.resolve("reg").resolve(p.file()))))
          .isEqualTo(((PreprocessedModel) b).preprocessor());
      assertThat(r.verify().ok()).isTrue();
      assertThat(r.verify().orphans()).isEmpty();
      assertThat(r.removeOrphans()).isEmpty();
      assertThat(tmp.resolve("reg").resolve(p.file())).exists();
    }
  }

  @Test
  void a_model_without_preprocessing_has_none_and_other_rows_give_another_preprocessor() {
    try (ModelRegistry r = ModelRegistry.create(tmp.resolve("reg"))) {
      r.register(Registration.of("raw", TrainedModels.logistic(1, 1.0)));
      assertThat(r.preprocessor(ModelRef.parse("raw"))).isEmpty();
      r.register(Registration.of("one", fit(PlantedSignal.binary(2000, 1), 1.0)));
      r.register(Registration.of("two", fit(PlantedSignal.binary(2000, 2), 1.0)));
      RegisteredPreprocessor one = r.preprocessor(ModelRef.parse("one")).orElseThrow();
      RegisteredPreprocessor two = r.preprocessor(ModelRef.parse("two")).orElseThrow();
      assertThat(one.id()).isNotEqualTo(two.id());
      assertThat(one.usedBy()).hasSize(1);
      assertThat(r.preprocessor(one.id()).orElseThrow().usedBy()).isEqualTo(one.usedBy());
    }
  }

  @Test
  void a_registered_preprocessed_model_loads_and_predicts_bit_identically() {
    FittedModel a = fit(PlantedSignal.binary(2000, 4), 1.0);
    TrainSet test = TrainedModels.test();
    Predictions before = a.predict(test.x());
    try (ModelRegistry r = ModelRegistry.create(tmp.resolve("reg"))) {
      r.register(Registration.of("alpha", a));
      try (RegisteredModel loaded = r.load(ModelRef.parse("alpha@1.0.0"), ModelFamilies.discover())) {
        assertThat(loaded.model()).isInstanceOf(PreprocessedModel.class);
        assertThat(loaded.model().predict(test.x()).values()).isEqualTo(before.values());
      }
    }
  }

  @Test
  void verify_names_a_changed_shared_preprocessor_file() throws Exception {
    try (ModelRegistry r = ModelRegistry.create(tmp.resolve("reg"))) {
      r.register(Registration.of("alpha", fit(PlantedSignal.binary(2000, 5), 1.0)));
      Path file = tmp.resolve("reg").resolve(r.preprocessor(ModelRef.parse("alpha")).orElseThrow().file());
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 1;
      Files.write(file, bytes);
      VerifyReport report = r.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.failures()).anySatisfy(p -> assertThat(p.where().file()).isEqualTo(file.toString()));
    }
  }

  @Test
  void an_imported_bundle_registers_its_preprocessor_in_the_other_registry() {
    FittedModel a = fit(PlantedSignal.binary(2000, 6), 1.0);
    String id = ((PreprocessedModel) a).preprocessor().id();
    Path bundle = tmp.resolve("alpha.tar.gz");
    try (ModelRegistry r = ModelRegistry.create(tmp.resolve("reg"))) {
      r.register(Registration.of("alpha", a));
      r.exportBundle(ModelRef.parse("alpha@1.0.0"), bundle);
    }
    try (ModelRegistry other = ModelRegistry.create(tmp.resolve("other"))) {
      ModelVersion v = other.importBundle(bundle);
      RegisteredPreprocessor p = other.preprocessor(v.ref()).orElseThrow();
      assertThat(p.id()).isEqualTo(id);
      assertThat(p.usedBy()).containsExactly(v);
      assertThat(tmp.resolve("other").resolve(p.file())).exists();
    }
  }
}
