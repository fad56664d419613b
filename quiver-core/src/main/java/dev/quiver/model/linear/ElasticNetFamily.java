package dev.quiver.model.linear;

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
 * Elastic-net linear regression in pure Java by cyclic coordinate descent. It minimizes {@code
 * (1/2) mean((t - b - z.w)^2) + alpha (l1_ratio |w|_1 + (1 - l1_ratio)/2 |w|^2)} (the glmnet and
 * scikit-learn form) with z the standardized features and t the standardized target (see {@link
 * LinearModel}), so alpha is scale-free; the intercept is not penalized. {@code l1_ratio=1} is the
 * lasso, {@code 0} ridge. {@link Task#REGRESSION} predicts the value; {@link Task#BINARY} fits the
 * 0/1 label by least squares and predicts it clipped to [0, 1] as P(class 1).
 *
 * <p>One iteration is one sweep over the coordinates, O(p^2) with the features' covariance
 * computed once, independent of the row count. Sweeps stop when no weight moved more than {@code
 * tol}, at {@code max_iter}, or, with validation rows, after {@code early_stopping_rounds} sweeps
 * without a lower validation error (the weights of the best sweep are kept). The learning curve
 * holds the mean squared error per sweep on the training and validation rows. Deterministic and
 * single-threaded; the seed is unused. Variants: {@code conservative} (alpha 0.05), {@code
 * balanced} (alpha 0.01), {@code aggressive} (alpha 0.001).
 */
public final class ElasticNetFamily extends DeclaredFamily {

  public static final String NAME = "elastic_net";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.real("alpha", 0.01, 0.0, 1e9, "penalty strength on the standardized weights"),
      Param.real("l1_ratio", 0.5, 0.0, 1.0, "share of the penalty that is L1 (lasso, sparse weights); the rest is L2 (ridge)"),
      Param.integer("max_iter", 1000, 1, 10_000_000, "most coordinate-descent sweeps"),
      Param.real("tol", 1e-7, 0.0, 1.0, "stop when no standardized weight moves more than this in a sweep"),
      Param.integer("early_stopping_rounds", 10, 0, 1_000_000,
          "stop after this many sweeps without a lower validation error and keep the best; 0 turns it off: every iteration runs and the last is kept")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("alpha", 0.05),
      "balanced", Map.of(),
      "aggressive", Map.of("alpha", 0.001));

  public ElasticNetFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new ElasticNetTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return LinearModel.load(in);
  }
}
