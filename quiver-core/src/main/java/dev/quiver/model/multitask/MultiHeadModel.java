package dev.quiver.model.multitask;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.MultiOutput;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted {@link MultiTaskFamily} model: a binary direction model and one regressor per head, all
 * over the same features. {@link #predict} is the direction probability; {@link #heads} each
 * head's forecast in its target's units (tth in bars, censored at H + 1; mdd and mfe as fractions
 * of the entry close). Importance and learning curve are the direction model's. Saved as members
 * {@code direction} and {@code head-K} plus {@value #FILE} (base family, head names and label
 * specs), all in one manifest; a reload predicts identically. Immutable; thread-safe as its
 * members are; {@link #close} closes the members that own native memory.
 */
public final class MultiHeadModel implements FittedModel, MultiOutput, AutoCloseable {

  static final String FILE = "multitask.json";
  static final String FORMAT = "quiver-multihead/1";

  private final String baseFamily;
  private final FittedModel direction;
  private final Map<String, FittedModel> heads;
  private final Map<String, String> specs;
  private final Provenance provenance;

  record Artifact(String format, String baseFamily, List<String> heads, List<String> specs) {}

  MultiHeadModel(String baseFamily, FittedModel direction, Map<String, FittedModel> heads, Map<String, String> specs, Provenance provenance) {
    this.baseFamily = baseFamily;
    this.direction = direction;
    this.heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    this.specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    this.provenance = provenance;
  }

  public String baseFamily() {
    return baseFamily;
  }

  /** The label spec each head learned (H = the main label's horizon), by head name. */
  public Map<String, String> specs() {
    return specs;
  }

  @Override
  public Map<String, String> headLabels() {
    return specs;
  }

  @Override
  public Schema inputSchema() {
    return new Schema(direction.inputSchema().features(), Task.BINARY);
  }

  @Override
  public Predictions predict(Matrix x) {
    return direction.predict(x);
  }

  @Override
  public List<String> headNames() {
    return List.copyOf(heads.keySet());
  }

  @Override
  public Map<String, double[]> heads(Matrix x) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, FittedModel> e : heads.entrySet()) out.put(e.getKey(), e.getValue().predict(x).values());
    return out;
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return direction.importance();
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return direction.learningCurve();
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeModel("direction", direction);
    int k = 0;
    for (FittedModel h : heads.values()) out.writeModel("head-" + k++, h);
    out.writeJson(FILE, new Artifact(FORMAT, baseFamily, headNames(), new ArrayList<>(specs.values())));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() throws Exception {
    if (direction instanceof AutoCloseable c) c.close();
    for (FittedModel m : heads.values()) if (m instanceof AutoCloseable c) c.close();
  }

  static MultiHeadModel load(ArtifactReader in, ModelFamilies families) {
    Artifact a = in.readJson(FILE, Artifact.class);
    if (!FORMAT.equals(a.format()) || a.heads() == null || a.specs() == null || a.heads().size() != a.specs().size() || a.heads().isEmpty()) {
      throw new BadInputException(Where.file(FILE), "the multitask model file does not match its format (" + a.format() + ")",
          "re-save the model with this Quiver version");
    }
    FittedModel direction = in.readModel("direction", families);
    Map<String, FittedModel> heads = new LinkedHashMap<>();
    Map<String, String> specs = new LinkedHashMap<>();
    for (int k = 0; k < a.heads().size(); k++) {
      heads.put(a.heads().get(k), in.readModel("head-" + k, families));
      specs.put(a.heads().get(k), a.specs().get(k));
    }
    return new MultiHeadModel(a.baseFamily(), direction, heads, specs, in.manifest().provenance());
  }
}
