package dev.quiver.regime;

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
 * A fitted {@link GmmRegimeFamily} model. Immutable and thread-safe. Saved as {@value #FILE}
 * (standardization, mixture, per-regime targets); doubles round-trip exactly.
 */
public final class GmmRegimeModel implements FittedModel {

  static final String FILE = "gmm_regime.json";
  static final String FORMAT = "quiver-gmm-regime/1";

  private final Schema schema;
  private final double[] mean;
  private final double[] std;
  private final GaussianMixture mixture;
  private final double[] regimeTarget;
  private final double overall;
  private final Provenance provenance;

  GmmRegimeModel(List<String> features, Task task, double[] mean, double[] std, GaussianMixture mixture, double[] regimeTarget, double overall,
      Provenance provenance) {
    this.schema = new Schema(features, task);
    this.mean = mean.clone();
    this.std = std.clone();
    this.mixture = mixture;
    this.regimeTarget = regimeTarget.clone();
    this.overall = overall;
    this.provenance = provenance;
  }

  /** The saved form. */
  record Artifact(String format, double[] mean, double[] std, double[] weights, double[][] means, double[][][] covariances, double[] regimeTarget,
      double overall) {}

  static double[] standardized(Matrix x, int r, double[] mean, double[] std) {
    double[] z = new double[mean.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = (x.get(r, j) - mean[j]) / std[j];
      if (!Double.isFinite(z[j])) return null;
    }
    return z;
  }

  public int regimes() {
    return mixture.components();
  }

  /** The most probable regime of each row (0 = lowest mean of the ordering feature), -1 for a row with a missing feature. */
  public int[] regimes(Matrix x) {
    schema.check(x);
    int[] out = new int[x.rows()];
    double[] post = new double[mixture.components()];
    for (int r = 0; r < out.length; r++) {
      double[] z = standardized(x, r, mean, std);
      out[r] = z == null ? -1 : mixture.classify(z, post);
    }
    return out;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    double[] out = new double[x.rows()];
    double[] post = new double[mixture.components()];
    for (int r = 0; r < out.length; r++) {
      double[] z = standardized(x, r, mean, std);
      if (z == null) {
        out[r] = overall;
        continue;
      }
      mixture.posterior(z, post);
      double v = 0;
      for (int j = 0; j < post.length; j++) v += post[j] * regimeTarget[j];
      out[r] = v;
    }
    return new Predictions(schema.task(), out);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.empty();
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, mean, std, mixture.weights(), mixture.means(), mixture.covariances(), regimeTarget, overall));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static GmmRegimeModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    int d = schema.features().size();
    if (!FORMAT.equals(a.format()) || a.mean() == null || a.mean().length != d || a.std() == null || a.std().length != d || a.weights() == null
        || a.means() == null || a.covariances() == null || a.regimeTarget() == null || a.regimeTarget().length != a.weights().length) {
      throw new BadInputException(Where.file(FILE), "the gmm_regime model file does not match its manifest (format " + a.format() + ")",
          "re-save the model with this Quiver version");
    }
    return new GmmRegimeModel(schema.features(), schema.task(), a.mean(), a.std(), new GaussianMixture(a.weights(), a.means(), a.covariances()),
        a.regimeTarget(), a.overall(), in.manifest().provenance());
  }
}
