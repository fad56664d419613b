package dev.quiver.model.logistic;

import de.bwaldvogel.liblinear.Linear;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.List;
import java.util.Optional;

/**
 * A fitted logistic regression: P(class 1) = sigmoid(intercept + sum_j coef_j * z_j) with z the
 * standardized input (see {@link LogisticFamily}). Immutable and thread-safe. Saved as one JSON
 * file, {@value #FILE}, holding the class-1 coefficients, intercept, means and stds; doubles
 * round-trip exactly, so a reloaded model predicts bit-identically.
 */
final class LogisticModel implements FittedModel {

  static final String FILE = "logistic.json";
  static final String FORMAT = "quiver-logistic/1";

  private final Schema schema;
  private final double[] coef;
  private final double intercept;
  private final double[] mean;
  private final double[] std;
  private final String solver;
  private final Provenance provenance;

  LogisticModel(List<String> features, double[] coef, double intercept, double[] mean, double[] std, String solver, Provenance provenance) {
    this.schema = new Schema(features, Task.BINARY);
    this.coef = coef.clone();
    this.intercept = intercept;
    this.mean = mean.clone();
    this.std = std.clone();
    this.solver = solver;
    this.provenance = provenance;
  }

  /** The saved form. */
  record Artifact(String format, List<String> features, double[] coefficients, double intercept, double[] means, double[] stds, String solver) {}

  static String liblinearVersion() {
    int v = Linear.getVersion();
    return (v / 100) + "." + (v % 100);
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
    double[] z = new double[cols];
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      Standardizer.row(x, r, mean, std, z);
      double s = intercept;
      for (int j = 0; j < cols; j++) s += coef[j] * z[j];
      out[r] = s >= 0 ? 1.0 / (1.0 + Math.exp(-s)) : Math.exp(s) / (1.0 + Math.exp(s));
    }
    return new Predictions(Task.BINARY, out);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.of(FeatureImportance.absCoefficients(schema.features(), coef));
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), coef, intercept, mean, std, solver));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static LogisticModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int n = schema.features().size();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || a.coefficients() == null || a.coefficients().length != n
        || a.means() == null || a.means().length != n || a.stds() == null || a.stds().length != n) {
      throw new BadInputException(Where.file(FILE), "the logistic model file does not match its manifest (format " + a.format() + ", "
          + n + " features expected)", "re-save the model with this Quiver version");
    }
    return new LogisticModel(a.features(), a.coefficients(), a.intercept(), a.means(), a.stds(), a.solver(), in.manifest().provenance());
  }
}
