package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.QuantileMetrics;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelManifest;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.TrainSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link QuantileLightGbmFamily} model: one LightGBM booster per quantile, {@code taus} rising.
 * {@link #quantiles} gives every quantile per row with crossings removed by sorting each row's
 * forecasts (the rearrangement: the k-th smallest forecast becomes the forecast of the k-th
 * smallest tau), so they never fall as tau rises. {@link #predict} gives one value per row as
 * every {@link FittedModel} must: the rearranged forecast of the quantile nearest 0.5 (the
 * median when 0.5 is among them), a {@link dev.quiver.model.Task#REGRESSION} forecast.
 *
 * <p>{@link #validationScores} are the pinball loss and coverage per quantile on the validation
 * rows of the fit (after rearrangement; empty without validation rows); {@link #score} computes
 * them on any rows. {@link #importance} is LightGBM's gain summed over the boosters; {@link
 * #learningCurve} is the booster of the quantile nearest 0.5.
 *
 * <p>Saved as one artifact: each booster's LightGBM text model and metadata under the prefix
 * {@code q<k>.} and {@value #META_FILE} with the quantiles, the boosters' manifests and the
 * validation scores; reloaded models predict bit-identically. Owns native boosters: close once
 * (a second close does nothing); predictions may run concurrently.
 */
public final class QuantileLightGbmModel implements FittedModel, AutoCloseable {

  static final String META_FILE = "quantile_lightgbm.json";
  static final String FORMAT = "quiver-quantile-lightgbm/1";

  private final double[] taus;
  private final List<LightGbmModel> members;
  private final List<QuantileMetrics> validationScores;
  private final Provenance provenance;
  private final int central;

  /** The saved metadata. */
  record Meta(String format, double[] taus, List<ModelManifest> members, List<QuantileMetrics> validationScores) {}

  QuantileLightGbmModel(double[] taus, List<LightGbmModel> members, List<QuantileMetrics> validationScores, Provenance provenance) {
    if (taus.length != members.size() || taus.length == 0) throw new IllegalArgumentException(members.size() + " boosters for " + taus.length + " quantiles");
    this.taus = taus.clone();
    this.members = List.copyOf(members);
    this.validationScores = List.copyOf(validationScores);
    this.provenance = provenance;
    int c = 0;
    for (int k = 1; k < taus.length; k++) if (Math.abs(taus[k] - 0.5) < Math.abs(taus[c] - 0.5)) c = k;
    this.central = c;
  }

  /** The boosters, one per quantile in {@link #taus} order; still owned by this model. */
  List<LightGbmModel> members() {
    return members;
  }

  /** The quantiles forecast, rising. */
  public double[] taus() {
    return taus.clone();
  }

  /** The tau whose forecast {@link #predict} returns: the one nearest 0.5. */
  public double centralTau() {
    return taus[central];
  }

  /** Every quantile's forecast per row, rearranged so that none crosses. */
  public QuantileForecast quantiles(Matrix x) {
    return forecast(taus, members, x);
  }

  /** Pinball loss and coverage per quantile of the rearranged forecasts on {@code rows}. */
  public List<QuantileMetrics> score(TrainSet rows) {
    return scores(quantiles(rows.x()), rows.y());
  }

  /** The {@link #score} of the fit's validation rows; empty when it had none. */
  public List<QuantileMetrics> validationScores() {
    return validationScores;
  }

  static QuantileForecast forecast(double[] taus, List<LightGbmModel> members, Matrix x) {
    int k = taus.length;
    int rows = x.rows();
    double[] values = new double[rows * k];
    for (int q = 0; q < k; q++) {
      double[] p = members.get(q).predict(x).values();
      for (int r = 0; r < rows; r++) values[r * k + q] = p[r];
    }
    for (int r = 0; r < rows; r++) Arrays.sort(values, r * k, r * k + k);
    return new QuantileForecast(taus, rows, values);
  }

  static List<QuantileMetrics> scores(QuantileForecast f, float[] y) {
    double[] taus = f.taus();
    List<QuantileMetrics> out = new ArrayList<>(taus.length);
    for (int q = 0; q < taus.length; q++) out.add(QuantileMetrics.of(y, f.column(q), taus[q]));
    return out;
  }

  @Override
  public Schema inputSchema() {
    return members.get(0).inputSchema();
  }

  @Override
  public Predictions predict(Matrix x) {
    return new Predictions(inputSchema().task(), quantiles(x).column(central));
  }

  @Override
  public Optional<FeatureImportance> importance() {
    Map<String, Double> sum = new LinkedHashMap<>();
    for (LightGbmModel m : members) m.importance().orElseThrow().values().forEach((name, gain) -> sum.merge(name, gain, Double::sum));
    return Optional.of(new FeatureImportance("gain", sum));
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return members.get(central).learningCurve();
  }

  @Override
  public void save(ArtifactWriter out) {
    List<ModelManifest> manifests = new ArrayList<>(members.size());
    for (int q = 0; q < members.size(); q++) manifests.add(out.writeMember("q" + q + ".", QuantileLightGbmFamily.NAME, members.get(q)));
    out.writeJson(META_FILE, new Meta(FORMAT, taus, manifests, validationScores));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    for (LightGbmModel m : members) m.close();
  }

  static QuantileLightGbmModel load(ArtifactReader in) {
    Meta meta = in.readJson(META_FILE, Meta.class);
    if (!FORMAT.equals(meta.format()) || meta.taus() == null || meta.members() == null || meta.taus().length != meta.members().size()) {
      throw new BadInputException(Where.file(META_FILE), "the quantile_lightgbm metadata is not of format " + FORMAT + " with one booster per quantile",
          "re-save the model with this Quiver version");
    }
    List<LightGbmModel> members = new ArrayList<>(meta.members().size());
    try {
      for (int q = 0; q < meta.members().size(); q++) members.add(LightGbmModel.load(in.member("q" + q + ".", meta.members().get(q))));
    } catch (RuntimeException e) {
      for (LightGbmModel m : members) m.close();
      throw e;
    }
    List<QuantileMetrics> scores = meta.validationScores() == null ? List.of() : meta.validationScores();
    return new QuantileLightGbmModel(meta.taus(), members, scores, in.manifest().provenance());
  }
}
