package dev.quiver.model.multitask;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code multitask}: a direction model of a base family on the binary label, plus one regressor
 * of the same family per auxiliary target ({@code tth}, {@code mdd}, {@code mfe} over the main
 * label's horizon; see {@link MultiHeadTargets}), each fitted on the rows where its target is
 * defined. Its prediction is the direction probability, so it ranks, backtests and ensembles as
 * any binary model; the heads' forecasts come from {@link MultiHeadModel#heads}. The experiment
 * runner computes the auxiliary labels because {@link #auxiliaryLabels} asks for them.
 *
 * <p>Variants pick the base family's variant: {@code conservative}, {@code balanced} (default),
 * {@code aggressive}. The base ({@code base}, default {@value MultiTaskTrainer#DEFAULT_BASE}) must
 * fit both binary and regression targets.
 */
public final class MultiTaskFamily extends DeclaredFamily {

  public static final String NAME = "multitask";

  static final Params DEFAULTS = Params.declare(List.of(
      Param.choice("base", MultiTaskTrainer.DEFAULT_BASE, List.of(),
          "the family of the direction model and of every head's regressor; it must fit binary and regression targets (ngboost, lightgbm, xgboost, catboost, ...)"),
      Param.choice("base_variant", "balanced", List.of(), "the base family's variant, for every model"),
      Param.choice("targets", "tth,mdd,mfe", List.of(), "comma-separated heads besides the direction: tth, mdd, mfe (over the main label's horizon)"),
      Param.real("tth_barrier", 0.002, 1e-6, 1.0, "the tth head's barrier, a fraction of the entry close (0.002 = 0.2%)")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("base_variant", "conservative"),
      "balanced", Map.of(),
      "aggressive", Map.of("base_variant", "aggressive"));

  public MultiTaskFamily() {
    super(NAME, Set.of(Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  public String description() {
    return "a direction model plus one regressor per auxiliary target (tth, mdd, mfe), all of one base family; predicts P(up), heads via quiver predict";
  }

  @Override
  protected void validate(Params p) {
    base(p, ModelFamilies.discover());
    MultiHeadTargets.parse(NAME, p.getString("targets"), p.getDouble("tth_barrier"));
  }

  /** The base family of {@code p}, checked: known, not a multi-task family, fits binary and regression, has the variant. */
  static ModelFamily base(Params p, ModelFamilies families) {
    String name = p.getString("base").trim();
    if (name.equals(NAME) || name.equals("multitask_net")) {
      throw new BadInputException(Where.none(), "multitask cannot use " + name + " as its base", "name a single-target family, e.g. base=ngboost");
    }
    ModelFamily f = families.get(name);
    if (!f.tasks().contains(Task.BINARY) || !f.tasks().contains(Task.REGRESSION)) {
      throw new BadInputException(Where.none(), "multitask base '" + name + "' fits " + f.tasks() + ", not both binary and regression",
          "name a family that fits both, e.g. base=ngboost or base=lightgbm");
    }
    String variant = p.getString("base_variant");
    if (!f.variants().contains(variant)) throw BadInputException.unknown(name + " variant", variant, new java.util.TreeSet<>(f.variants()));
    return f;
  }

  @Override
  public List<String> auxiliaryLabels(Params params) {
    return MultiHeadTargets.specs(NAME, params.getString("targets"), params.getDouble("tth_barrier"));
  }

  @Override
  public Trainer trainer(Params params) {
    ModelFamilies families = ModelFamilies.discover();
    return new MultiHeadTrainer(params, base(params, families));
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return MultiHeadModel.load(in, ModelFamilies.discover());
  }
}
