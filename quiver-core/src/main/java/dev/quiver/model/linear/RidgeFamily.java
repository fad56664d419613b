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
 * Ridge regression in pure Java, solved exactly (Cholesky on the p x p covariance of the
 * standardized features). It minimizes {@code (1/2) mean((t - b - z.w)^2) + (alpha/2) |w|^2} with
 * z the standardized features and t the standardized target (see {@link LinearModel}), so alpha is
 * scale-free, the intercept is not penalized, and ridge with a given alpha is elastic_net with the
 * same alpha and {@code l1_ratio=0}. {@link Task#REGRESSION} predicts the value; {@link Task#BINARY}
 * fits the 0/1 label by least squares and predicts it clipped to [0, 1] as P(class 1).
 *
 * <p>There is one iteration, the exact solve: the learning curve holds its mean squared error on
 * the training and validation rows. Deterministic and single-threaded; the seed is unused.
 * Variants: {@code conservative} (alpha 10), {@code balanced} (alpha 1), {@code aggressive}
 * (alpha 0.01).
 */
public final class RidgeFamily extends DeclaredFamily {

  public static final String NAME = "ridge";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.real("alpha", 1.0, 0.0, 1e9,
          "L2 penalty on the standardized weights: minimizes (1/2) mean squared error + (alpha/2) |w|^2; 0 is least squares (fails on collinear features)")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("alpha", 10.0),
      "balanced", Map.of(),
      "aggressive", Map.of("alpha", 0.01));

  public RidgeFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new RidgeTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return LinearModel.load(in);
  }
}
