package dev.quiver.model.ngboost;

import dev.quiver.error.BadInputException;
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
import dev.quiver.model.tree.RegressionTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted NGBoost Normal model (see {@link NgBoostFamily}): for a row x, {@code mean = mean0 -
 * sum_k step_k * meanTree_k(x)} and {@code log std = logStd0 - sum_k step_k * logStdTree_k(x)},
 * summed in iteration order. Immutable and thread-safe. Saved as one JSON file, {@value #FILE}, with
 * the trees as arrays; floats and doubles round-trip exactly, so a reloaded model predicts
 * bit-identically.
 */
public final class NgBoostModel implements FittedModel {

  static final String FILE = "ngboost.json";
  static final String FORMAT = "quiver-ngboost/1";

  private final Schema schema;
  private final double mean0;
  private final double logStd0;
  private final double[] steps;
  private final List<RegressionTree> meanTrees;
  private final List<RegressionTree> logStdTrees;
  private final LearningCurve curve;
  private final Provenance provenance;

  record Artifact(String format, List<String> features, Task task, double mean0, double logStd0, double[] steps,
      List<RegressionTree> meanTrees, List<RegressionTree> logStdTrees, LearningCurve learningCurve) {}

  NgBoostModel(List<String> features, Task task, double mean0, double logStd0, double[] steps, List<RegressionTree> meanTrees,
      List<RegressionTree> logStdTrees, LearningCurve curve, Provenance provenance) {
    if (steps.length != meanTrees.size() || steps.length != logStdTrees.size()) throw new IllegalArgumentException("one step per tree pair");
    this.schema = new Schema(features, task);
    this.mean0 = mean0;
    this.logStd0 = logStd0;
    this.steps = steps.clone();
    this.meanTrees = List.copyOf(meanTrees);
    this.logStdTrees = List.copyOf(logStdTrees);
    this.curve = curve;
    this.provenance = provenance;
  }

  /** The predicted Normal distribution of each row of x. */
  public NormalForecast forecast(Matrix x) {
    schema.check(x);
    int n = x.rows();
    double[] mean = new double[n];
    double[] std = new double[n];
    for (int r = 0; r < n; r++) {
      double mu = mean0;
      double s = logStd0;
      for (int k = 0; k < steps.length; k++) {
        mu -= steps[k] * meanTrees.get(k).predict(x, r);
        s -= steps[k] * logStdTrees.get(k).predict(x, r);
      }
      mean[r] = mu;
      std[r] = Math.exp(s);
    }
    return new NormalForecast(mean, std);
  }

  /** Boosting iterations kept. */
  public int iterations() {
    return steps.length;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    double[] mean = forecast(x).mean();
    if (schema.task() == Task.BINARY) for (int i = 0; i < mean.length; i++) mean[i] = Math.min(1.0, Math.max(0.0, mean[i]));
    return new Predictions(schema.task(), mean);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    double[] gains = new double[schema.features().size()];
    for (RegressionTree t : meanTrees) t.addGains(gains);
    for (RegressionTree t : logStdTrees) t.addGains(gains);
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < gains.length; j++) values.put(schema.features().get(j), gains[j]);
    return Optional.of(new FeatureImportance("gain", values));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), schema.task(), mean0, logStd0, steps, meanTrees, logStdTrees, curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static NgBoostModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || schema.task() != a.task() || a.steps() == null
        || a.meanTrees() == null || a.logStdTrees() == null || a.meanTrees().size() != a.steps().length
        || a.logStdTrees().size() != a.steps().length) {
      throw new BadInputException(Where.file(FILE), "the ngboost model file does not match its manifest (format " + a.format() + ")",
          "re-save the model with this Quiver version");
    }
    int p = schema.features().size();
    for (List<RegressionTree> trees : List.of(a.meanTrees(), a.logStdTrees())) {
      for (RegressionTree t : trees) {
        for (int n = 0; n < t.nodes(); n++) {
          boolean leaf = t.feature()[n] < 0;
          if (!leaf && (t.feature()[n] >= p || t.left()[n] <= n || t.right()[n] <= n || t.left()[n] >= t.nodes() || t.right()[n] >= t.nodes())) {
            throw new BadInputException(Where.file(FILE), "an ngboost tree has a bad node " + n, "re-save the model with this Quiver version");
          }
        }
      }
    }
    return new NgBoostModel(a.features(), a.task(), a.mean0(), a.logStd0(), a.steps(), a.meanTrees(), a.logStdTrees(), a.learningCurve(),
        in.manifest().provenance());
  }
}
