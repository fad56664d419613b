package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
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
 * A fitted {@link MultiTaskNetFamily} model: {@link #predict} is the direction head's probability,
 * {@link #heads} the other heads' forecasts in their targets' units (tth in bars, censored at H +
 * 1; mdd and mfe as fractions of the entry close). Saved as the net's {@value MultiTaskNet#PARAMS}
 * and {@value MultiTaskNet#CONFIG} plus {@value #FILE} (head names and label specs); a reload
 * predicts bit-identically on the same machine and thread count. No importance (the net has none
 * of its own). Thread-safe for {@link #predict} and {@link #heads}; owns native memory: {@link
 * #close} once.
 */
final class MultiTaskNetModel implements FittedModel, MultiOutput, AutoCloseable {

  static final String FILE = "multitask_heads.json";
  static final String FORMAT = "quiver-multitask-net-model/1";

  private final MultiTaskNet net;
  private final Map<String, String> specs;
  private final Provenance provenance;

  record Heads(String format, List<String> heads, List<String> specs) {}

  MultiTaskNetModel(MultiTaskNet net, Map<String, String> specs, Provenance provenance) {
    this.net = net;
    this.specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs));
    this.provenance = provenance;
  }

  @Override
  public Map<String, String> headLabels() {
    return specs;
  }

  @Override
  public Schema inputSchema() {
    return new Schema(net.features(), Task.BINARY);
  }

  @Override
  public Predictions predict(Matrix x) {
    return net.predict(x);
  }

  @Override
  public List<String> headNames() {
    return List.copyOf(specs.keySet());
  }

  @Override
  public Map<String, double[]> heads(Matrix x) {
    return net.heads(x);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.empty();
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(net.learningCurve());
  }

  @Override
  public void save(ArtifactWriter out) {
    net.save(out);
    out.writeJson(FILE, new Heads(FORMAT, headNames(), new ArrayList<>(specs.values())));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    net.close();
  }

  static MultiTaskNetModel load(ArtifactReader in) {
    Heads h = in.readJson(FILE, Heads.class);
    if (!FORMAT.equals(h.format()) || h.heads() == null || h.specs() == null || h.heads().size() != h.specs().size()) {
      throw new BadInputException(Where.file(FILE), "the multitask_net model file does not match its format (" + h.format() + ")",
          "re-save the model with this Quiver version");
    }
    MultiTaskNet net = MultiTaskNet.load(in);
    List<String> expected = new ArrayList<>();
    expected.add(MultiTaskNetTrainer.DIRECTION);
    expected.addAll(h.heads());
    if (!net.heads().equals(expected) || !net.features().equals(in.manifest().schema().features())) {
      net.close();
      throw new BadInputException(Where.file(FILE), "the multitask_net heads " + net.heads() + " or features do not match the manifest",
          "re-save the model with this Quiver version");
    }
    Map<String, String> specs = new LinkedHashMap<>();
    for (int k = 0; k < h.heads().size(); k++) specs.put(h.heads().get(k), h.specs().get(k));
    return new MultiTaskNetModel(net, specs, in.manifest().provenance());
  }
}
