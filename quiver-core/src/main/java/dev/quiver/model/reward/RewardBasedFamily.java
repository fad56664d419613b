package dev.quiver.model.reward;

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
 * A reward-weighted logistic regression, {@link Task#BINARY}, in pure Java: each training row
 * counts in the log-loss in proportion to how much trading it would have earned or lost, so the
 * model spends its capacity on the moves that matter and not on the many near-zero ones. The
 * weights come from the row's forward return r ({@link dev.quiver.model.TrainSet#forwardReturn()},
 * the label's own return) as {@link RewardWeights} documents: {@code (|r| / mean|r|)^power}
 * clipped to {@code [min_weight, max_weight]}, mean 1 over the training rows before clipping.
 *
 * <p>Why logistic by Newton's method and not liblinear or boosted stumps: liblinear 2.44 has no
 * per-row weights (only per-class), and a linear model keeps the family cheap, exact and
 * deterministic; the weighted problem is small (features + 1 unknowns), so each Newton step is
 * one pass over the rows plus a Cholesky solve. The objective is {@code sum_i w_i logloss_i +
 * (l2 / 2) |beta|^2} over standardized inputs (mean and population std of the training rows,
 * NaN = the mean); the intercept is not penalized. The learning curve is the weighted log-loss
 * per Newton step on the training rows and on the validation rows (weighted by their own forward
 * returns when present, else unweighted); every step runs until the largest coefficient change
 * is below {@code tol} and the last is kept. Deterministic; the seed is unused; single-threaded.
 *
 * <p>Variants: {@code conservative} (square-root weights capped at 5, l2 100), {@code balanced}
 * (proportional weights capped at 10, l2 1), {@code aggressive} (weights ^1.5 capped at 50, l2 0.01).
 */
public final class RewardBasedFamily extends DeclaredFamily {

  public static final String NAME = "reward_based";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.real("power", 1.0, 0.0, 4.0, "row weight = (|forward return| / mean |forward return|)^power; 0 weighs every row 1"),
      Param.real("max_weight", 10.0, 1.0, 1e6, "largest row weight (caps outlier returns)"),
      Param.real("min_weight", 0.0, 0.0, 1.0, "smallest row weight (0 lets flat bars count nothing)"),
      Param.real("l2", 1.0, 0.0, 1e9, "L2 penalty (l2 / 2) |beta|^2 on the standardized coefficients, against the summed weighted log-loss"),
      Param.integer("max_iter", 50, 1, 10_000, "most Newton steps"),
      Param.real("tol", 1e-8, 0.0, 1.0, "stop when no coefficient moves more than this in a step")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("power", 0.5, "max_weight", 5.0, "l2", 100.0),
      "balanced", Map.of(),
      "aggressive", Map.of("power", 1.5, "max_weight", 50.0, "l2", 0.01));

  public RewardBasedFamily() {
    super(NAME, Set.of(Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new RewardTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return RewardModel.load(in);
  }
}
