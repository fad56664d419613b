package dev.quiver.model.ftrl;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.OnlineModel;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import java.util.List;
import java.util.Optional;

/**
 * A fitted FTRL-proximal logistic model (see {@link FtrlFamily}): P(class 1) = sigmoid(w_b + sum_j
 * w_j z_j) with z the standardized input and w derived from the saved FTRL state. Immutable and
 * thread-safe; {@link #partialFit} returns a new model that continued learning from this one's
 * state. Saved as one JSON file, {@value #FILE}, holding the scaling, the hyper-parameters and the
 * z and n arrays (doubles round-trip exactly), so a loaded model predicts bit-identically and
 * continues learning exactly as the saved one would. Importance is |w| per standardized input.
 */
public final class FtrlModel implements OnlineModel {

  static final String FILE = "ftrl.json";
  static final String FORMAT = "quiver-ftrl/1";

  private final Schema schema;
  private final FtrlState state;
  private final double[] weights;
  private final LearningCurve curve;
  private final Provenance provenance;

  /** The saved form; {@code z} and {@code n} have one entry per feature plus the intercept's, last. */
  record Artifact(String format, List<String> features, double alpha, double beta, double l1, double l2, double[] means, double[] stds,
      double[] z, double[] n, long rowsSeen, LearningCurve learningCurve) {}

  FtrlModel(List<String> features, FtrlState state, LearningCurve curve, Provenance provenance) {
    this.schema = new Schema(features, Task.BINARY);
    this.state = state.copy();
    this.weights = new double[state.z.length];
    this.state.weights(weights);
    this.curve = curve;
    this.provenance = provenance;
  }

  /** Rows learned from so far, over every pass of the fit and every later partial fit. */
  public long rowsSeen() {
    return state.rowsSeen;
  }

  @Override
  public FtrlModel partialFit(TrainSet rows) {
    schema.check(rows.x());
    if (rows.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "ftrl learns binary labels only, got a " + rows.task() + " target", "use a binary label");
    }
    FtrlState next = state.copy();
    float[] y = rows.y();
    for (int r = 0; r < rows.rows(); r++) next.learn(rows.x(), r, y[r]);
    return new FtrlModel(schema.features(), next, curve, provenance);
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    double[] out = new double[x.rows()];
    FtrlState.predict(x, state.mean, state.std, weights, out);
    return new Predictions(Task.BINARY, out);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.of(FeatureImportance.absCoefficients(schema.features(), weights));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(curve);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, schema.features(), state.alpha, state.beta, state.l1, state.l2, state.mean, state.std,
        state.z, state.n, state.rowsSeen, curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static FtrlModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int p = schema.features().size();
    if (!FORMAT.equals(a.format()) || !schema.features().equals(a.features()) || a.means() == null || a.means().length != p
        || a.stds() == null || a.stds().length != p || a.z() == null || a.z().length != p + 1 || a.n() == null || a.n().length != p + 1) {
      throw new BadInputException(Where.file(FILE), "the ftrl model file does not match its manifest (format " + a.format() + ", "
          + p + " features expected)", "re-save the model with this Quiver version");
    }
    FtrlState state = new FtrlState(a.alpha(), a.beta(), a.l1(), a.l2(), a.means(), a.stds(), a.z(), a.n(), a.rowsSeen());
    return new FtrlModel(a.features(), state, a.learningCurve(), in.manifest().provenance());
  }
}
