package dev.quiver.ensemble;

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
import dev.quiver.model.logistic.Standardizer;
import java.util.List;
import java.util.Optional;

/**
 * A fitted {@link NonNegativeLinearFamily} model. Immutable and thread-safe. Saved as {@value
 * #FILE} (coefficients on the standardized inputs, intercept, means, stds); doubles round-trip
 * exactly.
 */
final class NonNegativeLinearModel implements FittedModel {

  static final String FILE = "nonneg_linear.json";
  static final String FORMAT = "quiver-nonneg-linear/1";

  private final Schema schema;
  private final double[] coef;
  private final double intercept;
  private final double[] mean;
  private final double[] std;
  private final Provenance provenance;

  NonNegativeLinearModel(List<String> features, Task task, double[] coef, double intercept, double[] mean, double[] std, Provenance provenance) {
    this.schema = new Schema(features, task);
    this.coef = coef.clone();
    this.intercept = intercept;
    this.mean = mean.clone();
    this.std = std.clone();
    this.provenance = provenance;
  }

  /** The saved form. */
  record Artifact(String format, String task, List<String> features, double[] coefficients, double intercept, double[] means, double[] stds) {}

  /** Coefficients on the standardized inputs, in column order (a copy). */
  double[] coefficients() {
    return coef.clone();
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    int rows = x.rows();
    double[] z = new double[coef.length];
    double[] out = new double[rows];
    boolean binary = schema.task() == Task.BINARY;
    for (int r = 0; r < rows; r++) {
      Standardizer.row(x, r, mean, std, z);
      double s = intercept;
      for (int j = 0; j < z.length; j++) s += coef[j] * z[j];
      out[r] = binary ? NonNegativeLinearTrainer.sigmoid(s) : s;
    }
    return new Predictions(schema.task(), out);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.of(FeatureImportance.absCoefficients(schema.features(), coef));
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, schema.task().name(), schema.features(), coef, intercept, mean, std));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static NonNegativeLinearModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int n = schema.features().size();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || a.coefficients() == null || a.coefficients().length != n
        || a.means() == null || a.means().length != n || a.stds() == null || a.stds().length != n) {
      throw new BadInputException(Where.file(FILE), "the nonneg_linear model file does not match its manifest (format " + a.format() + ", "
          + n + " features expected)", "re-save the model with this Quiver version");
    }
    return new NonNegativeLinearModel(a.features(), schema.task(), a.coefficients(), a.intercept(), a.means(), a.stds(), in.manifest().provenance());
  }
}
