package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Schema;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.linear.RidgeFamily;
import dev.quiver.model.logistic.LogisticFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link HistEnsembleFamily}'s model: the members on each walk-forward block's past (purged by
 * {@code gap}) to predict that block, the meta-learner on those out-of-fold predictions, then the
 * members on every training row. Stateless; every temporary model is closed before returning, and
 * a failure closes the final members already fitted.
 */
final class HistEnsembleTrainer implements Trainer {

  /** The fewest rows an out-of-fold fit may train on. */
  static final int MIN_FOLD_ROWS = 50;

  private final Params params;

  HistEnsembleTrainer(Params params) {
    this.params = params;
  }

  /** The members' families and their params, in meta-input order (hgb, rf, linear). */
  private List<Member> members(Task task) {
    ModelFamily hgb = new LightGbmFamily();
    ModelFamily rf = new RandomForestFamily();
    ModelFamily linear = task == Task.BINARY ? new LogisticFamily() : new RidgeFamily();
    return List.of(
        new Member("hgb", hgb, hgb.params("balanced", Map.of(
            "num_iterations", params.getString("hgb_iterations"),
            "learning_rate", params.getString("hgb_learning_rate"),
            "num_leaves", params.getString("hgb_num_leaves"),
            "min_data_in_leaf", params.getString("hgb_min_data_in_leaf"),
            "feature_fraction", "1.0",
            "bagging_fraction", "1.0",
            "bagging_freq", "0"))),
        new Member("rf", rf, rf.params("balanced", Map.of(
            "num_iterations", params.getString("rf_trees"),
            "max_depth", params.getString("rf_max_depth"),
            "min_data_in_leaf", params.getString("rf_min_data_in_leaf")))),
        new Member("linear", linear, linearParams(linear, task, params.getDouble("linear_penalty"))));
  }

  private static Params linearParams(ModelFamily family, Task task, double penalty) {
    return task == Task.BINARY
        ? family.params("balanced", Map.of("c", String.valueOf(1.0 / penalty)))
        : family.params("balanced", Map.of("alpha", String.valueOf(penalty)));
  }

  record Member(String name, ModelFamily family, Params params) {}

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Task task = train.task();
    TrainingRows.check(HistEnsembleFamily.NAME, train, validation);
    List<Member> members = members(task);
    int n = train.rows();
    int folds = params.getInt("folds");
    int gap = params.getInt("gap");
    WalkForwardBlocks plan = n >= folds ? new WalkForwardBlocks(n, folds, gap) : null;
    if (plan == null || plan.trainEnd(1) < MIN_FOLD_ROWS) {
      throw new BadInputException(Where.none(), HistEnsembleFamily.NAME + " needs at least " + MIN_FOLD_ROWS + " rows before the gap of the first out-of-fold fit; "
          + n + " training rows in " + folds + " folds with gap " + gap + " leave " + (plan == null ? 0 : plan.trainEnd(1)),
          "use more rows, fewer folds or a smaller gap");
    }
    int firstBlock = plan.firstPredicted();
    boolean validate = validation != null && validation.rows() > 0;
    List<String> names = new ArrayList<>();
    for (Member m : members) names.add(m.name());

    float[] oof = new float[(n - firstBlock) * members.size()];
    for (int k = 1; k < folds; k++) {
      int from = plan.start(k);
      int to = plan.start(k + 1);
      TrainSet past = slice(train, 0, plan.trainEnd(k));
      Matrix block = train.x().rows(from, to);
      for (int j = 0; j < members.size(); j++) {
        FittedModel m = fitMember(members.get(j), past, validation, ctx, info);
        try {
          double[] p = m.predict(block).values();
          for (int r = 0; r < p.length; r++) oof[(from - firstBlock + r) * members.size() + j] = metaInput(task, p[r]);
        } finally {
          HistEnsembleModel.closeIfOwned(m);
        }
      }
    }
    TrainSet metaTrain = new TrainSet(new Matrix(oof, n - firstBlock, members.size(), names), Arrays.copyOfRange(train.y(), firstBlock, n), task);

    List<FittedModel> fitted = new ArrayList<>(members.size());
    try {
      for (Member m : members) fitted.add(fitMember(m, train, validation, ctx, info));
      TrainSet metaValid = validate ? new TrainSet(HistEnsembleModel.metaInputs(task, fitted, validation.x(), names), validation.y(), task) : null;
      ModelFamily metaFamily = task == Task.BINARY ? new LogisticFamily() : new RidgeFamily();
      FittedModel meta = metaFamily.trainer(linearParams(metaFamily, task, params.getDouble("meta_penalty")))
          .fit(metaTrain, metaValid, ctx, info);
      Map<String, String> natives = new LinkedHashMap<>();
      natives.put("lightgbm4j", LightGbmNatives.version());
      natives.put("num_threads", String.valueOf(ctx.threads()));
      Provenance provenance = new Provenance(HistEnsembleFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
          train.x().names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(natives), Instant.now());
      return new HistEnsembleModel(new Schema(train.x().names(), task), names, fitted, meta, metaTrain.rows(), provenance);
    } catch (RuntimeException e) {
      for (FittedModel m : fitted) HistEnsembleModel.closeIfOwned(m);
      throw e;
    }
  }

  private static FittedModel fitMember(Member m, TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    return m.family().trainer(m.params()).fit(train, validation, ctx, info);
  }

  /** A member's prediction as the meta-learner reads it: the log-odds of a clipped probability for binary, the value for regression. */
  static float metaInput(Task task, double p) {
    if (task != Task.BINARY) return (float) p;
    double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
    return (float) Math.log(q / (1 - q));
  }

  private static TrainSet slice(TrainSet set, int from, int to) {
    return new TrainSet(set.x().rows(from, to), Arrays.copyOfRange(set.y(), from, to), set.task());
  }
}
