package dev.quiver.regime;

import dev.quiver.error.BadInputException;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code change_point}: Bayesian online change-point detection ({@link
 * dev.quiver.features.BayesianChangePoint}, constant hazard {@code 1 / expected_run}) over one
 * feature column, read row by row in the order given, as a regime signal. A row's change-point
 * probability is P(a change within the last {@code within} rows), from that row and the rows
 * before it only (causal). Two regimes, settled and unsettled, each with its mean target on the
 * training rows weighted by (1 - p) and p, shrunk towards the overall mean by {@code prior}
 * pseudo-rows; a row's prediction is {@code (1 - p) * settled + p * unsettled}, a
 * change-point-conditional base rate (P(class 1) for binary). The probability itself is
 * {@link ChangePointModel#changeProbability}. The column is {@code column}, or with {@code auto}
 * {@code ret_1}, else {@code price_change} (seed12), else the first {@code ret_K} feature, else column 0. The prior is centred on the
 * training mean of the column with its training variance as scale. Deterministic; constructing
 * the family does no work.
 */
public final class ChangePointFamily extends DeclaredFamily {

  public static final String NAME = "change_point";

  static final Params DEFAULTS = Params.declare(List.of(
      new Param("column", "auto", "feature the detector reads (auto: ret_1, else price_change, else the first ret_K, else column 0)", 0, 0, List.of()),
      Param.integer("expected_run", 250, 2, 10_000_000, "expected rows between changes: the hazard is 1 / expected_run"),
      Param.integer("within", 5, 0, 10_000, "a row's signal is P(a change within the last `within` rows)"),
      Param.integer("max_run", 500, 1, 100_000, "longest run length tracked; longer runs are merged (work per row is O(max_run))"),
      Param.real("prior", 20.0, 0.0, 1e9, "pseudo-rows of the overall mean target added to each regime's mean")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("expected_run", 1000),
      "balanced", Map.of(),
      "aggressive", Map.of("expected_run", 60, "prior", 5.0));

  public ChangePointFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return (train, validation, ctx, info) -> fit(params, train, ctx, info);
  }

  private static FittedModel fit(Params params, TrainSet train, TrainContext ctx, FitInfo info) {
    Matrix x = train.x();
    int col = column(params.getString("column"), x.names());
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int r = 0; r < x.rows(); r++) {
      double v = x.get(r, col);
      if (Double.isFinite(v)) {
        sum += v;
        sq += v * v;
        n++;
      }
    }
    if (n < 10) throw new BadInputException("change_point needs at least 10 training rows with a finite " + x.names().get(col) + ", got " + n);
    double mean = sum / n;
    double variance = Math.max(sq / n - mean * mean, 1e-300);
    ChangePointModel.Detector d = new ChangePointModel.Detector(col, params.getInt("expected_run"), params.getInt("within"), params.getInt("max_run"),
        mean, variance);
    double[] p = d.probabilities(x);
    float[] y = train.y();
    double overall = 0;
    for (float v : y) overall += v;
    overall /= y.length;
    double prior = params.getDouble("prior");
    double settledMass = prior;
    double settledSum = prior * overall;
    double unsettledMass = prior;
    double unsettledSum = prior * overall;
    for (int r = 0; r < y.length; r++) {
      settledMass += 1 - p[r];
      settledSum += (1 - p[r]) * y[r];
      unsettledMass += p[r];
      unsettledSum += p[r] * y[r];
    }
    double settled = settledMass > 0 ? settledSum / settledMass : overall;
    double unsettled = unsettledMass > 0 ? unsettledSum / unsettledMass : overall;
    Provenance prov = new Provenance(NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), x.names(), info.fold(),
        Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new ChangePointModel(x.names(), train.task(), d, settled, unsettled, prov);
  }

  static int column(String spec, List<String> names) {
    if (!spec.equals("auto")) {
      int i = names.indexOf(spec);
      if (i < 0) throw BadInputException.unknown("change_point column", spec, names);
      return i;
    }
    for (String preferred : List.of("ret_1", "price_change")) {
      int i = names.indexOf(preferred);
      if (i >= 0) return i;
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i).toLowerCase(Locale.ROOT);
      if (n.matches("ret_\\d+")) return i;
    }
    return 0;
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return ChangePointModel.load(in);
  }
}
