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
 * A two-stage binary cascade: the cheap model scores every row; a row passes when the cheap
 * probability is at least {@code margin} away from 0.5 (the cheap model sees a possible trade),
 * and only passing rows are scored by the expensive model, whose probability is the row's value;
 * every other row gets 0.5 (no view). {@link #run} also reports the share of rows the expensive
 * model scored: {@code 1 - share} is the expensive compute saved. Immutable and thread-safe.
 * Saved as {@value #FILE} plus the two models as nested models {@code cheap} and {@code expensive}.
 */
public final class CascadeModel implements FittedModel {

  public static final String FAMILY = "cascade";
  static final String FILE = "cascade.json";
  static final String FORMAT = "quiver-cascade/1";

  private final FittedModel cheap;
  private final FittedModel expensive;
  private final double margin;
  private final Schema schema;
  private final Provenance provenance;

  /** The predictions of a cascade and the share of rows that reached the expensive model. */
  public record Run(double[] values, int expensiveRows, int rows) {

    /** Fraction of rows the expensive model scored, in [0, 1]. */
    public double expensiveShare() {
      return rows == 0 ? 0 : (double) expensiveRows / rows;
    }
  }

  /** The saved form. */
  record Artifact(String format, double margin) {}

  public CascadeModel(FittedModel cheap, FittedModel expensive, double margin) {
    this(cheap, expensive, margin, null);
  }

  private CascadeModel(FittedModel cheap, FittedModel expensive, double margin, Provenance provenance) {
    if (!(margin >= 0 && margin < 0.5)) throw new IllegalArgumentException("cascade margin must be in [0, 0.5), got " + margin);
    this.schema = MemberSet.schema(List.of(new Member("cheap", cheap), new Member("expensive", expensive)));
    if (schema.task() != Task.BINARY) throw new BadInputException(Where.none(), "a cascade needs binary models, these predict " + schema.task(), "train binary models");
    this.cheap = cheap;
    this.expensive = expensive;
    this.margin = margin;
    this.provenance = provenance != null ? provenance
        : MemberSet.provenance(FAMILY, "balanced", Map.of("margin", String.valueOf(margin)), List.of(new Member("cheap", cheap)), schema);
  }

  public double margin() {
    return margin;
  }

  /** Scores {@code x}: every row by the cheap model, the passing rows (gathered into one matrix) by the expensive one. */
  public Run run(Matrix x) {
    double[] first = cheap.predict(x).values();
    int n = first.length;
    int passing = 0;
    for (double p : first) if (Math.abs(p - 0.5) >= margin) passing++;
    int[] rows = new int[passing];
    for (int r = 0, k = 0; r < n; r++) if (Math.abs(first[r] - 0.5) >= margin) rows[k++] = r;
    double[] out = new double[n];
    java.util.Arrays.fill(out, 0.5);
    if (passing > 0) {
      double[] second = expensive.predict(RowSelection.rows(x, rows)).values();
      for (int k = 0; k < passing; k++) out[rows[k]] = second[k];
    }
    return new Run(out, passing, n);
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    return new Predictions(Task.BINARY, run(x).values());
  }

  @Override
  public Optional<FeatureImportance> importance() {
    return expensive.importance();
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeJson(FILE, new Artifact(FORMAT, margin));
    out.writeModel("cheap", cheap);
    out.writeModel("expensive", expensive);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  static CascadeModel load(ArtifactReader in) {
    Artifact a = in.readJson(FILE, Artifact.class);
    if (!FORMAT.equals(a.format())) {
      throw new BadInputException(Where.file(FILE), "not a cascade file (format " + a.format() + ")", "re-save the model with this Quiver version");
    }
    var families = dev.quiver.model.ModelFamilies.discover();
    return new CascadeModel(in.readModel("cheap", families), in.readModel("expensive", families), a.margin(), in.manifest().provenance());
  }
}
