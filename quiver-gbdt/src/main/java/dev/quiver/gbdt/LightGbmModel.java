package dev.quiver.gbdt;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.Contributions;
import dev.quiver.model.Explainable;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted LightGBM model. It owns a native booster: close it once when done (a second close does
 * nothing; a prediction after close fails). Predictions are P(class 1) for binary models and the
 * forecast for regression ones (the {@code alpha}-quantile for objective quantile), and for multiclass
 * ones (objective multiclass) the class probabilities with the score P(last) - P(first) ({@link
 * Predictions#multiclass}); the class count is the manifest schema's. Computed with 1
 * native thread so that predicting never exceeds a
 * thread budget; predictions may run concurrently.
 *
 * <p>The in-memory booster is built from the same LightGBM text model that {@link #save} writes
 * ({@value #MODEL_FILE}, holding the best iteration's trees only), so a saved and reloaded model
 * predicts bit-identically. {@value #META_FILE} records the features, task, objective, the
 * early-stopping outcome and the {@link LearningCurve} (the metric per iteration on the training
 * and validation rows). {@link #contributions} gives LightGBM's exact SHAP values for the trees.
 * The same class serves every family built on LightGBM (lightgbm, random_forest,
 * gradient_boosting); the artifact's manifest names the family.
 */
public final class LightGbmModel implements FittedModel, Explainable, AutoCloseable {

  static final String MODEL_FILE = "model.txt";
  static final String META_FILE = "lightgbm.json";
  static final String FORMAT = "quiver-lightgbm/1";
  static final String PREDICT_PARAMS = "num_threads=1";

  private final Schema schema;
  private final String objective;
  private final String modelText;
  private final Training training;
  private final LearningCurve curve;
  private final Provenance provenance;
  private final OwnedBooster booster;
  /** Multiclass models only (null otherwise): their class probabilities, see {@link LightGbmClassPredictor}. */
  private final LightGbmClassPredictor classPredictor;

  /**
   * How the fit went: iterations run, the best iteration kept (trees in the model), the
   * validation metric and its best value (null without validation).
   */
  public record Training(int iterationsRun, int bestIteration, String metric, Double bestScore) {}

  /** The saved metadata; {@code learningCurve} is null in files written before it was recorded. */
  record Meta(String format, List<String> features, Task task, String objective, Training training, String lightgbm4j,
      LearningCurve learningCurve) {}

  LightGbmModel(Schema schema, String objective, String modelText, Training training, LearningCurve curve, Provenance provenance) {
    this.schema = schema;
    this.objective = objective;
    this.modelText = modelText;
    this.training = training;
    this.curve = curve;
    this.provenance = provenance;
    this.booster = OwnedBooster.fromModelString(modelText);
    this.classPredictor = schema.task() == Task.MULTICLASS ? new LightGbmClassPredictor(modelText) : null;
  }

  public Training training() {
    return training;
  }

  /** LightGBM's objective: binary, regression (L2) or quantile. */
  public String objective() {
    return objective;
  }

  /**
   * A predictor of one row at a time by LightGBM's single-row fast path, bit-identical to {@link
   * #predict}; not thread-safe (one per thread), and the caller closes it. It holds its own native
   * booster, so it outlives this model's {@link #close}.
   */
  public RowPredictor rowPredictor() {
    requireSingleOutput("single-row prediction");
    return new LightGbmRowPredictor(modelText, schema.features().size());
  }

  /** LightGBM's text model, as saved. */
  public String modelText() {
    return modelText;
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    if (x.rows() == 0) return schema.task() == Task.MULTICLASS ? Predictions.multiclass(new double[0], schema.classes()) : new Predictions(schema.task(), new double[0]);
    if (classPredictor != null) return Predictions.multiclass(classPredictor.predict(x.contiguous(), x.rows(), x.cols(), PREDICT_PARAMS), schema.classes());
    double[] p = booster.predict(x.contiguous(), x.rows(), x.cols(), PredictionType.C_API_PREDICT_NORMAL, PREDICT_PARAMS);
    return new Predictions(schema.task(), p);
  }

  /** SHAP values by LightGBM's contribution prediction (1 native thread); rows sum to the raw score (log-odds for binary). */
  @Override
  public Contributions contributions(Matrix x) {
    requireSingleOutput("SHAP contributions");
    schema.check(x);
    if (x.rows() == 0) return new Contributions(schema.features(), 0, new double[0]);
    double[] c = booster.predict(x.contiguous(), x.rows(), x.cols(), PredictionType.C_API_PREDICT_CONTRIB, PREDICT_PARAMS);
    return new Contributions(schema.features(), x.rows(), c);
  }

  private void requireSingleOutput(String what) {
    if (schema.task() == Task.MULTICLASS) {
      throw new BadInputException(Where.none(), what + " of a multiclass model (" + schema.classes() + " outputs per row) is not supported",
          "use predict, which gives every class's probability, or a binary model");
    }
  }

  @Override
  public Optional<LearningCurve> learningCurve() {
    return Optional.ofNullable(curve);
  }

  @Override
  public Optional<FeatureImportance> importance() {
    double[] gain = booster.gainImportance();
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < gain.length; j++) values.put(schema.features().get(j), gain[j]);
    return Optional.of(new FeatureImportance("gain", values));
  }

  @Override
  public void save(ArtifactWriter out) {
    out.writeText(MODEL_FILE, modelText);
    out.writeJson(META_FILE, new Meta(FORMAT, schema.features(), schema.task(), objective, training,
        LightGbmNatives.version(), curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    booster.close();
    if (classPredictor != null) classPredictor.close();
  }

  static LightGbmModel load(ArtifactReader in) {
    Meta meta = in.readJson(META_FILE, Meta.class);
    String text = in.readText(MODEL_FILE);
    Schema schema = in.manifest().schema();
    if (!FORMAT.equals(meta.format()) || !schema.features().equals(meta.features()) || schema.task() != meta.task() || meta.training() == null) {
      throw new BadInputException(Where.file(META_FILE), "the LightGBM metadata does not match the model's manifest (format "
          + meta.format() + ", features " + meta.features() + ")", "re-save the model with this Quiver version");
    }
    String objective = meta.objective() == null ? LightGbmTrainer.objective(schema.task()) : meta.objective();
    LightGbmModel model = new LightGbmModel(schema, objective, text, meta.training(), meta.learningCurve(), in.manifest().provenance());
    int features = model.booster.featureCount();
    if (model.classPredictor != null && model.classPredictor.classes() != schema.classes()) {
      model.close();
      throw new BadInputException(Where.file(MODEL_FILE), "the LightGBM model has " + model.classPredictor.classes() + " classes but its manifest lists "
          + schema.classes(), "re-save the model");
    }
    if (features != schema.features().size()) {
      model.close();
      throw new BadInputException(Where.file(MODEL_FILE), "the LightGBM model has " + features + " features but its manifest lists "
          + schema.features().size(), "re-save the model");
    }
    return model;
  }
}
