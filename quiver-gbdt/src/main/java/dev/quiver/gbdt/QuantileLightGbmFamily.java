package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
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
 * Several quantiles of a real-valued label at once, as one model: one LightGBM booster per
 * quantile ({@code objective=quantile}, {@code alpha} = the quantile), all on the same rows, bins,
 * seed and boosting settings, each with its own early stopping on its pinball loss. {@link
 * Task#REGRESSION} only. Quantile forecasts of separate boosters can cross (a 0.9 forecast below
 * the 0.5 one); the model removes crossings at predict time by sorting each row's forecasts (the
 * rearrangement of Chernozhukov, Fernández-Val and Galichon, 2010: on a grid of quantiles it is a
 * sort, and the sorted curve is never farther, in any Lp norm over the grid, from the true rising
 * quantile curve than the unsorted one), so the forecasts rise with tau on every row. See {@link
 * QuantileLightGbmModel}.
 *
 * <p>{@code quantiles} is a comma-separated list of distinct values in (0, 1), e.g. {@code
 * 0.1,0.5,0.9}; the other parameters are LightGBM's (see {@link LightGbmFamily}) and apply to every
 * booster. Variants: {@code conservative}, {@code balanced}, {@code aggressive} as for lightgbm.
 * Constructing the family loads no native code.
 */
public final class QuantileLightGbmFamily extends DeclaredFamily {

  public static final String NAME = "quantile_lightgbm";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.choice("quantiles", "0.1,0.5,0.9", List.of(), "comma-separated quantiles to forecast, each in (0, 1), e.g. 0.05,0.25,0.5,0.75,0.95"),
      Param.integer("num_iterations", 300, 1, 100_000, "most boosting iterations per quantile; early stopping may keep fewer"),
      Param.real("learning_rate", 0.05, 1e-6, 1.0, "shrinkage applied to each tree"),
      Param.integer("num_leaves", 31, 2, 131_072, "most leaves per tree"),
      Param.integer("max_depth", -1, -1, 1_000, "most tree depth; -1 (or 0) for no limit"),
      Param.integer("min_data_in_leaf", 100, 1, 1_000_000_000, "fewest training rows in a leaf"),
      Param.real("feature_fraction", 0.8, 1e-6, 1.0, "share of features drawn for each tree"),
      Param.real("bagging_fraction", 0.8, 1e-6, 1.0, "share of rows drawn for each bagging round"),
      Param.integer("bagging_freq", 1, 0, 1_000_000, "redraw the bagged rows every k iterations; 0 turns bagging off"),
      Param.real("lambda_l2", 0.0, 0.0, 1e9, "L2 penalty on leaf values"),
      Param.integer("max_bin", 255, 2, 65_535, "most histogram bins per feature"),
      Param.integer("early_stopping_rounds", 30, 0, 1_000_000,
          "stop a quantile's booster after this many iterations without a lower validation pinball loss and keep its best; 0 turns it off")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("num_leaves", 15, "learning_rate", 0.03, "min_data_in_leaf", 200, "lambda_l2", 10.0, "feature_fraction", 0.7),
      "balanced", Map.of(),
      "aggressive", Map.of("num_leaves", 127, "learning_rate", 0.1, "min_data_in_leaf", 20));

  public QuantileLightGbmFamily() {
    super(NAME, Set.of(Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params p) {
    quantiles(p.getString("quantiles"));
  }

  /** Parses a quantile list; fails naming the bad entry. The result rises strictly. */
  static double[] quantiles(String text) {
    String[] parts = text.split(",");
    double[] taus = new double[parts.length];
    for (int k = 0; k < parts.length; k++) {
      String t = parts[k].trim();
      double v;
      try {
        v = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!(v > 0 && v < 1)) {
        throw new BadInputException(Where.none(), "parameter 'quantiles' entry '" + t + "' is not a number in (0, 1)", "write quantiles like 0.1,0.5,0.9");
      }
      taus[k] = v;
    }
    double[] sorted = taus.clone();
    java.util.Arrays.sort(sorted);
    for (int k = 1; k < sorted.length; k++) {
      if (sorted[k] == sorted[k - 1]) {
        throw new BadInputException(Where.none(), "parameter 'quantiles' lists " + sorted[k] + " twice", "list each quantile once");
      }
    }
    return sorted;
  }

  @Override
  public Trainer trainer(Params params) {
    return new QuantileLightGbmTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return QuantileLightGbmModel.load(in);
  }
}
