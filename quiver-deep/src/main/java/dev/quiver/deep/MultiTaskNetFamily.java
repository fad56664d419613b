package dev.quiver.deep;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import dev.quiver.model.multitask.MultiHeadTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code multitask_net} as a family: one {@link MultiTaskNet} (shared trunk, a direction head on
 * the binary label and one head per auxiliary target, {@code tth}, {@code mdd}, {@code mfe} over
 * the main label's horizon) trained on the weighted loss. It predicts the direction probability,
 * so it ranks, backtests and registers as any binary model; {@link MultiTaskNetModel#heads} gives
 * the other heads. The experiment runner computes the auxiliary labels because {@link
 * #auxiliaryLabels} asks for them. Training parameters, device, checkpoints and resume work as in
 * the other deep families ({@link NetSpec#COMMON}).
 *
 * <p>Variants: {@code conservative} (32 units, dropout 0.3, weight decay 1e-4), {@code balanced}
 * (2 x 64, dropout 0.1), {@code aggressive} (3 x 128, dropout 0.05). Constructing one loads no
 * DJL class.
 */
public final class MultiTaskNetFamily extends DeclaredFamily {

  public static final String NAME = MultiTaskNet.NAME;

  static final Params DEFAULTS = declare();

  private static Params declare() {
    List<Param> all = new ArrayList<>(NetSpec.COMMON);
    all.add(Param.integer("hidden", 64, 1, 65_536, "units per hidden layer of the shared trunk"));
    all.add(Param.integer("layers", 2, 1, 64, "hidden layers of the shared trunk"));
    all.add(Param.choice("targets", "tth,mdd,mfe", List.of(), "comma-separated heads besides the direction: tth, mdd, mfe (over the main label's horizon)"));
    all.add(Param.real("tth_barrier", 0.002, 1e-6, 1.0, "the tth head's barrier, a fraction of the entry close (0.002 = 0.2%)"));
    all.add(Param.real("weight_direction", 1.0, 0.0, 1e6, "weight of the direction head's cross-entropy in the loss"));
    for (String h : MultiHeadTargets.KINDS) all.add(Param.real("weight_" + h, 1.0, 0.0, 1e6, "weight of the " + h + " head's squared error (standardized) in the loss"));
    return Params.declare(all);
  }

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("hidden", 32, "dropout", 0.3, "weight_decay", 1e-4),
      "balanced", Map.of(),
      "aggressive", Map.of("hidden", 128, "layers", 3, "dropout", 0.05));

  public MultiTaskNetFamily() {
    super(NAME, Set.of(Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  public String description() {
    return "one net, shared trunk, a direction head plus tth/mdd/mfe heads on a weighted loss; predicts P(up), heads via quiver predict";
  }

  @Override
  protected void validate(Params p) {
    MultiHeadTargets.parse(NAME, p.getString("targets"), p.getDouble("tth_barrier"));
    Checkpoints.requireDirectory(NAME, p);
  }

  @Override
  public List<String> auxiliaryLabels(Params params) {
    return MultiHeadTargets.specs(NAME, params.getString("targets"), params.getDouble("tth_barrier"));
  }

  @Override
  public Trainer trainer(Params params) {
    return new MultiTaskNetTrainer(params);
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return MultiTaskNetModel.load(in);
  }
}
