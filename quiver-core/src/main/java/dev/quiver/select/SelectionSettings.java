package dev.quiver.select;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.util.ArrayList;
import java.util.List;

/**
 * How to select features, the {@code select:} section of an experiment file (snake_case keys).
 *
 * <ul>
 *   <li>{@code method}: {@code topk} keeps the {@code k} most important features; {@code rfecv}
 *       drops the {@code step} least important features per round down to {@code min_features}
 *       and keeps the feature count with the best mean cross-validated score (ties to fewer).
 *   <li>{@code cv}: {@code walk-forward} (expanding, {@code folds} test blocks of n/(folds+1) rows
 *       after a first training block of the same size, training rows whose label reaches the test
 *       block purged) or {@code purged-kfold} ({@code folds} contiguous blocks, purged, with an
 *       embargo of {@code embargo_pct} of the rows after each test block).
 *   <li>{@code metric}: {@code auc} (binary: of P(up); regression: of the forecast against the sign
 *       of the realised return, zero not up), {@code ic} (Spearman of prediction and realised
 *       return) or {@code r2} (regression only); higher is better for all three.
 * </ul>
 */
public record SelectionSettings(String method, int k, int step, int minFeatures, int folds, String cv, double embargoPct, String metric) {

  public static final List<String> METHODS = List.of("topk", "rfecv");
  public static final List<String> CVS = List.of("walk-forward", "purged-kfold");
  public static final List<String> METRICS = List.of("auc", "ic", "r2");

  /** rfecv, k 10, step 1, min_features 1, 4 walk-forward folds, embargo 1%, auc. */
  public static final SelectionSettings DEFAULTS = new SelectionSettings("rfecv", 10, 1, 1, 4, "walk-forward", 0.01, "auc");

  /** @throws BadInputException naming every value out of range, with the valid ones */
  public SelectionSettings {
    List<Problem> problems = new ArrayList<>();
    if (!METHODS.contains(method)) problems.add(bad("method", method, "method must be one of " + METHODS));
    if (k < 1) problems.add(bad("k", k, "k must be at least 1"));
    if (step < 1) problems.add(bad("step", step, "step must be at least 1"));
    if (minFeatures < 1) problems.add(bad("min_features", minFeatures, "min_features must be at least 1"));
    if (folds < 2) problems.add(bad("folds", folds, "folds must be at least 2"));
    if (!CVS.contains(cv)) problems.add(bad("cv", cv, "cv must be one of " + CVS));
    if (!(embargoPct >= 0 && embargoPct < 1)) problems.add(bad("embargo_pct", embargoPct, "embargo_pct must be in [0, 1)"));
    if (!METRICS.contains(metric)) problems.add(bad("metric", metric, "metric must be one of " + METRICS));
    if (!problems.isEmpty()) throw new BadInputException(problems, "fix the select settings above (YAML select: section or the flags)");
  }

  private static Problem bad(String key, Object value, String message) {
    return new Problem(Where.cell("select", 0, key), String.valueOf(value), "select_" + key, message);
  }
}
