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
import java.util.ArrayList;
import java.util.List;
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
 * 0.1,0.5,0.9}; the other parameters are a subset of LightGBM's, declared once by {@link
 * LightGbmFamily}, and apply to every booster (early stopping: per booster, on its own pinball
 * loss). Variants: those of lightgbm.
 * Constructing the family loads no native code.
 */
public final class QuantileLightGbmFamily extends DeclaredFamily {

  public static final String NAME = "quantile_lightgbm";

  /** LightGBM's parameters that every quantile's booster takes, as {@link LightGbmFamily} declares them. */
  private static final Set<String> BOOSTER_KEYS = Set.of("num_iterations", "learning_rate", "num_leaves", "max_depth", "min_data_in_leaf",
      "feature_fraction", "bagging_fraction", "bagging_freq", "lambda_l2", "max_bin", "early_stopping_rounds");

  static final Params DEFAULTS = declare();

  private static Params declare() {
    List<Param> params = new ArrayList<>();
    params.add(Param.choice("quantiles", "0.1,0.5,0.9", List.of(), "comma-separated quantiles to forecast, each in (0, 1), e.g. 0.05,0.25,0.5,0.75,0.95"));
    for (Param p : LightGbmFamily.DEFAULTS.declared()) if (BOOSTER_KEYS.contains(p.key())) params.add(p);
    return Params.declare(params);
  }

  public QuantileLightGbmFamily() {
    super(NAME, Set.of(Task.REGRESSION), DEFAULTS, LightGbmFamily.VARIANTS);
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
