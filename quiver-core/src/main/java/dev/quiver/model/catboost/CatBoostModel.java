package dev.quiver.model.catboost;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
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
 * A fitted {@link CatBoostFamily} model: raw score = {@code bias} + the leaf value of each
 * oblivious tree, P(class 1) = sigmoid(raw score) for {@link Task#BINARY}, the raw score itself for
 * {@link Task#REGRESSION}. Categorical columns are first replaced by their categories' target
 * statistics. A tree's leaf index is built with bit operations from its levels' comparisons, so
 * prediction is {@code depth} comparisons and one array read per tree.
 *
 * <p>Saved as one JSON file, {@value #FILE}: the quantisation borders of every column, the
 * categorical statistics, the trees (split feature and border per level, leaf values), the bias,
 * gain importance and the learning curve. Floats and doubles round-trip exactly and the trees are
 * summed in the same order, so a reloaded model predicts bit-identically. Immutable and
 * thread-safe.
 */
final class CatBoostModel implements FittedModel {

  static final String FILE = "catboost.json";
  static final String FORMAT = "quiver-catboost/1";

  private final Schema schema;
  private final double bias;
  private final float[][] borders;
  private final List<CategoricalFeature> categorical;
  private final List<ObliviousTree> trees;
  private final double[] gain;
  private final LearningCurve curve;
  private final String boostingType;
  private final Provenance provenance;
  private final int depth;
  private final int[] splitFeature;
  private final float[] splitBorder;
  private final double[] leafValue;

  /** The saved form. */
  record Artifact(String format, List<String> features, Task task, String boostingType, double bias, float[][] borders,
      List<CategoricalFeature> categorical, List<ObliviousTree> trees, double[] gain, LearningCurve learningCurve) {}

  CatBoostModel(List<String> features, Task task, double bias, float[][] borders, List<CategoricalFeature> categorical,
      List<ObliviousTree> trees, double[] gain, LearningCurve curve, String boostingType, Provenance provenance) {
    this.schema = new Schema(features, task);
    this.bias = bias;
    this.borders = new float[borders.length][];
    for (int j = 0; j < borders.length; j++) this.borders[j] = borders[j].clone();
    this.categorical = List.copyOf(categorical);
    this.trees = List.copyOf(trees);
    this.gain = gain.clone();
    this.curve = curve;
    this.boostingType = boostingType;
    this.provenance = provenance;
    this.depth = this.trees.isEmpty() ? 0 : this.trees.get(0).depth();
    int t = this.trees.size();
    this.splitFeature = new int[t * depth];
    this.splitBorder = new float[t * depth];
    this.leafValue = new double[t << depth];
    for (int k = 0; k < t; k++) {
      ObliviousTree tree = this.trees.get(k);
      if (tree.depth() != depth) throw new IllegalArgumentException("tree " + k + " has depth " + tree.depth() + ", tree 0 has " + depth);
      System.arraycopy(tree.features(), 0, splitFeature, k * depth, depth);
      System.arraycopy(tree.borders(), 0, splitBorder, k * depth, depth);
      System.arraycopy(tree.leaves(), 0, leafValue, k << depth, 1 << depth);
    }
  }

  int treeCount() {
    return trees.size();
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    int rows = x.rows();
    int cols = x.cols();
    float[] data = x.data();
    int offset = x.offset();
    float[] row = new float[cols];
    double[] out = new double[rows];
    List<Problem> problems = new ArrayList<>();
    int cats = categorical.size();
    int[] catColumn = new int[cats];
    for (int c = 0; c < cats; c++) catColumn[c] = categorical.get(c).column();
    int t = trees.size();
    for (int r = 0; r < rows; r++) {
      System.arraycopy(data, (offset + r) * cols, row, 0, cols);
      for (int c = 0; c < cats; c++) {
        float v = row[catColumn[c]];
        int code;
        if (Float.isNaN(v)) code = CategoricalColumns.MISSING;
        else if (v == Math.rint(v) && v > Integer.MIN_VALUE && v < Integer.MAX_VALUE) code = (int) v;
        else {
          if (problems.size() < 20) {
            problems.add(new Problem(Where.cell("input rows", r + 1L, schema.features().get(catColumn[c])), String.valueOf(v),
                "category_not_integer", "a categorical column must hold whole-number category codes"));
          }
          code = CategoricalColumns.MISSING;
        }
        row[catColumn[c]] = categorical.get(c).statistics().value(code);
      }
      double s = bias;
      for (int k = 0; k < t; k++) {
        int base = k * depth;
        int idx = 0;
        for (int d = 0; d < depth; d++) if (row[splitFeature[base + d]] > splitBorder[base + d]) idx |= 1 << d;
        s += leafValue[(k << depth) | idx];
      }
      out[r] = schema.task() == Task.BINARY ? Loss.sigmoid(s) : s;
    }
    CategoricalColumns.failOn(problems);
    return new Predictions(schema.task(), out);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < gain.length; j++) values.put(schema.features().get(j), gain[j]);
    return Optional.of(new FeatureImportance("gain", values));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.of(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), schema.task(), boostingType, bias, borders, categorical, trees, gain, curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static CatBoostModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int n = schema.features().size();
    boolean ok = FORMAT.equals(a.format()) && schema.features().equals(a.features()) && a.task() == schema.task()
        && a.borders() != null && a.borders().length == n && a.gain() != null && a.gain().length == n && a.trees() != null
        && a.categorical() != null && a.learningCurve() != null;
    if (ok) {
      int depth = a.trees().isEmpty() ? 0 : a.trees().get(0).depth();
      for (ObliviousTree tree : a.trees()) {
        if (tree.depth() != depth) ok = false;
        for (int f : tree.features()) if (f < 0 || f >= n) ok = false;
      }
      for (CategoricalFeature c : a.categorical()) if (c.column() < 0 || c.column() >= n) ok = false;
    }
    if (!ok) {
      throw new BadInputException(Where.file(FILE), "the catboost model file does not match its manifest (format " + a.format() + ", "
          + n + " features expected)", "re-save the model with this Quiver version");
    }
    return new CatBoostModel(a.features(), a.task(), a.bias(), a.borders(), a.categorical(), a.trees(), a.gain(), a.learningCurve(),
        a.boostingType(), in.manifest().provenance());
  }
}
