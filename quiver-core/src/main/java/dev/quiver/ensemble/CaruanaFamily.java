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
 * Caruana greedy ensemble selection with replacement ({@link CaruanaSelection}) over several
 * member families, on held-out predictions (validation rows, else inner out-of-fold rows; see
 * {@link VotingFamily}); the result is a soft {@link VotingEnsemble} whose weights are the pick
 * shares. Variants: {@code conservative} (20 rounds), {@code balanced} (50), {@code aggressive} (200).
 */
public final class CaruanaFamily extends DeclaredFamily {

  public static final String NAME = "caruana";

  static final Params DEFAULTS = Params.declare(MemberSpecs.with(
      Param.integer("rounds", 50, 1, 100_000, "greedy picks (with replacement); a member's weight is its share of them")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("rounds", 20),
      "balanced", Map.of(),
      "aggressive", Map.of("rounds", 200));

  public CaruanaFamily() {
    super(NAME, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
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
      CaruanaSelection sel = CaruanaSelection.select(held.predictions(), held.y(), train.task(), params.getInt("rounds"));
      return new VotingEnsemble(NAME, held.members(), sel.weights(), Voting.SOFT);
    };
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return VotingEnsemble.load(in);
  }
}
