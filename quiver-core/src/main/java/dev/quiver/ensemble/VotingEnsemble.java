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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed weighted vote of fitted members (see {@link Voting}): what the {@code voting} and
 * {@code caruana} families produce. Weights are non-negative and sum to 1. Immutable and
 * thread-safe. Saved as {@value #FILE} (voting mode, member names, weights) plus each member as a
 * nested model {@code member-<i>}; doubles round-trip exactly, so a reloaded ensemble predicts
 * bit-identically.
 */
public final class VotingEnsemble implements FittedModel {

  static final String FILE = "ensemble.json";
  static final String FORMAT = "quiver-voting/1";

  private final List<Member> members;
  private final double[] weights;
  private final Voting voting;
  private final Schema schema;
  private final Provenance provenance;

  /**
   * @param family the combiner's family name ({@code voting} or {@code caruana}), recorded in the provenance
   * @param weights one per member, non-negative, not all zero; scaled to sum 1
   */
  public VotingEnsemble(String family, List<Member> members, double[] weights, Voting voting) {
    this(members, weights, voting, null, family);
  }

  private VotingEnsemble(List<Member> members, double[] weights, Voting voting, Provenance provenance, String family) {
    this.members = List.copyOf(members);
    this.schema = MemberSet.schema(this.members);
    if (weights.length != this.members.size()) throw new IllegalArgumentException(weights.length + " weights for " + this.members.size() + " members");
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("voting weights must be finite and non-negative, got " + w);
      sum += w;
    }
    if (sum <= 0) throw new IllegalArgumentException("voting weights sum to 0");
    this.weights = Weighting.normalised(weights);
    if (voting == Voting.HARD && schema.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "hard voting needs binary members, these predict " + schema.task(), "use soft voting for regression");
    }
    this.voting = voting;
    this.provenance = provenance != null ? provenance
        : MemberSet.provenance(family, voting.name().toLowerCase(java.util.Locale.ROOT), Map.of("voting", voting.name()), this.members, schema);
  }

  /** The saved form. */
  record Artifact(String format, String voting, List<String> members, double[] weights) {}

  public List<Member> members() {
    return members;
  }

  /** The weights, in member order, summing to 1 (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  public Voting voting() {
    return voting;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    double[][] p = MemberSet.predict(members, x);
    int rows = x.rows();
    double[] out = new double[rows];
    for (int m = 0; m < p.length; m++) {
      double w = weights[m];
      double[] pm = p[m];
      if (voting == Voting.SOFT) {
        for (int r = 0; r < rows; r++) out[r] += w * pm[r];
      } else {
        for (int r = 0; r < rows; r++) if (pm[r] >= 0.5) out[r] += w;
      }
    }
    return new Predictions(schema.task(), out);
  }

  /** The members' importances, each scaled to sum 1 and weighted by the member's weight; empty when no member has one. */
  @Override
  public Optional<FeatureImportance> importance() {
    return WeightedImportance.of(members, weights);
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, voting.name(), MemberSet.names(members), weights));
    MemberSet.save(members, out);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static VotingEnsemble load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    if (!FORMAT.equals(a.format()) || a.members() == null || a.weights() == null) {
      throw new BadInputException(Where.file(FILE), "not a voting ensemble file (format " + a.format() + ")", "re-save the ensemble with this Quiver version");
    }
    MemberSet.checkLength(FILE, "weights", a.members().size(), a.weights().length);
    List<Member> members = MemberSet.load(in, a.members());
    return new VotingEnsemble(members, a.weights(), Voting.valueOf(a.voting()), in.manifest().provenance(), null);
  }
}
