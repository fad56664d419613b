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
 * Gradient-boosted trees by LightGBM (lightgbm4j 4.3.0-1, native), for {@link Task#BINARY}
 * (objective {@code binary}, predictions P(class 1)), {@link Task#MULTICLASS} (objective {@code
 * multiclass} with {@code num_class} K from the label, predictions the K class probabilities,
 * early stopping on {@code multi_logloss} by default) and {@link Task#REGRESSION} (objective
 * {@code regression}, L2). The objective follows the {@link dev.quiver.model.TrainSet#task()
 * task of the training set}, not a parameter.
 *
 * <p>Every fit sets {@code num_threads} to {@link dev.quiver.model.TrainContext#threads()},
 * {@code seed} from the context seed, {@code deterministic=true}, {@code force_row_wise=true}
 * and {@code verbose=-1}: the same data, parameters, seed and thread count give the same model.
 * With a non-empty validation set, training stops when the validation metric has not improved
 * for {@code early_stopping_rounds} iterations and the model keeps the best iteration's trees.
 *
 * <p>{@code boosting=rf} turns the booster into a random forest (LightGBM's {@code rf} mode: each
 * iteration adds one tree fitted on a bagged sample, and predictions average the trees). {@code
 * boosting=dart} drops a random share ({@code drop_rate}) of the earlier trees while fitting each new
 * one and rescales them; since that rewrites earlier trees, a model cannot be cut back to an earlier
 * iteration, so early stopping is off under dart (every iteration runs, the last is kept; the
 * validation scores are still recorded). {@code boosting=goss} keeps the rows with the largest
 * gradients and a random share of the others for each tree (LightGBM's {@code
 * data_sample_strategy=goss}); it replaces bagging, so {@code bagging_fraction} and {@code
 * bagging_freq} are not used.
 *
 * <p>{@code objective=quantile} (regression labels only) predicts the {@code alpha}-quantile of the
 * label, minimizing the pinball loss; the default metric is then LightGBM's {@code quantile}
 * (the pinball loss at {@code alpha}).
 *
 * <p>Variants: {@code conservative} (fewer leaves, slower learning, L2 penalty), {@code balanced}
 * (the defaults), {@code aggressive} (more leaves, smaller leaves, faster learning).
 * Constructing the family, listing its params and making a trainer load no native code; the
 * library loads in {@link Trainer#fit} and {@link #load}.
 */
public final class LightGbmFamily extends DeclaredFamily {

  public static final String NAME = "lightgbm";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("num_iterations", 300, 1, 100_000, "most boosting iterations (trees); early stopping may keep fewer"),
      Param.real("learning_rate", 0.05, 1e-6, 1.0, "shrinkage applied to each tree"),
      Param.integer("num_leaves", 31, 2, 131_072, "most leaves per tree"),
      Param.integer("max_depth", -1, -1, 1_000, "most tree depth; -1 (or 0) for no limit"),
      Param.integer("min_data_in_leaf", 100, 1, 1_000_000_000, "fewest training rows in a leaf"),
      Param.real("feature_fraction", 0.8, 1e-6, 1.0, "share of features drawn for each tree"),
      Param.real("bagging_fraction", 0.8, 1e-6, 1.0, "share of rows drawn for each bagging round"),
      Param.integer("bagging_freq", 1, 0, 1_000_000, "redraw the bagged rows every k iterations; 0 turns bagging off"),
      Param.real("lambda_l1", 0.0, 0.0, 1e9, "L1 penalty on leaf values"),
      Param.real("lambda_l2", 0.0, 0.0, 1e9, "L2 penalty on leaf values"),
      Param.real("min_gain_to_split", 0.0, 0.0, 1e9, "smallest loss reduction a split must bring"),
      Param.integer("early_stopping_rounds", 30, 0, 1_000_000,
          "stop after this many iterations without a better validation score and keep the best; 0 turns it off: every iteration runs and the last is kept"),
      Param.integer("max_bin", 255, 2, 65_535, "most histogram bins per feature"),
      Param.choice("metric", "auto", List.of("auto", "binary_logloss", "auc", "multi_logloss", "multi_error", "l2", "l1", "quantile"),
          "validation metric for early stopping; auto: binary_logloss for binary, multi_logloss for multiclass, l2 for regression, quantile (pinball loss) for objective quantile"),
      Param.choice("boosting", "gbdt", List.of("gbdt", "dart", "goss", "rf"),
          "gbdt: gradient boosting; dart: boosting with dropout of earlier trees (early stopping off); goss: gradient-based one-side sampling"
              + " of rows instead of bagging; rf: random forest (trees on bagged rows, averaged; needs bagging_fraction < 1 or feature_fraction < 1)"),
      Param.real("drop_rate", 0.1, 0.0, 1.0, "dart only: share of earlier trees dropped at each iteration"),
      Param.choice("objective", "auto", List.of("auto", "quantile"),
          "auto: binary for a binary label, L2 regression for a real one; quantile: the alpha-quantile of a real label (pinball loss)"),
      Param.real("alpha", 0.5, 1e-6, 1 - 1e-6, "objective quantile only: the quantile predicted, in (0, 1)")));

  static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("num_leaves", 15, "learning_rate", 0.03, "min_data_in_leaf", 200, "lambda_l2", 10.0, "feature_fraction", 0.7),
      "balanced", Map.of(),
      "aggressive", Map.of("num_leaves", 127, "learning_rate", 0.1, "min_data_in_leaf", 20));

  public LightGbmFamily() {
    super(NAME, Set.of(Task.BINARY, Task.MULTICLASS, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params p) {
    if (p.getString("boosting").equals("rf")) checkForest(NAME, p);
  }

  @Override
  public Trainer trainer(Params params) {
    return new LightGbmTrainer(params);
  }

  @Override
  public boolean explainable() {
    return true;
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return LightGbmModel.load(in);
  }

  /**
   * LightGBM's random-forest mode needs row bagging ({@code bagging_freq > 0} and {@code
   * bagging_fraction < 1}) or feature sampling ({@code feature_fraction < 1}), else every tree
   * would be the same: fails naming the family and the fix.
   */
  static void checkForest(String family, Params p) {
    boolean bagging = p.getInt("bagging_freq") > 0 && p.getDouble("bagging_fraction") < 1.0;
    boolean sampling = p.getDouble("feature_fraction") < 1.0;
    if (!bagging && !sampling) {
      throw new BadInputException(Where.none(), family + " random-forest mode needs bagging_freq > 0 with bagging_fraction < 1, or feature_fraction < 1; got bagging_freq "
          + p.getInt("bagging_freq") + ", bagging_fraction " + p.getDouble("bagging_fraction") + ", feature_fraction " + p.getDouble("feature_fraction"),
          "set bagging_fraction below 1 (e.g. 0.632) with bagging_freq 1");
    }
  }
}
