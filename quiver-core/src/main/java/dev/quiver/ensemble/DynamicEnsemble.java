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
 * Members combined by a {@link DynamicCombiner} whose history was learned by replaying held-out
 * rows in time order ({@link #replay}): one regime, frozen after the replay. {@link #predict}
 * does not learn (a prediction has no outcome); for live use take {@link #combiner()} and feed it
 * results. Each row's value is the combiner's weighted prediction for that row, its agreement
 * term included. Thread-safe: each call works on its own copy of the frozen combiner. Saved as
 * {@value #FILE} (member names and the combiner's exact state) plus the members as nested models.
 */
public final class DynamicEnsemble implements FittedModel {

  public static final String FAMILY = "dynamic";
  static final String FILE = "dynamic.json";
  static final String FORMAT = "quiver-dynamic/1";

  private final List<Member> members;
  private final DynamicCombiner.State state;
  private final Schema schema;
  private final Provenance provenance;

  private DynamicEnsemble(List<Member> members, DynamicCombiner.State state, Provenance provenance) {
    this.members = List.copyOf(members);
    this.schema = MemberSet.schema(this.members);
    if (!state.models().equals(MemberSet.names(this.members)) || state.regimes() != 1) {
      throw new IllegalArgumentException("the combiner's models " + state.models() + " are not the members " + MemberSet.names(this.members));
    }
    this.state = state;
    this.provenance = provenance != null ? provenance : MemberSet.provenance(FAMILY, "balanced", Map.of(), this.members, schema);
  }

  /** The saved form. */
  record Artifact(String format, List<String> members, DynamicCombiner.State state) {}

  /**
   * Replays held-out rows in order: each row is combined, then every member's result is
   * recorded: {@code won} when its vote (above or below the settings' center) matches the target
   * (class 1 is up for binary; a positive target is up for regression) and no profit (the
   * held-out rows carry no returns).
   *
   * @param heldOut member predictions {@code [member][row]} on rows they were not fitted on, in time order
   */
  public static DynamicEnsemble replay(List<Member> members, double[][] heldOut, float[] y, Task task, DynamicCombiner.Settings settings) {
    DynamicCombiner c = new DynamicCombiner(MemberSet.names(members), 1, settings);
    int k = members.size();
    double[] row = new double[k];
    double center = settings.center();
    for (int r = 0; r < y.length; r++) {
      for (int i = 0; i < k; i++) row[i] = heldOut[i][r];
      c.combine(0, row);
      boolean up = task == Task.BINARY ? y[r] == 1f : y[r] > 0;
      for (int i = 0; i < k; i++) {
        if (row[i] == center) continue;
        c.updatePerformance(i, (row[i] > center) == up, 0.0, 0);
      }
    }
    return new DynamicEnsemble(members, c.state(), null);
  }

  public List<Member> members() {
    return members;
  }

  /** A fresh combiner in the frozen state, to keep learning from live results. */
  public DynamicCombiner combiner() {
    return DynamicCombiner.restore(state);
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    double[][] p = MemberSet.predict(members, x);
    DynamicCombiner c = combiner();
    int k = p.length;
    double[] row = new double[k];
    double[] out = new double[x.rows()];
    for (int r = 0; r < out.length; r++) {
      for (int i = 0; i < k; i++) row[i] = p[i][r];
      out[r] = c.combine(0, row);
    }
    return new Predictions(schema.task(), out);
  }

  /** Members' importances weighted by the combiner's weights at a neutral prediction (no agreement term). */
  @Override
  public Optional<FeatureImportance> importance() {
    double[] neutral = new double[members.size()];
    java.util.Arrays.fill(neutral, state.settings().center());
    DynamicCombiner c = combiner();
    c.combine(0, neutral);
    return WeightedImportance.of(members, c.lastWeights());
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, MemberSet.names(members), state));
    MemberSet.save(members, out);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static DynamicEnsemble load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    if (!FORMAT.equals(a.format()) || a.members() == null || a.state() == null) {
      throw new BadInputException(Where.file(FILE), "not a dynamic ensemble file (format " + a.format() + ")", "re-save the ensemble with this Quiver version");
    }
    DynamicCombiner.State st = DynamicCombiner.fromJsonState(a.state(), FILE);
    return new DynamicEnsemble(MemberSet.load(in, a.members()), st, in.manifest().provenance());
  }
}
