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
 * The regime-aware dynamic combiner ({@link DynamicEnsemble}) over several member families: its
 * history is learned by replaying held-out rows (validation rows, else inner out-of-fold rows;
 * see {@link VotingFamily}) in order. Variants: {@code conservative} (decay 0.99), {@code
 * balanced} (0.97), {@code aggressive} (0.9).
 */
public final class DynamicFamily extends DeclaredFamily {

  static final Params DEFAULTS = Params.declare(MemberSpecs.with(
      Param.real("decay", 0.97, 1e-6, 1.0, "weight of the past at each update"),
      Param.real("agreement_penalty", 0.5, 0.0, 1.0, "how much a model dissenting from a confident, reliable majority loses"),
      Param.real("confidence", 0.6, 0.5, 1.0, "share of the weight a majority needs to be confident")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("decay", 0.99),
      "balanced", Map.of(),
      "aggressive", Map.of("decay", 0.9));

  public DynamicFamily() {
    super(DynamicEnsemble.FAMILY, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params params) {
    MemberSpecs.checked(params);
  }

  @Override
  public Trainer trainer(Params params) {
    return (train, validation, ctx, info) -> {
      List<Candidate> candidates = MemberSpecs.candidates(params, train.task(), info);
      HeldOut held = HeldOut.of(candidates, train, validation, params, ctx);
      DynamicCombiner.Settings d = DynamicCombiner.Settings.DEFAULT;
      DynamicCombiner.Settings settings = new DynamicCombiner.Settings(params.getDouble("decay"), d.prior(), d.winSharpness(), d.profitSharpness(),
          d.profitScaleBps(), params.getDouble("agreement_penalty"), params.getDouble("confidence"), train.task() == Task.BINARY ? 0.5 : 0.0);
      return DynamicEnsemble.replay(held.members(), held.predictions(), held.y(), train.task(), settings);
    };
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return DynamicEnsemble.load(in);
  }
}
