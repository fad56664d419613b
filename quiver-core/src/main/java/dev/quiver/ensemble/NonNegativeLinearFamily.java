package dev.quiver.ensemble;

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
 * A linear model whose coefficients on member predictions are non-negative: the default
 * meta-learner of {@link StackingEnsemble}. Binary: logistic regression, P(1) = sigmoid(b + w.z);
 * regression: ridge, b + w.z. z is the input standardized with the training rows' mean and
 * population std (ddof 0; a constant column gets std 1, so its coefficient stays 0), a NaN cell
 * becomes 0. Columns whose name starts with {@value StackingEnsemble#MEMBER_PREFIX} (the member
 * predictions a stacker passes) are constrained to {@code w >= 0}; other columns (pass-through
 * features) are free. The objective is the mean loss (log loss or half squared error) plus
 * {@code l2 / 2 * |w|^2}; the intercept is not penalized. Solved by cyclic coordinate descent with
 * a Newton step per coordinate, projected on the constraint and halved until the objective does
 * not rise. Deterministic and single-threaded; constructing the family does no work.
 *
 * <p>Non-negative weights keep a stacker from betting against a member, which on out-of-fold
 * predictions of correlated members is mostly fitting noise.
 */
public final class NonNegativeLinearFamily extends DeclaredFamily {

  public static final String NAME = "nonneg_linear";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.real("l2", 1e-3, 0.0, 1e6, "L2 penalty on the coefficients of the standardized inputs"),
      Param.integer("max_iter", 200, 1, 100_000, "most coordinate-descent sweeps"),
      Param.real("tol", 1e-7, 0.0, 1.0, "stop when no coefficient moves more than this in a sweep")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("l2", 0.1),
      "balanced", Map.of(),
      "aggressive", Map.of("l2", 0.0));

  public NonNegativeLinearFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new NonNegativeLinearTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return NonNegativeLinearModel.load(in);
  }
}
