package dev.quiver.ensemble;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members whose predictions feed a meta-model: what {@link Stacking#fit} builds, with the
 * meta-model trained on out-of-fold member predictions only. The meta-model's input columns are
 * {@value #MEMBER_PREFIX}{@code <member>} per member, in member order (a binary member's
 * probability enters as its logit, {@code log(p / (1 - p))} with p clipped to [1e-6, 1 - 1e-6]),
 * then, with pass-through, the raw features. Immutable and thread-safe. Saved as {@value #FILE}
 * (member names, pass-through flag), the members as nested models {@code member-<i>} and the
 * meta-model as the nested model {@code meta}.
 */
public final class StackingEnsemble implements FittedModel {

  /** Prefix of the meta-model's columns that hold member predictions. */
  public static final String MEMBER_PREFIX = "oof:";
  public static final String FAMILY = "stacking";
  static final String FILE = "stacking.json";
  static final String FORMAT = "quiver-stacking/1";
  private static final double CLIP = 1e-6;

  private final List<Member> members;
  private final FittedModel meta;
  private final boolean passthrough;
  private final Schema schema;
  private final Provenance provenance;

  /**
   * @param meta a model over {@link #metaColumns} of these members; it must have been fitted on
   *     predictions the members made for rows they were not trained on
   */
  public StackingEnsemble(List<Member> members, FittedModel meta, boolean passthrough, Map<String, String> params) {
    this(members, meta, passthrough, null, params);
  }

  private StackingEnsemble(List<Member> members, FittedModel meta, boolean passthrough, Provenance provenance, Map<String, String> params) {
    this.members = List.copyOf(members);
    this.schema = MemberSet.schema(this.members);
    this.passthrough = passthrough;
    List<String> expected = metaColumns(MemberSet.names(this.members), schema.features(), passthrough);
    if (!meta.inputSchema().features().equals(expected)) {
      throw new BadInputException(Where.none(), "the stacking meta-model takes " + meta.inputSchema().features() + " but the members give " + expected,
          "fit the meta-model on this ensemble's meta columns");
    }
    this.meta = meta;
    this.provenance = provenance != null ? provenance : MemberSet.provenance(FAMILY, meta.provenance().family(), params, this.members, schema);
  }

  /** The saved form. */
  record Artifact(String format, List<String> members, boolean passthrough) {}

  /** The meta-model's input columns for members named {@code names} over {@code features}. */
  public static List<String> metaColumns(List<String> names, List<String> features, boolean passthrough) {
    List<String> out = new ArrayList<>();
    for (String n : names) out.add(MEMBER_PREFIX + n);
    if (passthrough) out.addAll(features);
    return out;
  }

  /**
   * The meta-model's input: member predictions {@code memberPredictions[member][row]} (logits for
   * binary), then the rows of {@code raw} when {@code passthrough}.
   */
  static Matrix metaInput(double[][] memberPredictions, Task task, Matrix raw, boolean passthrough, List<String> columns) {
    int rows = raw.rows();
    int k = memberPredictions.length;
    int cols = columns.size();
    float[] data = new float[rows * cols];
    for (int m = 0; m < k; m++) {
      double[] p = memberPredictions[m];
      for (int r = 0; r < rows; r++) data[r * cols + m] = (float) (task == Task.BINARY ? logit(p[r]) : p[r]);
    }
    if (passthrough) {
      int f = raw.cols();
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < f; j++) data[r * cols + k + j] = raw.get(r, j);
      }
    }
    return new Matrix(data, rows, cols, columns);
  }

  static double logit(double p) {
    double c = Math.min(1 - CLIP, Math.max(CLIP, p));
    return Math.log(c / (1 - c));
  }

  public List<Member> members() {
    return members;
  }

  public FittedModel meta() {
    return meta;
  }

  public boolean passthrough() {
    return passthrough;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    double[][] p = MemberSet.predict(members, x);
    Matrix in = metaInput(p, schema.task(), x, passthrough, meta.inputSchema().features());
    return new Predictions(schema.task(), meta.predict(in).values());
  }

  /** The meta-model's importance over its columns (member predictions and pass-through features). */
  @Override
  public Optional<FeatureImportance> importance() {
    return meta.importance();
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, MemberSet.names(members), passthrough));
    MemberSet.save(members, out);
    out.writeModel("meta", meta);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static StackingEnsemble load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    if (!FORMAT.equals(a.format()) || a.members() == null) {
      throw new BadInputException(Where.file(FILE), "not a stacking ensemble file (format " + a.format() + ")", "re-save the ensemble with this Quiver version");
    }
    List<Member> members = MemberSet.load(in, a.members());
    FittedModel meta = in.readModel("meta", ModelFamilies.discover());
    return new StackingEnsemble(members, meta, a.passthrough(), in.manifest().provenance(), Map.of());
  }
}
