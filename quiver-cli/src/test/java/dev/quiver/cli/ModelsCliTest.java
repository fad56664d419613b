package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Json;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.PlantedSignal;
import dev.quiver.model.TrainContext;
import dev.quiver.model.logistic.LogisticFamily;
import dev.quiver.registry.FeatureRecipe;
import dev.quiver.registry.Grade;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.Registration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCliTest {

  static final ModelFamily LOGISTIC = new LogisticFamily();
  static final FeatureRecipe RECIPE = new FeatureRecipe("1m", List.of(), "signal,counter,level,noise", null, "direction");

  @TempDir
  Path tmp;

  Path root;

  static FittedModel fit(long dataSeed, double c) {
    return LOGISTIC.trainer(LOGISTIC.params("balanced", Map.of("c", String.valueOf(c))))
        .fit(PlantedSignal.binary(2000, dataSeed), null, TrainContext.of(1, 1), new FitInfo("balanced", "data-" + dataSeed, "holdout"));
  }

  /** signal@1.0.0 (grade A), signal@1.1.0 (grade C, c 0.01), other@1.0.0 (ungraded) depending on signal@1.0.0. */
  @BeforeEach
  void registry() {
    root = tmp.resolve("models");
    try (ModelRegistry r = ModelRegistry.create(root)) {
      r.register(Registration.of("signal", fit(1, 1.0)).withRecipe(RECIPE).withMetrics(Map.of("accuracy", 0.81, "auc", 0.9))
          .withGrade(new Grade("A", Map.of("sharpe", 1.8), "sharpe >= 1.5")));
      r.register(Registration.of("signal", fit(1, 0.01)).withRecipe(RECIPE).withMetrics(Map.of("accuracy", 0.75, "auc", 0.85))
          .withGrade(new Grade("C", Map.of("sharpe", 0.4), "")));
      r.register(Registration.of("other", fit(2, 1.0)).withRecipe(RECIPE).withDependencies(List.of(ModelRef.parse("signal@1.0.0"))));
    }
  }

  Cli models(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "models";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--registry";
    all[args.length + 2] = root.toString();
    return Cli.run(all);
  }

  @Test
  void list_json_gives_one_object_per_version_with_the_promised_keys() throws IOException {
    Cli r = models("list", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode rows = Json.MAPPER.readTree(r.out());
    assertThat(rows.size()).isEqualTo(3);
    for (JsonNode row : rows) {
      for (String k : new String[] {"name", "version", "family", "grade", "created", "aliases"}) assertThat(row.has(k)).as(k).isTrue();
      assertThat(row.get("family").asText()).isEqualTo("logistic");
      assertThat(row.get("aliases").isArray()).isTrue();
    }
    assertThat(rows.get(0).get("name").asText()).isEqualTo("other");
    assertThat(rows.get(1).get("version").asText()).isEqualTo("1.0.0");
    assertThat(rows.get(2).get("version").asText()).isEqualTo("1.1.0");
    assertThat(rows.get(2).get("grade").asText()).isEqualTo("C");
  }

  @Test
  void list_filters_by_minimum_grade_and_prints_a_table() throws IOException {
    JsonNode rows = Json.MAPPER.readTree(models("list", "--min-grade", "B", "--format", "json").out());
    assertThat(rows.size()).isEqualTo(1);
    assertThat(rows.get(0).get("version").asText()).isEqualTo("1.0.0");
    Cli text = models("list");
    assertThat(text.out()).contains("name", "version", "family", "grade", "created", "aliases", "signal", "1.1.0", "logistic");
    Cli bad = models("list", "--min-grade", "Z");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown grade 'Z'");
  }

  @Test
  void promote_and_alias_move_names_and_info_shows_them_with_the_history() {
    assertThat(models("promote", "signal@1.0.0").out()).contains("signal@production -> 1.0.0");
    assertThat(models("promote", "signal").out()).contains("signal@production -> 1.1.0");
    assertThat(models("alias", "signal@1.0.0", "staging").exit()).isZero();
    Cli info = models("info", "signal@production");
    assertThat(info.exit()).as(info.err()).isZero();
    assertThat(info.out()).contains("signal@1.1.0", "production", "grade         C", "auc 0.8500", "c=0.01", "data-1",
        "signal,counter,level,noise", "production -> 1.1.0 (was 1.0.0)", "preprocessor  none");
    assertThat(models("info", "signal@staging").out()).contains("signal@1.0.0", "sharpe 1.8000", "used by       other@1.0.0");
    assertThat(models("alias", "--remove", "signal", "staging").exit()).isZero();
    Cli gone = models("info", "signal@staging");
    assertThat(gone.exit()).isEqualTo(2);
    assertThat(gone.err()).contains("no alias 'staging'");
  }

  @Test
  void archive_of_a_model_others_depend_on_exits_2_listing_them() throws IOException {
    Cli refused = models("archive", "signal@1.0.0");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("other@1.0.0");
    assertThat(models("archive", "signal@1.1.0").out()).contains("archived signal@1.1.0");
    assertThat(Json.MAPPER.readTree(models("list", "signal", "--format", "json").out()).size()).isEqualTo(1);
    assertThat(Json.MAPPER.readTree(models("list", "signal", "--all", "--format", "json").out()).get(1).get("status").asText()).isEqualTo("archived");
  }

  @Test
  void verify_exits_0_when_intact_and_2_naming_each_failing_file() throws IOException {
    Cli ok = models("verify");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("ok: 3 versions verified");
    Path signalDir;
    Path otherDir;
    try (ModelRegistry r = ModelRegistry.open(root)) {
      signalDir = r.directory(r.resolve(ModelRef.parse("signal@1.1.0")));
      otherDir = r.directory(r.resolve(ModelRef.parse("other")));
    }
    byte[] b = Files.readAllBytes(signalDir.resolve("logistic.json"));
    b[b.length / 3] ^= 0x20;
    Files.write(signalDir.resolve("logistic.json"), b);
    Files.write(otherDir.resolve("model.json"), new byte[0]);
    Cli bad = models("verify");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains(signalDir.resolve("logistic.json").toString(), otherDir.resolve("model.json").toString(), "SHA-256 mismatch");
    JsonNode json = Json.MAPPER.readTree(models("verify", "--format", "json").out());
    assertThat(json.get("ok").asBoolean()).isFalse();
    assertThat(json.get("failures").size()).isEqualTo(2);
    assertThat(models("verify", "signal@1.0.0").exit()).isZero();
  }

  @Test
  void diff_compares_params_and_metrics() throws IOException {
    Cli r = models("diff", "signal@1.0.0", "@1.1.0");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("signal@1.0.0 -> signal@1.1.0", "c", "1.0", "0.01", "accuracy", "0.8100", "0.7500", "-0.0600", "grade");
    JsonNode json = Json.MAPPER.readTree(models("diff", "signal@1.0.0", "signal@1.1.0", "--format", "json").out());
    assertThat(json.get("params").get(0).get("key").asText()).isEqualTo("c");
    assertThat(json.get("metrics").get(0).get("key").asText()).isEqualTo("accuracy");
    assertThat(json.get("metrics").get(0).get("delta").asDouble()).isCloseTo(-0.06, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void export_writes_a_tar_gz_that_import_verifies_and_registers() throws Exception {
    Path bundle = tmp.resolve("signal.tar.gz");
    Cli exported = models("export", "signal@1.0.0", "--output", bundle.toString());
    assertThat(exported.exit()).as(exported.err()).isZero();
    // the bundle is a plain tar.gz: the system's tar lists it
    Process tar = new ProcessBuilder("tar", "-tzf", bundle.toString()).redirectErrorStream(true).start();
    String listing = new String(tar.getInputStream().readAllBytes());
    assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(listing).isZero();
    assertThat(listing.lines()).containsExactly("signal_v1.0.0_grade_A_acc_0.81/logistic.json", "signal_v1.0.0_grade_A_acc_0.81/manifest.json",
        "signal_v1.0.0_grade_A_acc_0.81/model.json", "signal_v1.0.0_grade_A_acc_0.81/checksums.sha256");
    Path other = tmp.resolve("elsewhere");
    Cli imported = Cli.run("models", "import", bundle.toString(), "--registry", other.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported signal@1.0.0");
    Cli list = Cli.run("models", "list", "--registry", other.toString(), "--format", "json");
    assertThat(Json.MAPPER.readTree(list.out()).get(0).get("grade").asText()).isEqualTo("A");
    // a bundle whose dependencies are missing is refused
    Path dependent = tmp.resolve("other.tar.gz");
    models("export", "other", "--output", dependent.toString());
    Cli refused = Cli.run("models", "import", dependent.toString(), "--registry", tmp.resolve("empty").toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("signal@1.0.0", "import those first");
  }

  @Test
  void lineage_shows_dependencies_and_dependants() throws IOException {
    Cli r = models("lineage", "other");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("other@1.0.0", "<- signal@1.0.0", "used by: -");
    JsonNode json = Json.MAPPER.readTree(models("lineage", "signal@1.0.0", "--format", "json").out());
    assertThat(json.get("used_by").get(0).asText()).isEqualTo("other@1.0.0");
    assertThat(json.get("data_sha256").asText()).isEqualTo("data-1");
  }

  @Test
  void a_folder_without_a_registry_is_bad_input() {
    Cli r = Cli.run("models", "list", "--registry", tmp.resolve("none").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no model registry here", "--registry");
  }

  @Test
  void every_models_subcommand_has_help() {
    assertThat(Cli.run("--help").out()).contains("models");
    for (String sub : new String[] {"list", "info", "verify", "promote", "alias", "archive", "diff", "export", "import", "lineage"}) {
      Cli r = Cli.run("models", sub, "--help");
      assertThat(r.exit()).as(sub).isZero();
      assertThat(r.out()).as(sub).contains("Usage:", "--registry");
    }
  }

  @Test
  void tag_adds_and_removes_a_tag_that_list_json_and_the_history_show() throws IOException {
    Cli tag = models("tag", "signal@1.0.0", "baseline");
    assertThat(tag.exit()).as(tag.err()).isZero();
    assertThat(tag.out()).contains("signal@1.0.0 tags: baseline");
    JsonNode rows = Json.MAPPER.readTree(models("list", "signal", "--format", "json").out());
    assertThat(rows.get(0).get("tags").toString()).contains("baseline");
    assertThat(models("info", "signal@1.0.0").out()).contains("tagged", "baseline");
    Cli untag = models("tag", "--remove", "signal@1.0.0", "baseline");
    assertThat(untag.exit()).as(untag.err()).isZero();
    assertThat(untag.out()).contains("signal@1.0.0 tags: -");
    assertThat(models("tag", "nope@1.0.0", "x").exit()).isEqualTo(2);
  }

  @Test
  void retention_archives_the_oldest_versions_beyond_the_limit_but_not_those_others_depend_on() throws IOException {
    try (ModelRegistry r = ModelRegistry.open(root)) {
      r.register(Registration.of("signal", fit(3, 1.0)).withRecipe(RECIPE));
    }
    Cli keep = models("retention", "signal", "1");
    assertThat(keep.exit()).as(keep.err()).isZero();
    // 1.0.0 stays: other@1.0.0 depends on it; 1.1.0 is archived; the newest stays
    assertThat(keep.out()).contains("signal: max_versions 1; active: 1.0.0, 1.2.0");
    JsonNode all = Json.MAPPER.readTree(models("list", "signal", "--all", "--format", "json").out());
    assertThat(all.get(1).get("version").asText()).isEqualTo("1.1.0");
    assertThat(all.get(1).get("status").asText()).isEqualTo("archived");
    assertThat(models("retention", "signal", "-1").exit()).isEqualTo(2);
  }
}
