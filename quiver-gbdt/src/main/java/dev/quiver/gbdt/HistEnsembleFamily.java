package dev.quiver.gbdt;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference trainer's "Ensemble": histogram gradient boosting (LightGBM gbdt), a random forest
 * (LightGBM rf, as {@link RandomForestFamily}) and a linear model (logistic regression for {@link
 * Task#BINARY}, ridge for {@link Task#REGRESSION}), stacked by a meta-learner of the same linear
 * kind that is trained on the members' out-of-fold predictions, never on in-sample ones.
 *
 * <p>Out-of-fold predictions are walk-forward, so no member ever sees rows later than the ones it
 * predicts for the meta-learner: the training rows are cut into {@code folds} contiguous blocks in
 * time order, and each block from the second on is predicted by members fitted on all rows before
 * it less the last {@code gap} rows (a purge, so labels that look forward past a block's start do
 * not reach into it). The first block has no out-of-fold predictions and does not train the
 * meta-learner. The final members are then fitted on every training row. {@link
 * dev.quiver.model.TrainSet} carries no label ends, so the purge is the fixed {@code gap}: set it
 * at least to the label horizon in rows.
 *
 * <p>The meta-learner's inputs are the members' predictions in the order hgb, rf, linear; for a
 * binary label, their log-odds (probabilities clipped to [1e-6, 1 - 1e-6]), so the meta-learner
 * is a weighted log-odds average with an intercept. Validation rows serve only the members' early
 * stopping and the meta-learner's validation score. Threads and seed come from the {@link
 * dev.quiver.model.TrainContext} and are given to every fit. See {@link HistEnsembleModel}.
 *
 * <p>Variants: {@code conservative} (slower boosting, shallower forest, stronger linear penalty),
 * {@code balanced}, {@code aggressive} (faster boosting with more leaves, deeper forest, weaker
 * penalty).
 */
public final class HistEnsembleFamily extends DeclaredFamily {

  public static final String NAME = "hist_ensemble";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("hgb_iterations", 100, 1, 100_000, "histogram gradient boosting: most iterations (early stopping on validation may keep fewer)"),
      Param.real("hgb_learning_rate", 0.1, 1e-6, 1.0, "histogram gradient boosting: shrinkage applied to each tree"),
      Param.integer("hgb_num_leaves", 31, 2, 131_072, "histogram gradient boosting: most leaves per tree"),
      Param.integer("hgb_min_data_in_leaf", 20, 1, 1_000_000_000, "histogram gradient boosting: fewest training rows in a leaf"),
      Param.integer("rf_trees", 100, 1, 100_000, "random forest: number of trees"),
      Param.integer("rf_max_depth", 10, 1, 1_000, "random forest: most tree depth"),
      Param.integer("rf_min_data_in_leaf", 100, 1, 1_000_000_000, "random forest: fewest training rows in a leaf"),
      Param.real("linear_penalty", 1.0, 1e-6, 1e6,
          "linear member: L2 penalty strength, larger regularizes more (logistic C = 1 / penalty for binary, ridge alpha = penalty for regression)"),
      Param.real("meta_penalty", 1.0, 1e-6, 1e6, "meta-learner: L2 penalty strength, as linear_penalty"),
      Param.integer("folds", 5, 2, 100, "time-ordered blocks of the training rows; blocks 2..folds get out-of-fold predictions"),
      Param.integer("gap", 10, 0, 1_000_000, "rows purged between each out-of-fold fit's training rows and the block it predicts")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("hgb_learning_rate", 0.05, "hgb_num_leaves", 15, "rf_max_depth", 8, "linear_penalty", 10.0),
      "balanced", Map.of(),
      "aggressive", Map.of("hgb_learning_rate", 0.2, "hgb_num_leaves", 63, "rf_max_depth", 14, "rf_min_data_in_leaf", 20, "linear_penalty", 0.1));

  public HistEnsembleFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new HistEnsembleTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return HistEnsembleModel.load(in);
  }
}
