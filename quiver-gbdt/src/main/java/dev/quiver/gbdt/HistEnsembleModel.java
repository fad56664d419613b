package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.ModelManifest;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import dev.quiver.model.linear.RidgeFamily;
import dev.quiver.model.logistic.LogisticFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link HistEnsembleFamily} model: the members (hgb, rf, linear), fitted on every training row,
 * and the meta-learner fitted on their out-of-fold predictions. A prediction runs every member on
 * the rows, turns their outputs into the meta-learner's inputs (log-odds for binary) and returns
 * the meta-learner's output: P(class 1) for {@link Task#BINARY}, the forecast for {@link
 * Task#REGRESSION}.
 *
 * <p>{@link #importance} is the mean over the members of each member's importance scaled to sum
 * to 1 (kind {@code mean_share}); {@link #learningCurve} is the boosting member's. {@link
 * #metaWeights} reads the meta-learner's standardized coefficients per member.
 *
 * <p>Saved as one artifact: each member's and the meta-learner's own files under the prefixes
 * {@code hgb.}, {@code rf.}, {@code linear.} and {@code meta.} (LightGBM text models and JSON), and
 * {@value #META_FILE} with their manifests; every file is checksummed in the artifact's manifest and
 * a reloaded model predicts bit-identically. Owns native boosters: close once (a second close does
 * nothing); predictions may run concurrently.
 */
public final class HistEnsembleModel implements FittedModel, AutoCloseable {

  static final String META_FILE = "hist_ensemble.json";
  static final String FORMAT = "quiver-hist-ensemble/1";

  private final Schema schema;
  private final List<String> names;
  private final List<FittedModel> members;
  private final FittedModel meta;
  private final int metaRows;
  private final Provenance provenance;

  /** The saved metadata: member names in meta-input order, their manifests, the meta-learner's, and how many out-of-fold rows trained it. */
  record Meta(String format, List<String> names, List<ModelManifest> members, ModelManifest meta, int metaRows) {}

  HistEnsembleModel(Schema schema, List<String> names, List<FittedModel> members, FittedModel meta, int metaRows, Provenance provenance) {
    this.schema = schema;
    this.names = List.copyOf(names);
    this.members = List.copyOf(members);
    this.meta = meta;
    this.metaRows = metaRows;
    this.provenance = provenance;
  }

  /** The members' names in the meta-learner's input order. */
  public List<String> memberNames() {
    return names;
  }

  /** How many out-of-fold rows trained the meta-learner. */
  public int metaRows() {
    return metaRows;
  }

  /** Each member's prediction for the rows of {@code x}, in {@link #memberNames} order. */
  public List<Predictions> memberPredictions(Matrix x) {
    List<Predictions> out = new ArrayList<>(members.size());
    for (FittedModel m : members) out.add(m.predict(x));
    return out;
  }

  /** The meta-learner's importance per member: |coefficient| on its standardized inputs. */
  public Map<String, Double> metaWeights() {
    return meta.importance().orElseThrow().values();
  }

  static Matrix metaInputs(Task task, List<FittedModel> members, Matrix x, List<String> names) {
    int k = members.size();
    float[] cells = new float[x.rows() * k];
    for (int j = 0; j < k; j++) {
      double[] p = members.get(j).predict(x).values();
      for (int r = 0; r < p.length; r++) cells[r * k + j] = HistEnsembleTrainer.metaInput(task, p[r]);
    }
    return new Matrix(cells, x.rows(), k, names);
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    return new Predictions(schema.task(), meta.predict(metaInputs(schema.task(), members, x, names)).values());
  }

  @Override
  public Optional<FeatureImportance> importance() {
    Map<String, Double> mean = new LinkedHashMap<>();
    for (String f : schema.features()) mean.put(f, 0.0);
    for (FittedModel m : members) {
      Map<String, Double> v = m.importance().orElseThrow().values();
      double total = 0;
      for (double x : v.values()) total += x;
      if (total <= 0) continue;
      for (Map.Entry<String, Double> e : v.entrySet()) mean.merge(e.getKey(), e.getValue() / total / members.size(), Double::sum);
    }
    return Optional.of(new FeatureImportance("mean_share", mean));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return members.get(0).learningCurve();
  }

  @Override
  public void save(ArtifactWriter out) {
    List<ModelManifest> manifests = new ArrayList<>(members.size());
    for (int j = 0; j < members.size(); j++) {
      FittedModel m = members.get(j);
      manifests.add(out.writeMember(names.get(j) + ".", m.provenance().family(), m));
    }
    ModelManifest metaManifest = out.writeMember("meta.", meta.provenance().family(), meta);
    out.writeJson(META_FILE, new Meta(FORMAT, names, manifests, metaManifest, metaRows));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    for (FittedModel m : members) closeIfOwned(m);
  }

  /** Closes a model that owns native memory; others hold none. */
  static void closeIfOwned(FittedModel m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new InternalException("cannot close a " + m.provenance().family() + " member: " + e.getMessage(), e);
      }
    }
  }

  private static ModelFamily family(String name) {
    return switch (name) {
      case LightGbmFamily.NAME -> new LightGbmFamily();
      case RandomForestFamily.NAME -> new RandomForestFamily();
      case LogisticFamily.NAME -> new LogisticFamily();
      case RidgeFamily.NAME -> new RidgeFamily();
      default -> throw new BadInputException(Where.file(META_FILE), "unknown hist_ensemble member family '" + name + "'", "re-save the model with this Quiver version");
    };
  }

  static HistEnsembleModel load(ArtifactReader in) {
    Meta m = in.readJson(META_FILE, Meta.class);
    if (!FORMAT.equals(m.format()) || m.names() == null || m.members() == null || m.names().size() != m.members().size() || m.meta() == null) {
      throw new BadInputException(Where.file(META_FILE), "the hist_ensemble metadata is not of format " + FORMAT, "re-save the model with this Quiver version");
    }
    List<FittedModel> members = new ArrayList<>();
    try {
      for (int j = 0; j < m.names().size(); j++) {
        ModelManifest mm = m.members().get(j);
        members.add(family(mm.family()).load(in.member(m.names().get(j) + ".", mm)));
      }
      FittedModel meta = family(m.meta().family()).load(in.member("meta.", m.meta()));
      return new HistEnsembleModel(in.manifest().schema(), m.names(), members, meta, m.metaRows(), in.manifest().provenance());
    } catch (RuntimeException e) {
      for (FittedModel f : members) closeIfOwned(f);
      throw e;
    }
  }
}
