package dev.quiver.model.catboost;

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
 * CatBoost's method implemented in pure Java by Quiver (not the CatBoost library, which has no
 * JVM trainer here): features quantised into at most {@code border_count} borders, oblivious
 * (symmetric) trees of depth {@code depth} whose one split per level minimises the second-order
 * loss over all leaves, Newton leaf values with {@code l2_leaf_reg}, ordered or plain boosting,
 * Bayesian bootstrap with {@code bagging_temperature}, ordered target statistics for the columns
 * named in {@code cat_features}, and the {@code Iter} overfitting detector on the validation
 * rows ({@code od_wait} iterations without a better validation loss stop the fit and the best
 * iteration is kept). Binary targets use Logloss, real ones RMSE; the learning curve records the
 * mean log-loss or the RMSE. See {@link CatBoostTrainer} for exactly how ordered boosting is
 * approximated.
 *
 * <p>Variants: {@code conservative} (depth 4, learning rate 0.05, l2 10, 600 iterations), {@code
 * balanced} (depth 6, learning rate 0.1, l2 3, 300 iterations), {@code aggressive} (depth 8,
 * learning rate 0.2, l2 1). Seeded by the train context; the split search runs on the context's
 * threads and gives the same model for any thread count. Constructing the family does no work.
 */
public final class CatBoostFamily extends DeclaredFamily {

  public static final String NAME = "catboost";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("iterations", 300, 1, 1_000_000, "most trees (boosting iterations)"),
      Param.real("learning_rate", 0.1, 1e-6, 1.0, "shrinkage of every leaf value"),
      Param.integer("depth", 6, 1, 10, "levels of each oblivious tree (2^depth leaves)"),
      Param.real("l2_leaf_reg", 3.0, 0.0, 1e6, "L2 regularisation of leaf values: leaf = -sum(g) / (sum(h) + l2_leaf_reg)"),
      Param.integer("border_count", 254, 1, Borders.MAX_BORDERS, "most quantisation borders per feature (equal-frequency, on the training rows)"),
      Param.choice("boosting_type", "Ordered", List.of("Ordered", "Plain"),
          "Ordered: each row's gradient comes from supporting models that never saw it (permutations, exponential prefixes); Plain: classic"),
      Param.integer("permutation_count", 4, 1, 64, "random permutations kept for ordered boosting"),
      Param.real("bagging_temperature", 1.0, 0.0, 100.0, "Bayesian bootstrap: row weights (-ln u)^t per tree; 0 gives every row weight 1"),
      Param.real("rsm", 1.0, 0.001, 1.0, "fraction of the features each tree level considers (random subspace)"),
      Param.choice("od_type", "Iter", List.of("Iter", "None"), "overfitting detector: Iter stops after od_wait iterations without a better validation loss"),
      Param.integer("od_wait", 20, 1, 1_000_000, "iterations the Iter detector waits for a better validation loss"),
      new Param("cat_features", "", "categorical columns (whole-number codes), comma-separated names or 0-based indices; replaced by ordered target statistics",
          0, 0, List.of())));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("depth", 4, "learning_rate", 0.05, "l2_leaf_reg", 10.0, "iterations", 600),
      "balanced", Map.of(),
      "aggressive", Map.of("depth", 8, "learning_rate", 0.2, "l2_leaf_reg", 1.0));

  public CatBoostFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public String description() {
    return "Quiver's pure-Java implementation of CatBoost's method (oblivious trees, ordered boosting, ordered target statistics); "
        + "not the CatBoost library";
  }

  @Override
  public Trainer trainer(Params params) {
    return new CatBoostTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return CatBoostModel.load(in);
  }
}
