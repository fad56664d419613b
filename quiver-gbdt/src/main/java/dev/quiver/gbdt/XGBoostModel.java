package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fitted XGBoost model. It owns a native booster: close it once when done (a second close does
 * nothing; a prediction after close fails). Predictions are P(class 1) for binary models and the
 * forecast for regression ones, and for multiclass ones (objective multi:softprob) the class
 * probabilities with the score P(last) - P(first) ({@link Predictions#multiclass}), the class count
 * being the manifest schema's (an infinite input cell is bad input: XGBoost reads only NaN as
 * missing), computed with 1 native thread ({@code nthread=1}) so that
 * predicting never exceeds a thread budget; predictions may run concurrently.
 *
 * <p>The in-memory booster is built from the same UBJSON bytes that {@link #save} writes
 * ({@value #MODEL_FILE}, XGBoost's own binary JSON format, holding the kept rounds only), so a
 * saved and reloaded model predicts bit-identically. {@value #META_FILE} records the features,
 * task, objective and the {@link LearningCurve}. {@link #importance} is XGBoost's total gain per
 * feature (the sum of the loss reductions of its splits, as LightGBM's gain);
 * {@link #contributions} gives XGBoost's exact SHAP values for the trees.
 */
public final class XGBoostModel implements FittedModel, Explainable, AutoCloseable {

  static final String MODEL_FILE = "model.ubj";
  static final String META_FILE = "xgboost.json";
  static final String FORMAT = "quiver-xgboost/1";

  private final Schema schema;
  private final String objective;
  private final byte[] ubj;
  private final LearningCurve curve;
  private final Provenance provenance;
  private final Booster booster;
  private final NativeGuard guard = new NativeGuard("XGBoost");

  /** The saved metadata. */
  record Meta(String format, List<String> features, Task task, String objective, String xgboost4j, LearningCurve learningCurve) {}

  XGBoostModel(Schema schema, String objective, byte[] ubj, LearningCurve curve, Provenance provenance) {
    this.schema = schema;
    this.objective = objective;
    this.ubj = ubj.clone();
    this.curve = curve;
    this.provenance = provenance;
    XGBoostNatives.load();
    try {
      this.booster = XGBoost.loadModel(this.ubj);
      booster.setParam("nthread", 1);
    } catch (XGBoostError | IOException e) {
      throw new InternalException("XGBoost cannot read the model: " + e.getMessage(), e);
    }
  }

  /** XGBoost's objective: binary:logistic, reg:squarederror or reg:quantileerror. */
  public String objective() {
    return objective;
  }

  /**
   * A predictor of one row at a time that walks this model's trees in Java ({@link
   * XGBoostTreeWalker}), agreeing with {@link #predict} to float rounding; thread-safe.
   */
  public RowPredictor rowPredictor() {
    requireSingleOutput("single-row prediction");
    byte[] json = guard.call("JSON export", () -> booster.toByteArray("json"));
    return XGBoostTreeWalker.compile(json, schema.features().size());
  }

  /** XGBoost's UBJSON model, as saved. */
  public byte[] modelBytes() {
    return ubj.clone();
  }

  @Override
  public Schema inputSchema() {
    return schema;
  }

  @Override
  public Predictions predict(Matrix x) {
    schema.check(x);
    int classes = schema.classes();
    if (x.rows() == 0) return classes > 0 ? Predictions.multiclass(new double[0], classes) : new Predictions(schema.task(), new double[0]);
    TrainingRows.requireNoInfinity(XGBoostFamily.NAME, x, "rows to predict");
    float[][] p = guard.call("prediction", () -> booster.inplace_predict(x.contiguous(), x.rows(), x.cols(), Float.NaN));
    if (classes > 0) {
      double[] probabilities = new double[p.length * classes];
      for (int r = 0; r < p.length; r++) for (int k = 0; k < classes; k++) probabilities[r * classes + k] = p[r][k];
      return Predictions.multiclass(probabilities, classes);
    }
    double[] out = new double[p.length];
    for (int r = 0; r < out.length; r++) out[r] = p[r][0];
    return new Predictions(schema.task(), out);
  }

  /** SHAP values by XGBoost's contribution prediction; rows sum to the raw score (log-odds for binary). */
  @Override
  public Contributions contributions(Matrix x) {
    requireSingleOutput("SHAP contributions");
    schema.check(x);
    int cols = x.cols();
    if (x.rows() == 0) return new Contributions(schema.features(), 0, new double[0]);
    TrainingRows.requireNoInfinity(XGBoostFamily.NAME, x, "rows to explain");
    float[][] c = guard.call("contribution prediction", () -> {
      DMatrix m = new DMatrix(x.contiguous(), x.rows(), cols, Float.NaN);
      try {
        return booster.predictContrib(m, 0);
      } finally {
        m.dispose();
      }
    });
    double[] values = new double[x.rows() * (cols + 1)];
    for (int r = 0; r < c.length; r++) for (int j = 0; j <= cols; j++) values[r * (cols + 1) + j] = c[r][j];
    return new Contributions(schema.features(), x.rows(), values);
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
    Map<String, Double> gain = guard.call("feature importance", () -> booster.getScore((String) null, "total_gain"));
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < schema.features().size(); j++) values.put(schema.features().get(j), gain.getOrDefault("f" + j, 0.0));
    return Optional.of(new FeatureImportance("gain", values));
  }

  @Override
  public void save(ArtifactWriter out) {
    out.write(MODEL_FILE, ubj);
    out.writeJson(META_FILE, new Meta(FORMAT, schema.features(), schema.task(), objective,
        XGBoostNatives.version(), curve));
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  @Override
  public void close() {
    guard.close(booster::dispose);
  }

  static XGBoostModel load(ArtifactReader in) {
    Meta meta = in.readJson(META_FILE, Meta.class);
    byte[] bytes = in.read(MODEL_FILE);
    Schema schema = in.manifest().schema();
    if (!FORMAT.equals(meta.format()) || !schema.features().equals(meta.features()) || schema.task() != meta.task()) {
      throw new BadInputException(Where.file(META_FILE), "the XGBoost metadata does not match the model's manifest (format "
          + meta.format() + ", features " + meta.features() + ")", "re-save the model with this Quiver version");
    }
    String objective = meta.objective() == null ? XGBoostTrainer.objective(schema.task()) : meta.objective();
    XGBoostModel model = new XGBoostModel(schema, objective, bytes, meta.learningCurve(), in.manifest().provenance());
    long features = model.guard.call("feature count", model.booster::getNumFeature);
    if (features != schema.features().size()) {
      model.close();
      throw new BadInputException(Where.file(MODEL_FILE), "the XGBoost model has " + features + " features but its manifest lists "
          + schema.features().size(), "re-save the model");
    }
    return model;
  }
}
