package dev.quiver.gbdt;

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
 * The depth-limited gradient boosting of the reference trainer (its "tactician": 100 trees of
 * depth 3, learning rate 0.1, no row sampling, as scikit-learn's GradientBoostingClassifier), fitted
 * by LightGBM's histogram booster ({@code boosting=gbdt}) instead of exact splits, which is what
 * makes it fast. {@link Task#BINARY} predictions are P(class 1), {@link Task#REGRESSION} ones the
 * forecast (L2).
 *
 * <p>Parameters keep LightGBM's names. With validation rows, training stops when the validation
 * metric has not improved for {@code early_stopping_rounds} iterations and the model keeps the best
 * iteration. Threads and seed come from the {@link dev.quiver.model.TrainContext}, as for
 * {@link LightGbmFamily}; models save and load as LightGBM text.
 *
 * <p>Variants: {@code conservative} (depth 2, slower learning, more trees), {@code balanced} (the
 * defaults), {@code aggressive} (depth 5, faster learning).
 */
public final class GradientBoostingFamily extends DeclaredFamily {

  public static final String NAME = "gradient_boosting";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("num_iterations", 100, 1, 100_000, "most boosting iterations (trees); early stopping may keep fewer"),
      Param.real("learning_rate", 0.1, 1e-6, 1.0, "shrinkage applied to each tree"),
      Param.integer("max_depth", 3, 1, 1_000, "most tree depth"),
      Param.integer("num_leaves", 8, 2, 131_072, "most leaves per tree (2^max_depth fills every level)"),
      Param.integer("min_data_in_leaf", 20, 1, 1_000_000_000, "fewest training rows in a leaf"),
      Param.real("bagging_fraction", 1.0, 1e-6, 1.0, "share of rows drawn for each tree (1: all, as the reference)"),
      Param.integer("bagging_freq", 0, 0, 1_000_000, "redraw the bagged rows every k iterations; 0 turns bagging off"),
      Param.real("feature_fraction", 1.0, 1e-6, 1.0, "share of features drawn for each tree"),
      Param.real("lambda_l2", 0.0, 0.0, 1e9, "L2 penalty on leaf values"),
      Param.real("min_gain_to_split", 0.0, 0.0, 1e9, "smallest loss reduction a split must bring"),
      Param.integer("max_bin", 255, 2, 65_535, "most histogram bins per feature"),
      Param.integer("early_stopping_rounds", 30, 0, 1_000_000,
          "stop after this many iterations without a better validation score and keep the best; 0 turns it off: every iteration runs and the last is kept"),
      Param.choice("metric", "auto", List.of("auto", "binary_logloss", "auc", "multi_logloss", "multi_error", "l2", "l1"),
          "validation metric for early stopping; auto: binary_logloss for binary, multi_logloss for multiclass, l2 for regression")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("max_depth", 2, "num_leaves", 4, "learning_rate", 0.05, "num_iterations", 200),
      "balanced", Map.of(),
      "aggressive", Map.of("max_depth", 5, "num_leaves", 32, "learning_rate", 0.2));

  public GradientBoostingFamily() {
    super(NAME, Set.of(Task.BINARY, Task.MULTICLASS, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new LightGbmTrainer(NAME, params, Map.of("boosting", "gbdt"));
  }

  @Override
  public boolean explainable() {
    return true;
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return LightGbmModel.load(in);
  }
}
