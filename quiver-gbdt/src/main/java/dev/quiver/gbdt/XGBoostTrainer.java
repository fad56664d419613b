package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fits {@link XGBoostFamily}'s model. Stateless: one instance may fit concurrently (each fit owns
 * its DMatrix objects and booster and frees them before returning).
 *
 * <p>One fit: the training rows become one DMatrix and the validation rows a second, built once;
 * the booster caches predictions for both, so scoring each round is cheap. Rounds run one at a time
 * in the shared {@link EarlyStopping} loop, reading the metric on both (XGBoost's evaluation line is
 * parsed, never printed), which makes the {@link LearningCurve}. When early stopping kept fewer
 * rounds than ran, the model is cut to the best rounds ({@link XGBoostModelJson}); the returned model
 * is rebuilt from the UBJSON bytes that {@link XGBoostModel#save} writes. A cancel request stops the
 * loop early and keeps the best model so far; it is not an error.
 */
final class XGBoostTrainer implements Trainer {

  private final Params params;

  XGBoostTrainer(Params params) {
    this.params = params;
  }

  static String objective(Task task) {
    return switch (task) {
      case BINARY -> "binary:logistic";
      case MULTICLASS -> "multi:softprob";
      case REGRESSION -> "reg:squarederror";
    };
  }

  /** The native objective: the task's, or {@code reg:quantileerror} when the {@code objective} parameter asks for it. */
  private String objectiveFor(Task task) {
    if (params.getString("objective").equals("auto")) return objective(task);
    if (task != Task.REGRESSION) {
      throw new BadInputException(Where.none(), "xgboost objective 'quantile' needs a real-valued label, got a " + task + " label",
          "use a regression label (e.g. forward-return:1) or objective auto");
    }
    return "reg:quantileerror";
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Task task = train.task();
    String objective = objectiveFor(task);
    String metric = metric(task, objective);
    TrainingRows.check(XGBoostFamily.NAME, train, validation);
    boolean validate = validation != null && validation.rows() > 0;
    TrainingRows.requireNoInfinity(XGBoostFamily.NAME, train.x(), "training rows");
    if (validate) TrainingRows.requireNoInfinity(XGBoostFamily.NAME, validation.x(), "validation rows");
    boolean forest = params.getString("mode").equals("forest");
    int rounds = forest ? 1 : params.getInt("num_rounds");
    int patience = params.getInt("early_stopping_rounds");
    Map<String, Object> nativeParams = nativeParams(objective, metric, ctx, forest);
    if (task == Task.MULTICLASS) nativeParams.put("num_class", train.classes());

    XGBoostNatives.load();
    ctx.progress().start(XGBoostFamily.NAME, rounds);
    DMatrix trainData = null;
    DMatrix validData = null;
    Booster booster = null;
    LearningCurve curve;
    byte[] ubj;
    InternalException failure = null;
    try {
      trainData = matrix(train);
      if (validate) validData = matrix(validation);
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("train", trainData);
      if (validate) watches.put("valid", validData);
      booster = XGBoost.train(trainData, nativeParams, 0, watches, null, null, null, 0);
      curve = EarlyStopping.run(metric, metric.equals("auc"), rounds, patience, validate, ctx,
          new Round(booster, trainData, validate ? new DMatrix[] {trainData, validData} : new DMatrix[] {trainData}));
      ubj = keptModel(booster, curve);
    } catch (XGBoostError e) {
      failure = new InternalException("XGBoost training failed: " + e.getMessage(), e);
      throw failure;
    } finally {
      NativeGuard.freeAll("XGBoost", failure, disposer(booster), disposer(validData), disposer(trainData));
    }

    Map<String, String> recorded = new LinkedHashMap<>(params.asStrings());
    recorded.put("objective", objective);
    recorded.put("tree_method", "hist");
    Map<String, String> natives = new LinkedHashMap<>();
    natives.put("xgboost4j", XGBoostNatives.version());
    natives.put("nthread", String.valueOf(ctx.threads()));
    Provenance provenance = new Provenance(XGBoostFamily.NAME, info.variant(), recorded, ctx.seed(), info.dataSha256(),
        train.x().names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(natives), Instant.now());
    return new XGBoostModel(new Schema(train.x().names(), task, train.classes()), objective, ubj, curve, provenance);
  }

  /** One boosting round: update, then score train (and validation) from XGBoost's evaluation line. */
  private static final class Round implements EarlyStopping.Rounds<XGBoostError> {
    private final Booster booster;
    private final DMatrix train;
    private final DMatrix[] scored;
    private final String[] names;
    private final double[] scores;
    private int iteration;

    Round(Booster booster, DMatrix train, DMatrix[] scored) {
      this.booster = booster;
      this.train = train;
      this.scored = scored;
      this.names = scored.length == 2 ? new String[] {"train", "valid"} : new String[] {"train"};
      this.scores = new double[scored.length];
    }

    @Override
    public boolean add() throws XGBoostError {
      booster.update(train, iteration);
      parseScores(booster.evalSet(scored, names, iteration), scores);
      iteration++;
      return true;
    }

    @Override
    public double trainScore() {
      return scores[0];
    }

    @Override
    public double validationScore() {
      return scores[1];
    }
  }

  /**
   * Reads XGBoost's evaluation line, {@code [i]\tname-metric:value\t...}, into {@code out} in order;
   * the values are printed with 17 significant digits, so the doubles are exact.
   */
  static void parseScores(String line, double[] out) {
    String[] parts = line.trim().split("\t");
    if (parts.length != out.length + 1) throw new InternalException("unexpected XGBoost evaluation line: " + line);
    for (int k = 0; k < out.length; k++) {
      String p = parts[k + 1];
      int colon = p.lastIndexOf(':');
      try {
        out[k] = Double.parseDouble(p.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new InternalException("unexpected XGBoost evaluation line: " + line, e);
      }
    }
  }

  /** The model's UBJSON bytes, cut to the best rounds when early stopping ran past them. */
  private static byte[] keptModel(Booster booster, LearningCurve curve) throws XGBoostError {
    if (curve.bestIteration() == curve.iterations() || curve.bestIteration() == 0) return booster.toByteArray("ubj");
    byte[] cut = XGBoostModelJson.firstRounds(booster.toByteArray("json"), curve.bestIteration());
    Booster kept = null;
    try {
      kept = XGBoost.loadModel(cut);
      return kept.toByteArray("ubj");
    } catch (java.io.IOException e) {
      throw new InternalException("XGBoost cannot read its cut model: " + e.getMessage(), e);
    } finally {
      if (kept != null) kept.dispose();
    }
  }

  private static DMatrix matrix(TrainSet set) throws XGBoostError {
    DMatrix m = new DMatrix(set.x().contiguous(), set.rows(), set.x().cols(), Float.NaN);
    try {
      m.setLabel(set.y());
      return m;
    } catch (XGBoostError e) {
      m.dispose();
      throw e;
    }
  }

  private static AutoCloseable disposer(DMatrix m) {
    return m == null ? null : m::dispose;
  }

  private static AutoCloseable disposer(Booster b) {
    return b == null ? null : b::dispose;
  }

  private Map<String, Object> nativeParams(String objective, String metric, TrainContext ctx, boolean forest) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("objective", objective);
    if (objective.equals("reg:quantileerror")) p.put("quantile_alpha", params.getDouble("quantile_alpha"));
    p.put("eval_metric", metric);
    p.put("tree_method", "hist");
    p.put("nthread", ctx.threads());
    p.put("seed", ctx.seed());
    p.put("verbosity", 0);
    p.put("eta", forest ? 1.0 : params.getDouble("learning_rate"));
    p.put("num_parallel_tree", forest ? params.getInt("num_rounds") : 1);
    for (String key : new String[] {"max_depth", "min_child_weight", "subsample", "colsample_bytree", "colsample_bynode", "lambda",
        "alpha", "gamma", "max_bin"}) {
      p.put(key, params.get(key));
    }
    return p;
  }

  private String metric(Task task, String objective) {
    String m = params.getString("metric");
    if (m.equals("auto")) {
      return switch (task) {
        case BINARY -> "logloss";
        case MULTICLASS -> "mlogloss";
        case REGRESSION -> objective.equals("reg:quantileerror") ? "quantile" : "rmse";
      };
    }
    java.util.List<String> fitting = switch (task) {
      case BINARY -> java.util.List.of("logloss", "auc");
      case MULTICLASS -> java.util.List.of("mlogloss", "merror");
      case REGRESSION -> java.util.List.of("rmse", "mae", "quantile");
    };
    if (!fitting.contains(m)) {
      throw new BadInputException(Where.none(), "xgboost metric '" + m + "' does not fit a " + task + " label",
          "use auto, " + String.join(" or ", fitting));
    }
    return m;
  }
}
