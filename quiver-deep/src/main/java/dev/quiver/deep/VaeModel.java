package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.MultiOutput;
import dev.quiver.model.Params;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted {@link VaeFamily} model: the {@link Vae} and the head that reads {@link
 * Vae#withFeatures}. Saved as {@value #VAE_PARAMS} and {@value #VAE_CONFIG} (the VAE), the head
 * as the member {@code head} (its own family's files, see {@link ArtifactWriter#writeModel}), and
 * {@value #CONFIG} (format, parameters, head family, learning curve, importance); every file is
 * checksummed by the artifact. A load predicts bit-identically on the same machine and thread
 * count. Thread-safe for {@link #predict}; owns native memory: {@link #close} once.
 */
final class VaeModel implements FittedModel, MultiOutput, AutoCloseable {

  static final String VAE_PARAMS = "vae.params";
  static final String VAE_CONFIG = "vae.json";
  static final String CONFIG = "vae_model.json";
  static final String FORMAT = "quiver-vae-family/1";

  private final Params params;
  private final Vae vae;
  private final String headFamily;
  private final FittedModel head;
  private final Schema schema;
  private final LearningCurve curve;
  private final FeatureImportance importance;
  private final Provenance provenance;

  VaeModel(Params params, Vae vae, String headFamily, FittedModel head, Task task, List<String> features, LearningCurve curve,
      FeatureImportance importance, Provenance provenance) {
    this.params = params;
    this.vae = vae;
    this.headFamily = headFamily;
    this.head = head;
    this.schema = new Schema(features, task);
    this.curve = curve;
    this.importance = importance;
    this.provenance = provenance;
  }

  /** The saved form of everything but the VAE and the head. */
  record Config(String format, Map<String, String> params, String headFamily, LearningCurve learningCurve, String importanceKind,
      Map<String, Double> importance) {}

  /** The fitted autoencoder, for its latent features and anomaly scores. */
  Vae vae() {
    return vae;
  }

  String headFamily() {
    return headFamily;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    return new Predictions(schema.task(), head.predict(vae.withFeatures(x)).values());
  }

  /** The VAE's outputs as extra columns: the latent means {@code vae_z0 ..}, then {@value Vae#ANOMALY}. */
  @Override
  public List<String> headNames() {
    List<String> names = new java.util.ArrayList<>();
    for (int l = 0; l < vae.latentSize(); l++) names.add("vae_z" + l);
    names.add(Vae.ANOMALY);
    return names;
  }

  /** None: the VAE's outputs learned no label. */
  @Override
  public Map<String, String> headLabels() {
    return Map.of();
  }

  @Override
  public Map<String, double[]> heads(Matrix x) {
    schema.check(x);
    Matrix f = vae.features(x);
    Map<String, double[]> out = new java.util.LinkedHashMap<>();
    for (int c = 0; c < f.cols(); c++) {
      double[] v = new double[f.rows()];
      for (int r = 0; r < f.rows(); r++) v[r] = f.get(r, c);
      out.put(f.names().get(c), v);
    }
    return out;
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.of(importance);
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.of(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.write(VAE_PARAMS, vae.parameters());
    out.writeJson(VAE_CONFIG, vae.config());
    out.writeModel("head", head);
    out.writeJson(CONFIG, new Config(FORMAT, params.asStrings(), headFamily, curve, importance.kind(), importance.values()));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    vae.close();
    if (head instanceof AutoCloseable c) closeHead(c);
  }

  static void closeHead(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new InternalException("cannot close the vae head: " + e.getMessage(), e);
    }
  }

  static VaeModel load(Params defaults, ArtifactReader in) {
    Config c = in.readJson(CONFIG, Config.class);
    if (!FORMAT.equals(c.format()) || c.params() == null || c.headFamily() == null) {
      throw new BadInputException(Where.file(CONFIG), "the vae model file is not of format " + FORMAT + " (found " + c.format() + ")",
          "re-save the model with this Quiver version");
    }
    Params params = defaults.override(c.params());
    Vae.Config vc = in.readJson(VAE_CONFIG, Vae.Config.class);
    if (vc.features() == null || !vc.features().equals(in.manifest().schema().features())) {
      throw new BadInputException(Where.file(VAE_CONFIG), "the vae's features " + vc.features() + " differ from the manifest's "
          + in.manifest().schema().features(), "re-save the model with this Quiver version");
    }
    Vae vae = Vae.restore(vc, in.read(VAE_PARAMS), TorchRuntime.device(params.getString("device")).device(), VAE_CONFIG);
    boolean ok = false;
    try {
      FittedModel head = in.readModel("head", ModelFamilies.discover());
      VaeModel m = new VaeModel(params, vae, c.headFamily(), head, in.manifest().schema().task(), in.manifest().schema().features(),
          c.learningCurve(), new FeatureImportance(c.importanceKind(), c.importance()), in.manifest().provenance());
      ok = true;
      return m;
    } finally {
      if (!ok) vae.close();
    }
  }
}
