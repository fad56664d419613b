package dev.quiver.model.meta;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A meta-learner that routes each row to the base model most likely to be right there, {@link
 * Task#BINARY}. Training (all causal, in time order):
 *
 * <ol>
 *   <li>the training rows are cut into {@code folds} consecutive blocks; for each block after the
 *       first, every base family (from {@code bases}, each at its balanced variant) is fitted on all
 *       earlier blocks and predicts the block: out-of-fold (OOF) predictions that never saw their
 *       rows or anything after them;
 *   <li>a base is "right" on a row when its P(class 1) is on the label's side of 0.5; its rolling
 *       accuracy at row i is its hit rate on the {@code window} OOF rows ending {@code gap} rows
 *       before i (rows {@code [i - gap - window + 1, i - gap]}), so with {@code gap} at least the label
 *       horizon no outcome is used before it is known ({@link RollingAccuracy});
 *   <li>the context of a row is its input features (the regime: volatility, z-scores, RSI...) plus
 *       every base's rolling accuracy; one logistic router per base (liblinear, C {@code router_c})
 *       learns P(base right | context) on the OOF rows;
 *   <li>the bases are refitted on all training rows (with the validation rows for their early
 *       stopping) for prediction.
 * </ol>
 *
 * A prediction is the P(class 1) of the base whose router gives the highest P(right), the first
 * base on ties. {@link MetaLearningModel#predict(dev.quiver.model.Matrix, float[])} takes the realised
 * outcomes of the rows as they become known and keeps the rolling accuracies current; plain
 * {@code predict} holds them at their values at the end of training. Deterministic for a seed.
 * Variants differ in how many folds and how long a memory: {@code conservative} (window 200),
 * {@code balanced} (window 100), {@code aggressive} (window 30, 5 folds).
 */
public final class MetaLearningFamily implements ModelFamily {

  public static final String NAME = "meta_learning";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.choice("bases", "logistic,ftrl,ngboost", List.of(),
          "comma-separated base families (binary, at their balanced variant) the router chooses between; at least two"),
      Param.integer("folds", 4, 2, 50, "consecutive blocks of the training rows; each block after the first gets out-of-fold predictions"),
      Param.integer("window", 100, 2, 1_000_000, "rows in each base's rolling accuracy"),
      Param.integer("gap", 1, 1, 1_000_000, "rows between the newest outcome used and the row routed; at least the label horizon"),
      Param.real("router_c", 1.0, 1e-6, 1e6, "inverse L2 strength C of each base's logistic router")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("window", 200, "router_c", 0.1),
      "balanced", Map.of(),
      "aggressive", Map.of("window", 30, "folds", 5, "router_c", 10.0));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.BINARY);
  }

  @Override
  public Set<String> variants() {
    return VARIANTS.keySet();
  }

  @Override
  public Params params(String variant, Map<String, String> overrides) {
    Params p = DEFAULTS.variant(NAME, VARIANTS, variant, overrides);
    bases(p, ModelFamilies.discover());
    return p;
  }

  /** The base families named by {@code bases}, checked: known, binary, not this family, at least two, no repeats. */
  static List<ModelFamily> bases(Params p, ModelFamilies families) {
    List<ModelFamily> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String raw : p.getString("bases").split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) continue;
      if (name.equals(NAME)) throw new BadInputException(Where.none(), "meta_learning cannot use itself as a base", "name other families in bases");
      ModelFamily f = families.get(name);
      if (!f.tasks().contains(Task.BINARY)) {
        throw new BadInputException(Where.none(), "meta_learning base '" + name + "' does not fit binary labels", "name binary families in bases");
      }
      if (seen.contains(name)) throw new BadInputException(Where.none(), "meta_learning base '" + name + "' is named twice", "name each base once");
      seen.add(name);
      out.add(f);
    }
    if (out.size() < 2) {
      throw new BadInputException(Where.none(), "meta_learning needs at least two bases, got '" + p.getString("bases") + "'",
          "e.g. bases=logistic,ftrl,ngboost");
    }
    return out;
  }

  @Override
  public Trainer trainer(Params params) {
    return new MetaLearningTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return MetaLearningModel.load(in, ModelFamilies.discover());
  }
}
