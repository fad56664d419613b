package dev.quiver.model.ftrl;

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
 * FTRL-proximal logistic regression (McMahan et al., "Ad Click Prediction: a View from the
 * Trenches", 2013), {@link Task#BINARY}, in pure Java. Per-coordinate learning rates {@code
 * alpha / (beta + sqrt(n_i))}, L1 and L2 on the weights; the intercept is a coordinate with input
 * 1 and is regularized like the others. Features are standardized with the first fit's training
 * rows (mean and population std, ddof 0; NaN becomes the training mean), and that scaling is kept
 * for every later {@link FtrlModel#partialFit}, so an online model sees one fixed input space.
 *
 * <p>A fit makes up to {@code epochs} passes over the training rows, in time order unless {@code
 * shuffle} is set (then a seeded shuffle per pass); with validation rows it keeps the pass with
 * the lowest validation log-loss and stops after {@code patience} passes without improvement.
 * The learning curve is the log-loss per pass. Deterministic for a seed; single-threaded.
 * Variants: {@code conservative} (strong L1/L2, small alpha), {@code balanced}, {@code aggressive}
 * (weak regularization, larger alpha, more passes).
 */
public final class FtrlFamily extends DeclaredFamily {

  public static final String NAME = "ftrl";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.real("alpha", 0.1, 1e-9, 1e3, "learning-rate scale: coordinate i steps at alpha / (beta + sqrt(sum of its squared gradients))"),
      Param.real("beta", 1.0, 0.0, 1e6, "learning-rate smoothing added to sqrt(sum of squared gradients); 1 is the paper's choice"),
      Param.real("l1", 1.0, 0.0, 1e9, "L1 strength (in summed-gradient units): coordinates with |z| <= l1 are exactly 0"),
      Param.real("l2", 1.0, 0.0, 1e9, "L2 strength on the weights"),
      Param.integer("epochs", 3, 1, 1000, "most passes over the training rows"),
      Param.integer("patience", 2, 0, 1000, "passes without a lower validation log-loss before stopping; 0 runs every pass and keeps the last"),
      Param.flag("shuffle", false, "shuffle the rows (seeded) on each pass; false learns in time order, as online")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("alpha", 0.05, "l1", 5.0, "l2", 10.0, "epochs", 2),
      "balanced", Map.of(),
      "aggressive", Map.of("alpha", 0.3, "l1", 0.1, "l2", 0.1, "epochs", 6));

  public FtrlFamily() {
    super(NAME, Set.of(Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new FtrlTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return FtrlModel.load(in);
  }
}
