package dev.quiver.model.ngboost;

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
 * Natural-gradient boosting (Duan et al., "NGBoost", 2019) of a Normal distribution in pure Java:
 * the parameters (mean, log std) start at the training target's mean and log std and each
 * iteration fits one shallow histogram regression tree per parameter ({@link
 * dev.quiver.model.tree.TreeLearner}) to the natural gradient of the negative log-likelihood,
 * {@code (mean - y, (1 - (y - mean)^2 / std^2) / 2)} (the gradient times the inverse Fisher
 * information {@code diag(1/std^2, 2)}), finds a step scale by halving from 1 until the training
 * NLL does not rise (as NGBoost's line search), and moves both parameters by {@code learning_rate *
 * scale} times the trees' outputs.
 *
 * <p>{@link Task#REGRESSION} predicts the mean; {@link NgBoostModel#forecast} gives mean and std,
 * and {@link NormalForecast} scores them by NLL and CRPS. {@link Task#BINARY} fits the Normal to
 * the 0/1 label and predicts the mean clipped to [0, 1] as P(class 1), as a linear probability
 * model does. The learning curve is the NLL per iteration on training and validation rows; with
 * validation rows the iteration with the lowest validation NLL is kept (patience as configured).
 * Importance is the split gain summed over both parameters' trees. Deterministic for a seed (it
 * drives the row subsample); single-threaded.
 *
 * <p>Variants: {@code conservative} (depth 2, rate 0.03, 50-row leaves), {@code balanced} (depth 3,
 * rate 0.05), {@code aggressive} (depth 4, rate 0.1, 10-row leaves, 500 iterations).
 */
public final class NgBoostFamily extends DeclaredFamily {

  public static final String NAME = "ngboost";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.integer("n_estimators", 300, 1, 100_000, "most boosting iterations (each adds one tree per distribution parameter)"),
      Param.real("learning_rate", 0.05, 1e-6, 1.0, "shrinkage applied to every line-searched step"),
      Param.integer("max_depth", 3, 1, 12, "depth of each regression tree"),
      Param.integer("min_samples_leaf", 20, 1, 1_000_000, "fewest training rows in a leaf"),
      Param.real("lambda", 1.0, 0.0, 1e9, "L2 on leaf values: a leaf predicts sum / (rows + lambda)"),
      Param.integer("max_bins", 64, 2, 255, "quantile bins per feature for the split search (plus one for missing values)"),
      Param.real("subsample", 1.0, 0.01, 1.0, "fraction of training rows drawn (seeded, without replacement) for each iteration's trees"),
      Param.integer("patience", 20, 0, 100_000, "iterations without a lower validation NLL before stopping; 0 runs all and keeps the last")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("max_depth", 2, "learning_rate", 0.03, "min_samples_leaf", 50),
      "balanced", Map.of(),
      "aggressive", Map.of("max_depth", 4, "learning_rate", 0.1, "min_samples_leaf", 10, "n_estimators", 500));

  public NgBoostFamily() {
    super(NAME, Set.of(Task.REGRESSION, Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  public Trainer trainer(Params params) {
    return new NgBoostTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return NgBoostModel.load(in);
  }
}
