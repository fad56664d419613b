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
 * The random forest of the reference trainer (its "analyst": 100 trees of depth 10), built with
 * LightGBM's random-forest mode ({@code boosting=rf}): each iteration fits one tree on a bagged
 * sample of the rows ({@code bagging_fraction}, redrawn every iteration) with a share of the
 * features tried at each split ({@code feature_fraction_bynode}), and predictions average the
 * trees (P(class 1) for {@link Task#BINARY}, the forecast for {@link Task#REGRESSION}). Chosen over
 * a pure-Java forest and over XGBoost's forest mode by measurement: see README.md, Benchmarks.
 *
 * <p>Parameters keep LightGBM's names. Early stopping is off by default ({@code
 * early_stopping_rounds=0}): more trees do not make a forest overfit, so the validation rows only
 * record the learning curve (the metric of the average of the first k trees); set it above 0 to
 * stop adding trees once validation stops improving. Threads and seed come from the
 * {@link dev.quiver.model.TrainContext}, as for {@link LightGbmFamily}; models save and load as
 * LightGBM text.
 *
 * <p>Variants: {@code conservative} (shallower trees, larger leaves), {@code balanced} (the
 * defaults), {@code aggressive} (deeper trees, small leaves).
 */
public final class RandomForestFamily extends DeclaredFamily {

  public static final String NAME = "random_forest";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("num_iterations", 100, 1, 100_000, "number of trees"),
      Param.integer("max_depth", 10, 1, 1_000, "most tree depth"),
      Param.integer("num_leaves", 1023, 2, 131_072, "most leaves per tree"),
      Param.integer("min_data_in_leaf", 100, 1, 1_000_000_000,
          "fewest training rows in a leaf (100 rather than 20: as accurate on the futures benchmark, and faster; see README.md, Benchmarks)"),
      Param.real("bagging_fraction", 0.632, 1e-6, 1.0, "share of rows drawn (without replacement) for each tree"),
      Param.integer("bagging_freq", 1, 0, 1_000_000, "redraw the rows every k trees; a forest needs 1"),
      Param.real("feature_fraction", 1.0, 1e-6, 1.0, "share of features drawn for each tree"),
      Param.real("feature_fraction_bynode", 0.5, 1e-6, 1.0, "share of the tree's features tried at each split"),
      Param.real("lambda_l2", 0.0, 0.0, 1e9, "L2 penalty on leaf values"),
      Param.integer("max_bin", 255, 2, 65_535, "most histogram bins per feature"),
      Param.integer("early_stopping_rounds", 0, 0, 1_000_000,
          "stop adding trees after this many without a better validation score and keep the best; 0 (default) keeps every tree"),
      Param.choice("metric", "auto", List.of("auto", "binary_logloss", "auc", "multi_logloss", "multi_error", "l2", "l1"),
          "metric of the learning curve (and of early stopping); auto: binary_logloss for binary, multi_logloss for multiclass, l2 for regression")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("max_depth", 8, "num_leaves", 255, "min_data_in_leaf", 200),
      "balanced", Map.of(),
      "aggressive", Map.of("max_depth", 14, "num_leaves", 4095, "min_data_in_leaf", 5, "feature_fraction_bynode", 0.7));

  public RandomForestFamily() {
    super(NAME, Set.of(Task.BINARY, Task.MULTICLASS, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params p) {
    LightGbmFamily.checkForest(NAME, p);
  }

  @Override
  public Trainer trainer(Params params) {
    return new LightGbmTrainer(NAME, params, Map.of("boosting", "rf"));
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
