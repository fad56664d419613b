package dev.quiver.model.linear;

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
import dev.quiver.model.logistic.Standardizer;
import java.util.List;
import java.util.Optional;

/**
 * A fitted linear model of the standardized inputs: {@code f = intercept + sum_j coef_j * z_j}
 * with {@code z = (x - mean) / std} (a missing or infinite input is the training mean, z = 0).
 * For {@link Task#REGRESSION} the prediction is f; for {@link Task#BINARY} the model was fitted by
 * least squares on the 0/1 label (a linear probability model) and the prediction is f clipped to
 * [0, 1], read as P(class 1): ranking (AUC) is that of f, and probabilities outside [0, 1] never
 * appear. Importance is |coef| (in target units per standard deviation of the input). Immutable and
 * thread-safe. Saved as one JSON file, {@value #FILE}; doubles round-trip exactly, so a reloaded
 * model predicts bit-identically. Shared by ridge and elastic_net; the manifest names the family.
 */
public final class LinearModel implements FittedModel {

  static final String FILE = "linear.json";
  static final String FORMAT = "quiver-linear/1";

  private final Schema schema;
  private final double[] coef;
  private final double intercept;
  private final double[] mean;
  private final double[] std;
  private final LearningCurve curve;
  private final Provenance provenance;

  /** The saved form. */
  record Artifact(String format, List<String> features, Task task, double[] coefficients, double intercept, double[] means, double[] stds,
      LearningCurve learningCurve) {}

  LinearModel(List<String> features, Task task, double[] coef, double intercept, double[] mean, double[] std, LearningCurve curve,
      Provenance provenance) {
    this.schema = new Schema(features, task);
    this.coef = coef.clone();
    this.intercept = intercept;
    this.mean = mean.clone();
    this.std = std.clone();
    this.curve = curve;
    this.provenance = provenance;
  }

  /** Coefficients per standardized input, in target units, in feature order. */
  public double[] coefficients() {
    return coef.clone();
  }

  public double intercept() {
    return intercept;
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
    boolean binary = schema.task() == Task.BINARY;
    double[] z = new double[cols];
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      Standardizer.row(x, r, mean, std, z);
      double f = intercept;
      for (int j = 0; j < cols; j++) f += coef[j] * z[j];
      out[r] = binary ? Math.min(1.0, Math.max(0.0, f)) : f;
    }
    return new Predictions(schema.task(), out);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.of(FeatureImportance.absCoefficients(schema.features(), coef));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), schema.task(), coef, intercept, mean, std, curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static LinearModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int n = schema.features().size();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || schema.task() != a.task() || a.coefficients() == null
        || a.coefficients().length != n || a.means() == null || a.means().length != n || a.stds() == null || a.stds().length != n) {
      throw new BadInputException(Where.file(FILE), "the linear model file does not match its manifest (format " + a.format() + ", "
          + n + " features expected)", "re-save the model with this Quiver version");
    }
    return new LinearModel(a.features(), a.task(), a.coefficients(), a.intercept(), a.means(), a.stds(), a.learningCurve(),
        in.manifest().provenance());
  }
}
