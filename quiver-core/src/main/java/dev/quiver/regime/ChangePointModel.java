package dev.quiver.regime;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.features.BayesianChangePoint;
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
 * A fitted {@link ChangePointFamily} model. Each {@link #predict} call runs a fresh detector over
 * the rows it is given, in order, so row i's value depends on rows 0..i of that call only: give it
 * a contiguous, time-ordered block of one series. Immutable and thread-safe (each call has its own
 * detector). Saved as {@value #FILE}; doubles round-trip exactly.
 */
public final class ChangePointModel implements FittedModel {

  static final String FILE = "change_point.json";
  static final String FORMAT = "quiver-change-point/1";

  private final Schema schema;
  private final Detector detector;
  private final double settled;
  private final double unsettled;
  private final Provenance provenance;

  ChangePointModel(List<String> features, Task task, Detector detector, double settled, double unsettled, Provenance provenance) {
    this.schema = new Schema(features, task);
    this.detector = detector;
    this.settled = settled;
    this.unsettled = unsettled;
    this.provenance = provenance;
  }

  /**
   * The detector's settings: the column it reads, the expected run (hazard 1 / expectedRun), the
   * window of the probability, the longest tracked run, and the Normal-Gamma prior's centre and
   * scale (the column's training mean and population variance).
   */
  record Detector(int column, int expectedRun, int within, int maxRun, double mean, double variance) {

    /** P(a change within the last {@code within} rows) of each row, from that row and the earlier ones only. */
    double[] probabilities(Matrix x) {
      BayesianChangePoint bocpd = new BayesianChangePoint(expectedRun, mean, 1.0, 1.0, variance, maxRun);
      double[] p = new double[x.rows()];
      for (int r = 0; r < p.length; r++) {
        bocpd.update(x.get(r, column));
        p[r] = Math.min(1.0, Math.max(0.0, bocpd.probabilityRunAtMost(within)));
      }
      return p;
    }
  }

  /** The saved form. */
  record Artifact(String format, int column, int expectedRun, int within, int maxRun, double mean, double variance, double settled,
      double unsettled) {}

  /** The change-point probability of each row of {@code x}, in [0, 1]: the regime signal. */
  public double[] changeProbability(Matrix x) {
    schema.check(x);
    return detector.probabilities(x);
  }

  /** The mean target of the settled regime (p = 0) and of the unsettled one (p = 1). */
  public double[] regimeTargets() {
    return new double[] {settled, unsettled};
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    double[] p = changeProbability(x);
    for (int r = 0; r < p.length; r++) p[r] = (1 - p[r]) * settled + p[r] * unsettled;
    return new Predictions(schema.task(), p);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return Optional.empty();
  }

  @Override
  public void save(ArtifactWriter out) {
    Detector d = detector;
    out.writeJson(FILE, new Artifact(FORMAT, d.column(), d.expectedRun(), d.within(), d.maxRun(), d.mean(), d.variance(), settled, unsettled));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static ChangePointModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    Schema schema = in.manifest().schema();
    if (!FORMAT.equals(a.format()) || a.column() < 0 || a.column() >= schema.features().size() || a.expectedRun() < 2 || a.maxRun() < 1
        || !(a.variance() > 0)) {
      throw new BadInputException(Where.file(FILE), "the change_point model file does not match its manifest (format " + a.format() + ")",
          "re-save the model with this Quiver version");
    }
    return new ChangePointModel(schema.features(), schema.task(),
        new Detector(a.column(), a.expectedRun(), a.within(), a.maxRun(), a.mean(), a.variance()), a.settled(), a.unsettled(),
        in.manifest().provenance());
  }
}
