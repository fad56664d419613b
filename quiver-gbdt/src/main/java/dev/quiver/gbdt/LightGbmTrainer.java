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
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a LightGBM model for {@link LightGbmFamily} and the families built on LightGBM's modes
 * ({@link RandomForestFamily}, {@link GradientBoostingFamily}). Stateless: one instance may fit
 * concurrently (each fit owns its native datasets and booster and frees them before returning).
 *
 * <p>Every parameter of the family is passed to LightGBM under its own name, except Quiver's
 * {@code early_stopping_rounds}, {@code metric}, {@code objective} and {@code boosting} (which
 * become LightGBM's objective, metric and boosting settings), {@code alpha} unless the objective is
 * quantile, {@code drop_rate} unless boosting is dart, and the bagging keys under goss; {@code
 * fixed} settings (such as {@code boosting=rf}) take precedence over the family's.
 *
 * <p>One fit: the training rows become one LightGBM Dataset and the validation rows a second
 * one that reuses the training set's bins; the booster then runs one iteration at a time in the
 * shared {@link EarlyStopping} loop, reading the metric on both after each, which makes the
 * {@link LearningCurve}. The best iteration's trees are written as LightGBM's text model and the
 * returned model is rebuilt from that text. A cancel request stops the loop early and keeps the
 * best model so far; it is not an error.
 */
final class LightGbmTrainer implements Trainer {

  /** Keys that steer Quiver's loop rather than LightGBM. */
  private static final Set<String> QUIVER_KEYS = Set.of("early_stopping_rounds", "metric", "objective", "boosting");

  /** Keys LightGBM's goss sampling replaces. */
  private static final Set<String> BAGGING_KEYS = Set.of("bagging_fraction", "bagging_freq");

  private final String family;
  private final Params params;
  private final Map<String, String> fixed;

  LightGbmTrainer(Params params) {
    this(LightGbmFamily.NAME, params, Map.of());
  }

  LightGbmTrainer(String family, Params params, Map<String, String> fixed) {
    this.family = family;
    this.params = params;
    this.fixed = Map.copyOf(fixed);
  }

  static String objective(Task task) {
    return switch (task) {
      case BINARY -> "binary";
      case MULTICLASS -> "multiclass";
      case REGRESSION -> "regression";
    };
  }

  /** The native objective: the task's, or {@code quantile} when the family's {@code objective} parameter asks for it. */
  private String objectiveFor(Task task) {
    if (!params.values().containsKey("objective") || params.getString("objective").equals("auto")) return objective(task);
    if (task != Task.REGRESSION) {
      throw new BadInputException(Where.none(), family + " objective 'quantile' needs a real-valued label, got a " + task + " label",
          "use a regression label (e.g. forward-return:1) or objective auto");
    }
    return "quantile";
  }

  /** The boosting mode: the fixed one (random_forest, gradient_boosting), else the family's {@code boosting} parameter. */
  private String boosting() {
    if (fixed.containsKey("boosting")) return fixed.get("boosting");
    return params.values().containsKey("boosting") ? params.getString("boosting") : "gbdt";
  }

  /** LightGBM takes an int seed: the context seed modulo 2^31 - 1, so it is never negative. */
  static int nativeSeed(long seed) {
    return (int) Math.floorMod(seed, (long) Integer.MAX_VALUE);
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Task task = train.task();
    String objective = objectiveFor(task);
    String metric = metric(task, objective);
    TrainingRows.check(family, train, validation);
    boolean validate = validation != null && validation.rows() > 0;
    int rows = train.rows();
    int cols = train.x().cols();
    int threads = ctx.threads();
    int seed = nativeSeed(ctx.seed());
    String common = " num_threads=" + threads + " seed=" + seed + " deterministic=true force_row_wise=true verbose=-1";
    String datasetParams = "max_bin=" + params.getInt("max_bin") + " min_data_in_leaf=" + params.getInt("min_data_in_leaf") + common;
    String boosterParams = boosterParams(objective, metric) + (task == Task.MULTICLASS ? " num_class=" + train.classes() : "")
        + " is_provide_training_metric=true" + common;
    int maxIterations = params.getInt("num_iterations");
    // dart rescales earlier trees as it adds new ones: a model cannot be cut back to an earlier iteration
    int patience = boosting().equals("dart") ? 0 : params.getInt("early_stopping_rounds");
    boolean higherIsBetter = metric.equals("auc");

    LightGbmNatives.load();
    ctx.progress().start(family, maxIterations);
    LGBMDataset trainData = null;
    LGBMDataset validData = null;
    LGBMBooster booster = null;
    String text;
    LearningCurve curve;
    InternalException failure = null;
    try {
      trainData = LGBMDataset.createFromMat(train.x().contiguous(), rows, cols, true, datasetParams, null);
      trainData.setField("label", train.y());
      trainData.setFeatureNames(nativeNames(train.x().names()));
      booster = LGBMBooster.create(trainData, boosterParams);
      if (validate) {
        validData = LGBMDataset.createFromMat(validation.x().contiguous(), validation.rows(), cols, true, datasetParams, trainData);
        validData.setField("label", validation.y());
        booster.addValidData(validData);
      }
      LGBMBooster b = booster;
      curve = EarlyStopping.run(metric, higherIsBetter, maxIterations, patience, validate, ctx, new EarlyStopping.Rounds<LGBMException>() {
        @Override
        public boolean add() throws LGBMException {
          return !b.updateOneIter();
        }

        @Override
        public double trainScore() throws LGBMException {
          return b.getEval(0)[0];
        }

        @Override
        public double validationScore() throws LGBMException {
          return b.getEval(1)[0];
        }
      });
      text = booster.saveModelToString(0, curve.bestIteration(), LGBMBooster.FeatureImportanceType.GAIN);
    } catch (LGBMException e) {
      failure = new InternalException("LightGBM training failed: " + e.getMessage(), e);
      throw failure;
    } finally {
      NativeGuard.freeAll("LightGBM", failure, booster, validData, trainData);
    }
    LightGbmModel.Training training = new LightGbmModel.Training(curve.iterations(), curve.bestIteration(), validate ? metric : "",
        validate ? curve.bestValidationScore() : null);

    Map<String, String> recorded = new LinkedHashMap<>(params.asStrings());
    recorded.putAll(fixed);
    recorded.put("objective", objective);
    Map<String, String> natives = new LinkedHashMap<>();
    natives.put("lightgbm4j", LightGbmNatives.version());
    natives.put("num_threads", String.valueOf(threads));
    Provenance provenance = new Provenance(family, info.variant(), recorded, ctx.seed(), info.dataSha256(),
        train.x().names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(natives), Instant.now());
    return new LightGbmModel(new Schema(train.x().names(), task, train.classes()), objective, text, training, curve, provenance);
  }

  private String metric(Task task, String objective) {
    String m = params.getString("metric");
    if (m.equals("auto")) {
      return switch (task) {
        case BINARY -> "binary_logloss";
        case MULTICLASS -> "multi_logloss";
        case REGRESSION -> objective.equals("quantile") ? "quantile" : "l2";
      };
    }
    List<String> fitting = switch (task) {
      case BINARY -> List.of("binary_logloss", "auc");
      case MULTICLASS -> List.of("multi_logloss", "multi_error");
      case REGRESSION -> List.of("l2", "l1", "quantile");
    };
    if (!fitting.contains(m)) {
      throw new BadInputException(Where.none(), family + " metric '" + m + "' does not fit a " + task + " label",
          "use auto, " + String.join(" or ", fitting));
    }
    return m;
  }

  private String boosterParams(String objective, String metric) {
    String boosting = boosting();
    boolean goss = boosting.equals("goss");
    StringBuilder sb = new StringBuilder();
    sb.append("objective=").append(objective).append(" metric=").append(metric);
    sb.append(" boosting=").append(goss ? "gbdt data_sample_strategy=goss" : boosting);
    for (Map.Entry<String, Object> e : params.values().entrySet()) {
      if (QUIVER_KEYS.contains(e.getKey()) || fixed.containsKey(e.getKey()) || goss && BAGGING_KEYS.contains(e.getKey())) continue;
      if (e.getKey().equals("alpha") && !objective.equals("quantile")) continue;
      if (e.getKey().equals("drop_rate") && !boosting.equals("dart")) continue;
      Object v = e.getValue();
      sb.append(' ').append(e.getKey()).append('=').append(v instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(v));
    }
    fixed.forEach((k, v) -> {
      if (!k.equals("boosting")) sb.append(' ').append(k).append('=').append(v);
    });
    return sb.toString();
  }

  /** LightGBM refuses names with JSON punctuation or blanks; such names become Column_j (the schema keeps the real ones). */
  static String[] nativeNames(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (String n : names) {
      ok &= !n.isEmpty() && n.chars().noneMatch(c -> "[]{}\":,".indexOf(c) >= 0 || Character.isWhitespace(c)) && seen.add(n);
      out.add(n);
    }
    if (ok) return out.toArray(new String[0]);
    String[] positional = new String[names.size()];
    for (int j = 0; j < positional.length; j++) positional[j] = "Column_" + j;
    return positional;
  }
}
