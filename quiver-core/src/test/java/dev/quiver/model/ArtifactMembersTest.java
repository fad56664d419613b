package dev.quiver.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import dev.quiver.model.linear.RidgeFamily;
import dev.quiver.model.logistic.LogisticFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactMembersTest {

  private static final TrainSet TRAIN = PlantedSignal.binary(2000, 3);
  private static final TrainSet TEST = PlantedSignal.binary(500, 4);

  /** A model made of a logistic and a ridge member that averages them, saved as one artifact through writeMember. */
  private record Pair(FittedModel a, FittedModel b) implements FittedModel {

    record Meta(ModelManifest a, ModelManifest b) {}

    @Override
    public Schema inputSchema() {
      return a.inputSchema();
    }

    @Override
    public Predictions predict(Matrix x) {
      double[] p = a.predict(x).values();
      double[] q = b.predict(x).values();
      for (int i = 0; i < p.length; i++) p[i] = (p[i] + q[i]) / 2;
      return new Predictions(Task.BINARY, p);
    }

    @Override
    public Optional<FeatureImportance> importance() {
      return Optional.empty();
    }

    @Override
    public void save(ArtifactWriter out) {
      out.writeJson("pair.json", new Meta(out.writeMember("a.", LogisticFamily.NAME, a), out.writeMember("b.", RidgeFamily.NAME, b)));
    }

    @Override
    public Provenance provenance() {
      return a.provenance();
    }

    static Pair load(ArtifactReader in) {
      Meta m = in.readJson("pair.json", Meta.class);
      return new Pair(new LogisticFamily().load(in.member("a.", m.a())), new RidgeFamily().load(in.member("b.", m.b())));
    }
  }

  private static Pair pair() {
    LogisticFamily logistic = new LogisticFamily();
    RidgeFamily ridge = new RidgeFamily();
    TrainContext ctx = TrainContext.of(1, 1);
    return new Pair(logistic.trainer(logistic.params("balanced", Map.of())).fit(TRAIN, null, ctx, FitInfo.of("balanced")),
        ridge.trainer(ridge.params("balanced", Map.of())).fit(TRAIN, null, ctx, FitInfo.of("balanced")));
  }

  @Test
  void members_are_written_under_their_prefix_checksummed_in_the_outer_manifest_and_load_back_identically(@TempDir Path tmp) {
    Pair pair = pair();
    Path dir = tmp.resolve("m");
    ModelStore.save(pair, "pair", dir);
    ArtifactReader in = ModelStore.open(dir);
    assertThat(in.manifest().files().keySet()).containsExactlyInAnyOrder("a.logistic.json", "b.linear.json", "pair.json");
    Pair loaded = Pair.load(in);
    assertThat(loaded.predict(TEST.x()).values()).isEqualTo(pair.predict(TEST.x()).values());
    assertThat(loaded.a().provenance()).isEqualTo(pair.a().provenance());
    assertThat(loaded.b().inputSchema()).isEqualTo(pair.b().inputSchema());
  }

  @Test
  void a_changed_member_file_fails_its_checksum_and_a_member_manifest_naming_an_unlisted_file_is_refused(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("m");
    ModelStore.save(pair(), "pair", dir);
    ArtifactReader in = ModelStore.open(dir);
    Pair.Meta meta = in.readJson("pair.json", Pair.Meta.class);
    ModelManifest a = meta.a();
    ModelManifest forged = new ModelManifest(a.formatVersion(), a.family(), a.schema(), a.provenance(), Map.of("logistic.json", "0".repeat(64)));
    assertThatThrownBy(() -> new LogisticFamily().load(in.member("a.", forged)))
        .isInstanceOf(BadInputException.class).hasMessageContaining("does not list a.logistic.json");
    Path file = dir.resolve("b.linear.json");
    Files.writeString(file, Files.readString(file).replace("\"task\"", " \"task\""));
    assertThatThrownBy(() -> new RidgeFamily().load(in.member("b.", meta.b())))
        .isInstanceOf(BadInputException.class).hasMessageContaining("SHA-256").hasMessageContaining("b.linear.json");
  }

  @Test
  void member_prefixes_must_be_plain_names(@TempDir Path tmp) {
    ArtifactWriter out = new ArtifactWriter(tmp, Durability.NO_FSYNC);
    FittedModel a = pair().a();
    assertThatThrownBy(() -> out.writeMember("../x.", LogisticFamily.NAME, a)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../x.");
    assertThatThrownBy(() -> out.writeMember("", LogisticFamily.NAME, a)).isInstanceOf(IllegalArgumentException.class);
    assertThat(out.checksums()).isEmpty();
  }
}
