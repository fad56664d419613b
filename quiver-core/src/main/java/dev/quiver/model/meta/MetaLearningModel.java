package dev.quiver.model.meta;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted meta-learner (see {@link MetaLearningFamily}): base models, one router per base, and the
 * bases' recent outcomes at the end of training. Immutable and thread-safe ({@link #predict} copies
 * the rolling state). Saved as {@value #FILE} plus each base's and router's own files under the
 * prefixes {@code base-K.} and {@code router-K.}, all checksummed in one manifest; a reloaded model
 * predicts bit-identically. Importance is each base's own importance, scaled to sum 1, weighted by
 * the share of out-of-fold rows routed to it.
 */
public final class MetaLearningModel implements FittedModel, AutoCloseable {

  static final String FILE = "meta_learning.json";
  static final String FORMAT = "quiver-meta-learning/1";

  /** The rolling-accuracy memory: per base, its last {@code window + gap} outcomes (1, 0 or NaN), oldest first. */
  record State(int window, int gap, double[][] recent) {}

  /** Routed predictions: P(class 1) per row, the base chosen per row, and the memory after the rows. */
  public record Routed(double[] probabilities, int[] choice, State after) {}

  record Part(Schema schema, Provenance provenance) {}

  record Artifact(String format, List<String> features, List<String> bases, List<Part> baseParts, List<Part> routerParts,
      double[] constants, List<String> contextNames, int window, int gap, List<double[]> recent, int[] chosen, LearningCurve learningCurve) {}

  private final Schema schema;
  private final List<String> baseNames;
  private final FittedModel[] bases;
  private final FittedModel[] routers;
  private final double[] constants;
  private final List<String> contextNames;
  private final State state;
  private final int[] chosen;
  private final LearningCurve curve;
  private final Provenance provenance;

  MetaLearningModel(List<String> features, List<String> baseNames, FittedModel[] bases, FittedModel[] routers, double[] constants,
      List<String> contextNames, State state, int[] chosen, LearningCurve curve, Provenance provenance) {
    this.schema = new Schema(features, Task.BINARY);
    this.baseNames = List.copyOf(baseNames);
    this.bases = bases.clone();
    this.routers = routers.clone();
    this.constants = constants.clone();
    this.contextNames = List.copyOf(contextNames);
    this.state = state;
    this.chosen = chosen.clone();
    this.curve = curve;
    this.provenance = provenance;
  }

  /** The base families, in routing order (a choice k names {@code bases().get(k)}). */
  public List<String> bases() {
    return baseNames;
  }

  /**
   * Routes the rows of x in time order. {@code outcomes} (may be null) holds each row's realised
   * label as far as it is known when the rows are scored (NaN where not yet known); each known
   * outcome updates the bases' rolling accuracies for the rows {@code gap} and more after it.
   */
  public Routed route(Matrix x, float[] outcomes) {
    schema.check(x);
    int rows = x.rows();
    if (outcomes != null && outcomes.length != rows) throw new IllegalArgumentException(outcomes.length + " outcomes for " + rows + " rows");
    int b = bases.length;
    double[][] p = new double[b][];
    for (int m = 0; m < b; m++) p[m] = bases[m].predict(x).values();
    double[][] accuracy = new double[b][rows];
    RollingAccuracy[] acc = new RollingAccuracy[b];
    for (int m = 0; m < b; m++) acc[m] = new RollingAccuracy(state.window(), state.gap(), state.recent()[m]);
    for (int r = 0; r < rows; r++) {
      for (int m = 0; m < b; m++) {
        accuracy[m][r] = acc[m].current();
        acc[m].push(outcomes == null ? Double.NaN : Router.right(p[m][r], outcomes[r]));
      }
    }
    int[] choice = Router.choose(Router.context(x, accuracy, contextNames), routers, constants);
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) out[r] = p[choice[r]][r];
    double[][] recent = new double[b][];
    for (int m = 0; m < b; m++) recent[m] = acc[m].recent();
    return new Routed(out, choice, new State(state.window(), state.gap(), recent));
  }

  /** P(class 1) per row with the rolling accuracies kept current by the known {@code outcomes} (see {@link #route}). */
  public Predictions predict(Matrix x, float[] outcomes) {
    return new Predictions(Task.BINARY, route(x, outcomes).probabilities());
  }

  @Override
  public Predictions predict(Matrix x) {
    return predict(x, null);
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Optional<FeatureImportance> importance() {
    long total = 0;
    for (int c : chosen) total += c;
    Map<String, Double> values = new LinkedHashMap<>();
    for (String f : schema.features()) values.put(f, 0.0);
    for (int m = 0; m < bases.length; m++) {
      Optional<FeatureImportance> imp = bases[m].importance();
      if (imp.isEmpty() || total == 0) continue;
      double sum = 0;
      for (double v : imp.get().values().values()) sum += Math.abs(v);
      if (!(sum > 0)) continue;
      double share = (double) chosen[m] / total;
      for (Map.Entry<String, Double> e : imp.get().values().entrySet()) values.merge(e.getKey(), share * Math.abs(e.getValue()) / sum, Double::sum);
    }
    return Optional.of(new FeatureImportance("routed_share", values));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    List<Part> baseParts = new ArrayList<>();
    List<Part> routerParts = new ArrayList<>();
    for (int m = 0; m < bases.length; m++) {
      out.writeModel("base-" + m, bases[m]);
      baseParts.add(new Part(bases[m].inputSchema(), bases[m].provenance()));
      if (routers[m] == null) {
        routerParts.add(null);
      } else {
        out.writeModel("router-" + m, routers[m]);
        routerParts.add(new Part(routers[m].inputSchema(), routers[m].provenance()));
      }
    }
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), baseNames, baseParts, routerParts, constants, contextNames, state.window(),
        state.gap(), List.of(state.recent()), chosen, curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() throws Exception {
    for (FittedModel m : bases) if (m instanceof AutoCloseable c) c.close();
  }

  static MetaLearningModel load(ArtifactReader in, ModelFamilies families) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int b = a.bases() == null ? 0 : a.bases().size();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || b < 2 || a.baseParts() == null || a.baseParts().size() != b
        || a.routerParts() == null || a.routerParts().size() != b || a.constants() == null || a.constants().length != b || a.recent() == null
        || a.recent().size() != b || a.chosen() == null || a.chosen().length != b) {
      throw new BadInputException(Where.file(FILE), "the meta_learning model file does not match its manifest (format " + a.format() + ")",
          "re-save the model with this Quiver version");
    }
    FittedModel[] bases = new FittedModel[b];
    FittedModel[] routers = new FittedModel[b];
    for (int m = 0; m < b; m++) {
      bases[m] = in.readModel("base-" + m, families);
      Part router = a.routerParts().get(m);
      if (router != null) routers[m] = in.readModel("router-" + m, families);
    }
    State state = new State(a.window(), a.gap(), a.recent().toArray(new double[0][]));
    return new MetaLearningModel(a.features(), a.bases(), bases, routers, a.constants(), a.contextNames(), state, a.chosen(), a.learningCurve(),
        in.manifest().provenance());
  }
}
