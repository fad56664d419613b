package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
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
 * Fits {@link LightGbmFamily}'s model. Stateless: one instance may fit concurrently (each fit
 * owns its native datasets and booster and frees them before returning).
 *
 * <p>One fit: the training rows become one LightGBM Dataset and the validation rows a second
 * one that reuses the training set's bins; the booster then runs one iteration at a time,
 * reading the validation metric after each. The best iteration's trees are written as
 * LightGBM's text model and the returned model is rebuilt from that text. A cancel request stops
 * the loop early and keeps the best model so far; it is not an error.
 */
final class LightGbmTrainer implements Trainer {

  private final Params params;

  LightGbmTrainer(Params params) {
    this.params = params;
  }

  static String objective(Task task) {
    return task == Task.BINARY ? "binary" : "regression";
  }

  /** LightGBM takes an int seed: the context seed modulo 2^31 - 1, so it is never negative. */
  static int nativeSeed(long seed) {
    return (int) Math.floorMod(seed, (long) Integer.MAX_VALUE);
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Task task = train.task();
    String metric = metric(task);
    check(train, validation, task);
    boolean validate = validation != null && validation.rows() > 0;
    int rows = train.rows();
    int cols = train.x().cols();
    int threads = ctx.threads();
    int seed = nativeSeed(ctx.seed());
    String common = " num_threads=" + threads + " seed=" + seed + " deterministic=true force_row_wise=true verbose=-1";
    String datasetParams = "max_bin=" + params.getInt("max_bin") + " min_data_in_leaf=" + params.getInt("min_data_in_leaf") + common;
    String boosterParams = boosterParams(task, metric) + common;
    int maxIterations = params.getInt("num_iterations");
    int patience = params.getInt("early_stopping_rounds");
    boolean higherIsBetter = metric.equals("auc");

    LightGbmNatives.load();
    ctx.progress().start(LightGbmFamily.NAME, maxIterations);
    LGBMDataset trainData = null;
    LGBMDataset validData = null;
    LGBMBooster booster = null;
    String text;
    LightGbmModel.Training training;
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
      int run = 0;
      int best = 0;
      double bestScore = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      while (run < maxIterations && !ctx.cancel().requested()) {
        boolean noSplit = booster.updateOneIter();
        if (noSplit) break;
        run++;
        ctx.progress().advance(1);
        if (!validate) {
          best = run;
          continue;
        }
        double score = booster.getEval(1)[0];
        if (higherIsBetter ? score > bestScore : score < bestScore) {
          bestScore = score;
          best = run;
        } else if (patience > 0 && run - best >= patience) {
          break;
        }
      }
      text = booster.saveModelToString(0, best, LGBMBooster.FeatureImportanceType.GAIN);
      training = new LightGbmModel.Training(run, best, validate ? metric : "", validate && best > 0 ? bestScore : null);
    } catch (LGBMException e) {
      failure = new InternalException("LightGBM training failed: " + e.getMessage(), e);
      throw failure;
    } finally {
      free(failure, booster, validData, trainData);
    }

    Map<String, String> recorded = new LinkedHashMap<>(params.asStrings());
    recorded.put("objective", objective(task));
    Map<String, String> natives = new LinkedHashMap<>();
    natives.put("lightgbm4j", LightGbmNatives.version());
    natives.put("num_threads", String.valueOf(threads));
    Provenance provenance = new Provenance(LightGbmFamily.NAME, info.variant(), recorded, ctx.seed(), info.dataSha256(),
        train.x().names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(natives), Instant.now());
    return new LightGbmModel(new Schema(train.x().names(), task), text, training, provenance);
  }

  private String metric(Task task) {
    String m = params.getString("metric");
    if (m.equals("auto")) return task == Task.BINARY ? "binary_logloss" : "l2";
    boolean binaryMetric = m.equals("auc") || m.equals("binary_logloss");
    if (binaryMetric != (task == Task.BINARY)) {
      throw new BadInputException(Where.none(), "lightgbm metric '" + m + "' does not fit a " + task + " label",
          task == Task.BINARY ? "use auto, binary_logloss or auc" : "use auto, l2 or l1");
    }
    return m;
  }

  private static void check(TrainSet train, TrainSet validation, Task task) {
    if (train.rows() == 0 || train.x().cols() == 0) {
      throw new BadInputException(Where.none(), "lightgbm needs at least one training row and one feature, got "
          + train.rows() + " rows and " + train.x().cols() + " features", "use more data or features");
    }
    if (validation != null && (validation.task() != task || !validation.x().names().equals(train.x().names()))) {
      throw new IllegalArgumentException("validation rows must have the training set's task and features");
    }
    if (task == Task.BINARY) {
      long positives = 0;
      for (float v : train.y()) if (v == 1f) positives++;
      if (positives == 0 || positives == train.rows()) {
        throw new BadInputException(Where.none(), "lightgbm needs both classes in the training rows, got " + train.rows()
            + " rows all of class " + (positives == 0 ? 0 : 1), "use more data or another label");
      }
    }
  }

  private String boosterParams(Task task, String metric) {
    StringBuilder sb = new StringBuilder();
    sb.append("objective=").append(objective(task)).append(" metric=").append(metric);
    for (String key : List.of("num_iterations", "learning_rate", "num_leaves", "max_depth", "min_data_in_leaf", "feature_fraction",
        "bagging_fraction", "bagging_freq", "lambda_l1", "lambda_l2", "min_gain_to_split", "max_bin")) {
      Object v = params.get(key);
      sb.append(' ').append(key).append('=').append(v instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : String.valueOf(v));
    }
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

  /** Frees each handle; a failure to free is added to the fit's failure when there is one, else thrown. */
  private static void free(InternalException failure, AutoCloseable... handles) {
    InternalException freeing = null;
    for (AutoCloseable c : handles) {
      if (c == null) continue;
      try {
        c.close();
      } catch (Exception e) {
        if (failure != null) failure.addSuppressed(e);
        else if (freeing == null) freeing = new InternalException("LightGBM could not free native memory: " + e.getMessage(), e);
        else freeing.addSuppressed(e);
      }
    }
    if (freeing != null) throw freeing;
  }
}
