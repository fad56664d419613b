package dev.quiver.regime;

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
import dev.quiver.model.logistic.Standardizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A regime model over the input features: a Gaussian mixture ({@link MixtureFit}, regimes by
 * BIC up to {@code max_regimes}) fitted to the training rows' standardized features (population
 * std; rows with a missing value are left out of the fit), regimes numbered by the mean of the
 * {@code order_by} column (the first feature whose name contains "vol" or "std" when {@code auto},
 * else column 0), and per regime the responsibility-weighted mean target, shrunk towards the
 * overall mean by {@code prior} pseudo-rows. A row's prediction is the posterior-weighted mean of
 * its regimes' targets: a regime-conditional base rate (P(class 1) for binary). A row with a
 * missing feature gets the overall mean. Its value is as a regime signal and a baseline for
 * ensembles, not as a strong model. Deterministic; constructing the family does no work.
 */
public final class GmmRegimeFamily extends DeclaredFamily {

  public static final String NAME = "gmm_regime";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("max_regimes", 4, 1, 12, "most mixture components BIC may choose"),
      new Param("order_by", "auto", "feature whose regime means number the regimes (0 lowest); auto: the first *vol* or *std* feature", 0, 0, List.of()),
      Param.real("prior", 20.0, 0.0, 1e9, "pseudo-rows of the overall mean target added to each regime's mean")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("max_regimes", 2),
      "balanced", Map.of(),
      "aggressive", Map.of("max_regimes", 8, "prior", 5.0));

  public GmmRegimeFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return (train, validation, ctx, info) -> fit(params, train, ctx, info);
  }

  private static FittedModel fit(Params params, TrainSet train, TrainContext ctx, FitInfo info) {
    Matrix x = train.x();
    int d = x.cols();
    int order = orderColumn(params.getString("order_by"), x.names());
    double[] mean = new double[d];
    double[] std = new double[d];
    Standardizer.fit(x, mean, std);
    List<double[]> rows = new ArrayList<>();
    List<Integer> which = new ArrayList<>();
    for (int r = 0; r < x.rows(); r++) {
      double[] z = GmmRegimeModel.standardized(x, r, mean, std);
      if (z != null) {
        rows.add(z);
        which.add(r);
      }
    }
    if (rows.size() < 10) throw new dev.quiver.error.BadInputException("gmm_regime needs at least 10 training rows without missing features, got " + rows.size());
    double[][] data = rows.toArray(new double[0][]);
    GaussianMixture g = MixtureFit.byBic(data, 1, params.getInt("max_regimes"), order).mixture();
    double[][] mu = g.means();
    Integer[] idx = new Integer[mu.length];
    for (int j = 0; j < idx.length; j++) idx[j] = j;
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(mu[a][order], mu[b][order]));
    int[] o = new int[idx.length];
    for (int j = 0; j < o.length; j++) o[j] = idx[j];
    g = g.reordered(o);
    int k = g.components();
    float[] y = train.y();
    double overall = 0;
    for (float v : y) overall += v;
    overall /= y.length;
    double prior = params.getDouble("prior");
    double[] mass = new double[k];
    double[] sum = new double[k];
    double[] post = new double[k];
    for (int i = 0; i < data.length; i++) {
      g.posterior(data[i], post);
      float target = y[which.get(i)];
      for (int j = 0; j < k; j++) {
        mass[j] += post[j];
        sum[j] += post[j] * target;
      }
    }
    double[] regimeTarget = new double[k];
    for (int j = 0; j < k; j++) regimeTarget[j] = (sum[j] + prior * overall) / (mass[j] + prior);
    Provenance p = new Provenance(NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), x.names(), info.fold(),
        Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new GmmRegimeModel(x.names(), train.task(), mean, std, g, regimeTarget, overall, p);
  }

  static int orderColumn(String spec, List<String> names) {
    if (!spec.equals("auto")) {
      int i = names.indexOf(spec);
      if (i < 0) throw dev.quiver.error.BadInputException.unknown("gmm_regime order_by feature", spec, names);
      return i;
    }
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i).toLowerCase(java.util.Locale.ROOT);
      if (n.contains("vol") || n.contains("std")) return i;
    }
    return 0;
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return GmmRegimeModel.load(in);
  }
}
