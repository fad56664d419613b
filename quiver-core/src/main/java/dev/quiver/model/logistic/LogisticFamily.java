package dev.quiver.model.logistic;

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
 * L1- or L2-regularized logistic regression by liblinear 2.44 (pure Java), {@link Task#BINARY}
 * only. Features are standardized with the training rows' mean and population std (ddof 0;
 * a constant column gets std 1) and a missing value (NaN) becomes 0 after standardizing, i.e. the
 * training mean. liblinear minimizes {@code C * sum(log-loss) + penalty(w)} with an intercept
 * that is not penalized for the primal solvers (liblinear's {@code -R}) and is penalized, as a
 * weight on a constant 1 input, by the dual solver. Predictions are P(class 1); importance is
 * |coefficient| on the standardized inputs.
 *
 * <p>Variants: {@code conservative} (C 0.1), {@code balanced} (C 1, the defaults), {@code
 * aggressive} (C 10). The fit is deterministic for a seed (it seeds the solvers that shuffle)
 * and single-threaded. Constructing the family does no work.
 */
public final class LogisticFamily extends DeclaredFamily {

  public static final String NAME = "logistic";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.real("c", 1.0, 1e-6, 1e6, "inverse regularization strength C: liblinear minimizes C * sum(loss) + penalty(w); smaller C regularizes more"),
      Param.choice("penalty", "l2", List.of("l2", "l1"), "l2 (ridge) or l1 (lasso, sparse coefficients)"),
      Param.choice("solver", "auto", List.of("auto", "primal", "dual"),
          "auto: primal; primal: trust-region Newton (l2) or newGLMNET (l1); dual: coordinate descent on the dual, l2 only"),
      Param.integer("max_iter", 1000, 1, 10_000_000, "most solver iterations"),
      Param.real("eps", 0.01, 1e-12, 1.0, "stopping tolerance, as liblinear's -e"),
      Param.choice("class_weight", "none", List.of("none", "balanced"),
          "balanced weighs each class by rows / (2 * rows of that class) in the loss")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("c", 0.1),
      "balanced", Map.of(),
      "aggressive", Map.of("c", 10.0));

  public LogisticFamily() {
    super(NAME, Set.of(Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params p) {
    if (p.getString("penalty").equals("l1") && p.getString("solver").equals("dual")) {
      throw new BadInputException(Where.none(), "logistic solver 'dual' supports penalty l2 only, got penalty l1", "use solver primal (or auto) with l1");
    }
  }

  @Override
  public Trainer trainer(Params params) {
    return new LogisticTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return LogisticModel.load(in);
  }
}
