package dev.quiver.registry;

import static dev.quiver.registry.TrainedModels.RECIPE;
import static dev.quiver.registry.TrainedModels.logistic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.model.Checksums;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.TrainSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

  static final ModelFamilies FAMILIES = ModelFamilies.discover();

  @TempDir
  Path tmp;

  ModelRegistry registry;

  @BeforeEach
  void open() {
    registry = ModelRegistry.create(tmp.resolve("models"));
  }

  @AfterEach
  void close() {
    registry.close();
  }

  ModelVersion register(String name, FittedModel m) {
    return registry.register(Registration.of(name, m).withRecipe(RECIPE).withMetrics(Map.of("accuracy", 0.8734, "auc", 0.94)));
  }

  @Test
  void first_version_is_1_0_0_in_the_kind_name_version_grade_accuracy_folder() throws IOException {
    ModelVersion v = register("signal", logistic(1, 1.0));
    assertThat(v.version()).isEqualTo(SemVer.FIRST);
    assertThat(v.directory()).isEqualTo("linear/signal_v1.0.0_grade_ungraded_acc_0.87");
    assertThat(v.kind()).isEqualTo("linear");
    assertThat(v.grade()).isEqualTo("ungraded");
    Path dir = registry.directory(v);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("logistic.json", "manifest.json", "model.json", "checksums.sha256");
    }
    // checksums.sha256 is sha256sum's format over every other file
    List<String> lines = Files.readAllLines(dir.resolve("checksums.sha256"));
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      String name = line.substring(66);
      assertThat(line.substring(0, 64)).isEqualTo(Checksums.sha256(Files.readAllBytes(dir.resolve(name))));
    }
    ModelCard card = registry.card(v.ref());
    assertThat(card.family()).isEqualTo("logistic");
    assertThat(card.params()).containsEntry("c", "1.0");
    assertThat(card.dataSha256()).isEqualTo("data-1");
    assertThat(card.schema().features()).containsExactly("signal", "counter", "level", "noise");
    assertThat(card.recipe()).isEqualTo(RECIPE);
    assertThat(card.metrics()).containsEntry("auc", 0.94);
    assertThat(card.change()).isEqualTo("major: first version");
    assertThat(card.created()).isEqualTo(v.created());
    assertThat(card.codeVersion()).isNotBlank();
  }

  @Test
  void metadata_only_change_is_a_patch() {
    FittedModel m = logistic(1, 1.0);
    register("signal", m);
    ModelVersion v = registry.register(Registration.of("signal", m).withRecipe(RECIPE).withMetrics(Map.of("accuracy", 0.5))
        .withGrade(new Grade("B+", Map.of("sharpe", 1.1), "sharpe >= 1")));
    assertThat(v.version()).isEqualTo(new SemVer(1, 0, 1));
    assertThat(v.change()).isEqualTo("patch: metadata only");
    assertThat(v.grade()).isEqualTo("B+");
    assertThat(v.directory()).isEqualTo("linear/signal_v1.0.1_grade_B+_acc_0.50");
    assertThat(registry.card(v.ref()).grade().numbers()).containsEntry("sharpe", 1.1);
  }

  @Test
  void new_params_or_new_data_is_a_minor() {
    register("signal", logistic(1, 1.0));
    ModelVersion params = register("signal", logistic(1, 0.01));
    assertThat(params.version()).isEqualTo(new SemVer(1, 1, 0));
    assertThat(params.change()).startsWith("minor: params changed: c 1.0 -> 0.01");
    ModelVersion data = register("signal", logistic(2, 0.01));
    assertThat(data.version()).isEqualTo(new SemVer(1, 2, 0));
    assertThat(data.change()).contains("training data changed");
  }

  @Test
  void a_changed_input_schema_or_label_is_a_major() {
    register("signal", logistic(1, 1.0));
    ModelVersion schema = register("signal", TrainedModels.logisticWithColumns(1, List.of("signal", "counter", "level", "noise2")));
    assertThat(schema.version()).isEqualTo(new SemVer(2, 0, 0));
    assertThat(schema.change()).contains("input schema changed: removed [noise], added [noise2]");
    ModelVersion reordered = register("signal", TrainedModels.logisticWithColumns(1, List.of("counter", "signal", "level", "noise2")));
    assertThat(reordered.version()).isEqualTo(new SemVer(3, 0, 0));
    assertThat(reordered.change()).contains("reordered");
    FittedModel m = TrainedModels.logisticWithColumns(1, List.of("counter", "signal", "level", "noise2"));
    ModelVersion label = registry.register(Registration.of("signal", m)
        .withRecipe(new FeatureRecipe("1m", List.of(), "x", null, "return:5")));
    assertThat(label.version()).isEqualTo(new SemVer(4, 0, 0));
    assertThat(label.change()).contains("label changed: direction -> return:5");
  }

  @Test
  void a_user_may_force_any_version_not_taken() {
    FittedModel m = logistic(1, 1.0);
    register("signal", m);
    ModelVersion forced = registry.register(Registration.of("signal", m).withRecipe(RECIPE).withVersion(new SemVer(3, 1, 4)));
    assertThat(forced.version()).isEqualTo(new SemVer(3, 1, 4));
    assertThat(forced.change()).startsWith("patch: version forced by the user");
    assertThat(register("signal", m).version()).isEqualTo(new SemVer(3, 1, 5));
    assertThatThrownBy(() -> registry.register(Registration.of("signal", m).withVersion(SemVer.FIRST)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("signal@1.0.0 already exists");
  }

  @Test
  void load_by_version_alias_or_latest_predicts_like_the_fitted_model() {
    FittedModel a = logistic(1, 1.0);
    FittedModel b = logistic(2, 1.0);
    register("signal", a);
    register("signal", b);
    TrainSet test = TrainedModels.test();
    registry.alias(ModelRef.parse("signal@1.0.0"), "production");
    try (RegisteredModel byVersion = registry.load(ModelRef.parse("signal@1.0.0"), FAMILIES);
        RegisteredModel byAlias = registry.load(ModelRef.parse("signal@production"), FAMILIES);
        RegisteredModel latest = registry.load(ModelRef.parse("signal"), FAMILIES)) {
      assertThat(byVersion.model().predict(test.x()).values()).isEqualTo(a.predict(test.x()).values());
      assertThat(byAlias.version().version()).isEqualTo(SemVer.FIRST);
      assertThat(latest.version().version()).isEqualTo(new SemVer(1, 1, 0));
      assertThat(latest.model().predict(test.x()).values()).isEqualTo(b.predict(test.x()).values());
      assertThat(latest.card().name()).isEqualTo("signal");
    }
    assertThatThrownBy(() -> registry.resolve(ModelRef.parse("signal@staging"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no alias 'staging'");
    assertThatThrownBy(() -> registry.resolve(ModelRef.parse("signl"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("did you mean 'signal'");
  }

  @Test
  void an_alias_moves_and_the_history_records_it_in_time_order() {
    register("signal", logistic(1, 1.0));
    register("signal", logistic(2, 1.0));
    registry.alias(ModelRef.parse("signal@1.0.0"), "production");
    ModelVersion moved = registry.alias(ModelRef.parse("signal@1.1.0"), "production");
    assertThat(moved.aliases()).containsExactly("production");
    assertThat(registry.resolve(ModelRef.parse("signal@1.0.0")).aliases()).isEmpty();
    assertThat(registry.resolve(ModelRef.parse("signal@production")).version()).isEqualTo(new SemVer(1, 1, 0));
    List<HistoryEvent> h = registry.history("signal");
    assertThat(h).extracting(HistoryEvent::event).containsExactly("registered", "registered", "alias", "alias");
    assertThat(h.get(3).detail()).isEqualTo("production -> 1.1.0 (was 1.0.0)");
    for (int i = 1; i < h.size(); i++) assertThat(h.get(i).at()).isAfterOrEqualTo(h.get(i - 1).at());
    registry.removeAlias("signal", "production");
    assertThat(registry.resolve(ModelRef.parse("signal@1.1.0")).aliases()).isEmpty();
    assertThatThrownBy(() -> registry.alias(ModelRef.parse("signal@1.1.0"), "2.0.0")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("looks like a version");
  }

  @Test
  void tags_are_added_and_removed() {
    ModelVersion v = registry.register(Registration.of("signal", logistic(1, 1.0)).withTags(List.of("baseline")));
    assertThat(v.tags()).containsExactly("baseline");
    assertThat(registry.tag(v.ref(), "reviewed").tags()).containsExactly("baseline", "reviewed");
    assertThat(registry.untag(v.ref(), "baseline").tags()).containsExactly("reviewed");
  }

  @Test
  void archiving_or_deleting_a_model_others_depend_on_is_refused_naming_the_dependants() {
    ModelVersion member = register("member", logistic(1, 1.0));
    ModelVersion other = register("other", logistic(2, 1.0));
    ModelVersion ensemble = registry.register(Registration.of("ensemble", logistic(3, 1.0))
        .withDependencies(List.of(member.ref(), ModelRef.parse("other"))));
    assertThat(registry.card(ensemble.ref()).dependencies()).containsExactly("member@1.0.0", "other@1.0.0");
    assertThatThrownBy(() -> registry.archive(member.ref())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cannot archive member@1.0.0").hasMessageContaining("ensemble@1.0.0");
    assertThatThrownBy(() -> registry.delete(other.ref())).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cannot delete other@1.0.0").hasMessageContaining("ensemble@1.0.0");
    Lineage lineage = registry.lineage(ensemble.ref());
    assertThat(lineage.dependsOn()).extracting(l -> l.model().id()).containsExactly("member@1.0.0", "other@1.0.0");
    assertThat(lineage.dataSha256()).isEqualTo("data-3");
    assertThat(registry.lineage(member.ref()).usedBy()).extracting(ModelVersion::id).containsExactly("ensemble@1.0.0");
    // once the dependant is gone, the member may go
    registry.archive(ensemble.ref());
    assertThat(registry.archive(member.ref()).status()).isEqualTo(ModelVersion.Status.ARCHIVED);
    assertThatThrownBy(() -> registry.delete(other.ref())).isInstanceOf(BadInputException.class).hasMessageContaining("ensemble@1.0.0");
    registry.delete(ensemble.ref());
    registry.delete(other.ref());
    assertThat(registry.list(null, null, true)).extracting(ModelVersion::id).containsExactly("member@1.0.0");
    assertThat(registry.verify().orphans()).isEmpty();
  }

  @Test
  void a_dependency_on_a_missing_model_is_refused() {
    assertThatThrownBy(() -> registry.register(Registration.of("ensemble", logistic(3, 1.0)).withDependencies(List.of(ModelRef.parse("ghost@1.0.0")))))
        .isInstanceOf(BadInputException.class).hasMessageContaining("ghost@1.0.0");
    assertThat(registry.list(null, null, true)).isEmpty();
    assertThat(registry.verify().orphans()).isEmpty();
  }

  @Test
  void retention_archives_the_oldest_but_keeps_aliased_versions() {
    register("signal", logistic(1, 1.0));
    registry.alias(ModelRef.parse("signal@1.0.0"), "production");
    registry.setMaxVersions("signal", 2);
    for (int seed = 2; seed <= 5; seed++) register("signal", logistic(seed, 1.0));
    assertThat(registry.list("signal", null, false)).extracting(v -> v.version().toString())
        .containsExactly("1.0.0", "1.3.0", "1.4.0");
    assertThat(registry.list("signal", null, true)).extracting(v -> v.version() + " " + v.status())
        .containsExactly("1.0.0 ACTIVE", "1.1.0 ARCHIVED", "1.2.0 ARCHIVED", "1.3.0 ACTIVE", "1.4.0 ACTIVE");
    // archived is not deleted: still on disk, verified and loadable by exact version
    try (RegisteredModel old = registry.load(ModelRef.parse("signal@1.1.0"), FAMILIES)) {
      assertThat(old.version().status()).isEqualTo(ModelVersion.Status.ARCHIVED);
    }
    assertThat(registry.verify().ok()).isTrue();
    assertThat(registry.history("signal")).extracting(HistoryEvent::event).contains("retention");
    assertThatThrownBy(() -> registry.archive(ModelRef.parse("signal@production"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("aliases point at it: production");
  }

  @Test
  void list_filters_by_minimum_grade() {
    FittedModel m = logistic(1, 1.0);
    for (String g : new String[] {"A", "B", "B-", "C", "ungraded"}) {
      registry.register(Registration.of("g-" + g.replace("-", "minus"), m).withGrade(new Grade(g, Map.of(), "")));
    }
    assertThat(registry.list(null, "B", false)).extracting(ModelVersion::grade).containsExactlyInAnyOrder("A", "B");
    assertThat(registry.list(null, "S", false)).isEmpty();
    assertThat(registry.list(null, null, false)).hasSize(5);
    assertThatThrownBy(() -> registry.list(null, "Q", false)).isInstanceOf(BadInputException.class).hasMessageContaining("unknown grade 'Q'");
  }

  @Test
  void a_flipped_byte_fails_the_load_naming_the_file() throws IOException {
    ModelVersion v = register("signal", logistic(1, 1.0));
    Path file = registry.directory(v).resolve("logistic.json");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    assertThatThrownBy(() -> registry.load(v.ref(), FAMILIES)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("logistic.json").hasMessageContaining("SHA-256 mismatch");
    VerifyReport report = registry.verify();
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).extracting(p -> Path.of(p.where().file()).getFileName().toString()).containsExactly("logistic.json");
  }

  @Test
  void a_truncated_missing_or_extra_file_is_named() throws IOException {
    ModelVersion v = register("signal", logistic(1, 1.0));
    Path dir = registry.directory(v);
    byte[] manifest = Files.readAllBytes(dir.resolve("manifest.json"));
    Files.write(dir.resolve("manifest.json"), java.util.Arrays.copyOf(manifest, manifest.length - 10));
    Files.delete(dir.resolve("logistic.json"));
    Files.writeString(dir.resolve("notes.txt"), "hello");
    List<dev.quiver.error.Problem> problems = registry.verify(v.ref());
    assertThat(problems).extracting(dev.quiver.error.Problem::rule).containsExactlyInAnyOrder("checksum_mismatch", "missing_file", "unexpected_file");
    assertThat(problems).extracting(p -> Path.of(p.where().file()).getFileName().toString())
        .containsExactlyInAnyOrder("manifest.json", "logistic.json", "notes.txt");
    assertThatThrownBy(() -> registry.load(v.ref(), FAMILIES)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("manifest.json").hasMessageContaining("logistic.json").hasMessageContaining("notes.txt");
  }

  @Test
  void a_rewritten_checksum_file_or_card_is_caught() throws IOException {
    ModelVersion v = register("signal", logistic(1, 1.0));
    Path dir = registry.directory(v);
    // an attacker edits model.json and re-computes checksums.sha256: the index still holds the original's SHA-256
    String card = Files.readString(dir.resolve("model.json")).replace("\"accuracy\" : 0.8734", "\"accuracy\" : 0.99");
    Files.writeString(dir.resolve("model.json"), card);
    String sums = Files.readString(dir.resolve("checksums.sha256"));
    String line = sums.lines().filter(l -> l.endsWith("model.json")).findFirst().orElseThrow();
    Files.writeString(dir.resolve("checksums.sha256"), sums.replace(line, Checksums.sha256(card.getBytes(StandardCharsets.UTF_8)) + "  model.json"));
    assertThatThrownBy(() -> registry.card(v.ref())).isInstanceOf(BadInputException.class).hasMessageContaining("checksums.sha256");
    assertThat(registry.verify(v.ref())).extracting(p -> Path.of(p.where().file()).getFileName().toString()).containsExactly("checksums.sha256");
  }

  @Test
  void export_then_import_into_another_registry_keeps_name_version_and_predictions() throws IOException {
    FittedModel m = logistic(1, 1.0);
    ModelVersion v = register("signal", m);
    registry.alias(v.ref(), "production");
    Path bundle = tmp.resolve("signal.tar.gz");
    registry.exportBundle(v.ref(), bundle);
    try (ModelRegistry other = ModelRegistry.create(tmp.resolve("other"))) {
      ModelVersion imported = other.importBundle(bundle);
      assertThat(imported.id()).isEqualTo("signal@1.0.0");
      assertThat(imported.directory()).isEqualTo(v.directory());
      assertThat(imported.created()).isEqualTo(v.created());
      assertThat(other.history("signal")).extracting(HistoryEvent::event).containsExactly("imported");
      try (RegisteredModel loaded = other.load(imported.ref(), FAMILIES)) {
        TrainSet test = TrainedModels.test();
        assertThat(loaded.model().predict(test.x()).values()).isEqualTo(m.predict(test.x()).values());
      }
      assertThat(other.importBundle(bundle)).isEqualTo(imported);
      assertThat(other.verify().ok()).isTrue();
    }
  }

  @Test
  void a_bundle_with_a_changed_file_is_refused_naming_it() throws IOException {
    ModelVersion v = register("signal", logistic(1, 1.0));
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    List<String> files = List.of("logistic.json", "manifest.json", "model.json", "checksums.sha256");
    for (String f : files) Files.copy(registry.directory(v).resolve(f), copy.resolve(f));
    byte[] b = Files.readAllBytes(copy.resolve("logistic.json"));
    b[40] ^= 0x04;
    Files.write(copy.resolve("logistic.json"), b);
    Path bundle = tmp.resolve("bad.tar.gz");
    try (var out = Files.newOutputStream(bundle)) {
      TarGz.write(out, "signal_v1.0.0_grade_ungraded_acc_0.87", copy, files, 0);
    }
    try (ModelRegistry other = ModelRegistry.create(tmp.resolve("other"))) {
      assertThatThrownBy(() -> other.importBundle(bundle)).isInstanceOf(BadInputException.class)
          .hasMessageContaining("bad.tar.gz!signal_v1.0.0_grade_ungraded_acc_0.87/logistic.json").hasMessageContaining("SHA-256 mismatch");
      assertThat(other.list(null, null, true)).isEmpty();
    }
    Path cut = tmp.resolve("cut.tar.gz");
    registry.exportBundle(v.ref(), cut);
    byte[] whole = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
    try (ModelRegistry other = ModelRegistry.create(tmp.resolve("other2"))) {
      assertThatThrownBy(() -> other.importBundle(cut)).isInstanceOf(BadInputException.class).hasMessageContaining("cut.tar.gz");
    }
  }

  @Test
  void a_nan_metric_round_trips_and_a_model_without_accuracy_shows_na() {
    ModelVersion v = registry.register(Registration.of("nan", logistic(1, 1.0)).withMetrics(Map.of("auc", Double.NaN, "f1", 0.25)));
    assertThat(v.directory()).isEqualTo("linear/nan_v1.0.0_grade_ungraded_acc_na");
    assertThat(v.accuracy()).isNaN();
    ModelCard card = registry.card(v.ref());
    assertThat(card.metrics().get("auc")).isNaN();
    assertThat(card.metrics()).containsEntry("f1", 0.25);
  }

  @Test
  void opening_a_folder_without_an_index_is_bad_input() {
    assertThatThrownBy(() -> ModelRegistry.open(tmp.resolve("nothing"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no model registry here");
  }

  @Test
  void the_location_is_the_flag_else_the_environment_else_models() {
    assertThat(ModelRegistry.location(Path.of("a"), Map.of("QUIVER_REGISTRY", "b"))).isEqualTo(Path.of("a"));
    assertThat(ModelRegistry.location(null, Map.of("QUIVER_REGISTRY", "b"))).isEqualTo(Path.of("b"));
    assertThat(ModelRegistry.location(null, Map.of())).isEqualTo(Path.of("models"));
  }
}
