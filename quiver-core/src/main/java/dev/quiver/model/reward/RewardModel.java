package dev.quiver.model.reward;

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
 * A fitted reward-weighted logistic model: P(class 1) = sigmoid(intercept + sum_j coef_j z_j)
 * with z the standardized input. Immutable and thread-safe. Saved as one JSON file, {@value
 * #FILE}; doubles round-trip exactly, so a reloaded model predicts bit-identically. Importance is
 * |coefficient| per standardized input.
 */
final class RewardModel implements FittedModel {

  static final String FILE = "reward_based.json";
  static final String FORMAT = "quiver-reward-based/1";

  private final Schema schema;
  private final double[] coef;
  private final double intercept;
  private final double[] mean;
  private final double[] std;
  private final LearningCurve curve;
  private final Provenance provenance;

  record Artifact(String format, List<String> features, double[] coefficients, double intercept, double[] means, double[] stds,
      LearningCurve learningCurve) {}

  RewardModel(List<String> features, double[] coef, double intercept, double[] mean, double[] std, LearningCurve curve, Provenance provenance) {
    this.schema = new Schema(features, Task.BINARY);
    this.coef = coef.clone();
    this.intercept = intercept;
    this.mean = mean.clone();
    this.std = std.clone();
    this.curve = curve;
    this.provenance = provenance;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    double[] out = new double[x.rows()];
    RewardTrainer.probabilities(x, mean, std, coef, intercept, out);
    return new Predictions(Task.BINARY, out);
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
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), coef, intercept, mean, std, curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static RewardModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int n = schema.features().size();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || a.coefficients() == null || a.coefficients().length != n
        || a.means() == null || a.means().length != n || a.stds() == null || a.stds().length != n) {
      throw new BadInputException(Where.file(FILE), "the reward_based model file does not match its manifest (format " + a.format() + ", "
          + n + " features expected)", "re-save the model with this Quiver version");
    }
    return new RewardModel(a.features(), a.coefficients(), a.intercept(), a.means(), a.stds(), a.learningCurve(), in.manifest().provenance());
  }
}
