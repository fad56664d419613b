package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.FittedModel;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradient-boosted trees by XGBoost (xgboost4j 3.0.4, native), histogram method ({@code
 * tree_method=hist}), for {@link Task#BINARY} (objective {@code binary:logistic}, predictions
 * P(class 1)), {@link Task#MULTICLASS} (objective {@code multi:softprob} with {@code num_class} K
 * from the label, predictions the K class probabilities, early stopping on {@code mlogloss} by
 * default) and {@link Task#REGRESSION} (objective {@code reg:squarederror}). The objective
 * follows the {@link dev.quiver.model.TrainSet#task() task of the training set}.
 *
 * <p>Every fit sets {@code nthread} to {@link dev.quiver.model.TrainContext#threads()}, {@code seed}
 * from the context seed and {@code verbosity=0}; XGBoost prints nothing (its per-round evaluation
 * lines are read by Quiver, never printed). The same data, parameters, seed and thread count give
 * the same model. With validation rows, training stops when the validation metric has not
 * improved for {@code early_stopping_rounds} rounds and the model keeps the best round's trees
 * only.
 *
 * <p>{@code mode=forest} makes a random forest the XGBoost way: one round of {@code num_rounds}
 * parallel trees ({@code num_parallel_tree}), each on a row sample ({@code subsample}) and column
 * samples ({@code colsample_bynode}, {@code colsample_bytree}), with learning rate 1 (the {@code
 * learning_rate} parameter is then unused) and no early stopping (there is one round).
 *
 * <p>{@code objective=quantile} (regression labels only) predicts the {@code quantile_alpha}-quantile
 * of the label ({@code reg:quantileerror}, the pinball loss); the default metric is then XGBoost's
 * {@code quantile} (the pinball loss at {@code quantile_alpha}).
 *
 * <p>Variants: {@code conservative} (shallower trees, slower learning, heavier L2), {@code
 * balanced} (the defaults), {@code aggressive} (deeper trees, faster learning), {@code
 * random_forest} (forest mode: 100 trees of depth 10). Constructing the family, listing its params
 * and making a trainer load no native code.
 */
public final class XGBoostFamily extends DeclaredFamily {

  public static final String NAME = "xgboost";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("num_rounds", 300, 1, 100_000, "most boosting rounds; early stopping may keep fewer. In forest mode: the number of trees"),
      Param.real("learning_rate", 0.05, 1e-6, 1.0, "shrinkage applied to each tree (XGBoost's eta); unused in forest mode"),
      Param.integer("max_depth", 6, 1, 64, "most tree depth"),
      Param.real("min_child_weight", 1.0, 0.0, 1e9, "smallest hessian sum in a child (rows, for squared error)"),
      Param.real("subsample", 0.8, 1e-6, 1.0, "share of rows drawn for each tree"),
      Param.real("colsample_bytree", 0.8, 1e-6, 1.0, "share of features drawn for each tree"),
      Param.real("colsample_bynode", 1.0, 1e-6, 1.0, "share of the tree's features drawn for each split"),
      Param.real("lambda", 1.0, 0.0, 1e9, "L2 penalty on leaf weights"),
      Param.real("alpha", 0.0, 0.0, 1e9, "L1 penalty on leaf weights"),
      Param.real("gamma", 0.0, 0.0, 1e9, "smallest loss reduction a split must bring"),
      Param.integer("max_bin", 256, 2, 65_535, "most histogram bins per feature"),
      Param.integer("early_stopping_rounds", 30, 0, 1_000_000,
          "stop after this many rounds without a better validation score and keep the best; 0 turns it off: every iteration runs and the last is kept"),
      Param.choice("metric", "auto", List.of("auto", "logloss", "auc", "mlogloss", "merror", "rmse", "mae", "quantile"),
          "validation metric for early stopping; auto: logloss for binary, mlogloss for multiclass, rmse for regression, quantile (pinball loss) for objective quantile"),
      Param.choice("objective", "auto", List.of("auto", "quantile"),
          "auto: binary:logistic for a binary label, reg:squarederror for a real one; quantile: reg:quantileerror, the quantile_alpha-quantile of a real label"),
      Param.real("quantile_alpha", 0.5, 1e-6, 1 - 1e-6, "objective quantile only: the quantile predicted, in (0, 1)"),
      Param.choice("mode", "boost", List.of("boost", "forest"),
          "boost: gradient boosting; forest: a random forest of num_rounds trees in one round (needs subsample or colsample below 1)")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("max_depth", 4, "learning_rate", 0.03, "min_child_weight", 5.0, "lambda", 10.0, "colsample_bytree", 0.7),
      "balanced", Map.of(),
      "aggressive", Map.of("max_depth", 8, "learning_rate", 0.1, "subsample", 0.9),
      "random_forest", Map.of("mode", "forest", "num_rounds", 100, "max_depth", 10, "subsample", 0.632, "colsample_bytree", 1.0,
          "colsample_bynode", 0.5));

  public XGBoostFamily() {
    super(NAME, Set.of(Task.BINARY, Task.MULTICLASS, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params p) {
    if (p.getString("mode").equals("forest") && p.getDouble("subsample") >= 1.0 && p.getDouble("colsample_bytree") >= 1.0
        && p.getDouble("colsample_bynode") >= 1.0) {
      throw new BadInputException(Where.none(), "xgboost forest mode needs subsample, colsample_bytree or colsample_bynode below 1, else every tree is the same",
          "set subsample 0.632 and colsample_bynode 0.5 (or use the random_forest variant)");
    }
  }

  @Override
  public Trainer trainer(Params params) {
    return new XGBoostTrainer(params);
  }

  @Override
  public boolean explainable() {
    return true;
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return XGBoostModel.load(in);
  }
}
