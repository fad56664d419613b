package dev.quiver.ensemble;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Weighted voting of several member families ({@link VotingEnsemble}). Weights ({@link
 * Weighting}) come from predictions on rows the members did not see: the validation rows when
 * the fit is given some, else the out-of-fold rows of an inner purged k-fold (see {@link
 * MemberSpecs}); the members are then fitted on all the training rows. Equal weights need no
 * held-out rows. Variants: {@code conservative} (soft, equal weights), {@code balanced} (soft,
 * metric-weighted), {@code aggressive} (soft, inverse-error weights), {@code hard} (hard, metric-weighted).
 */
public final class VotingFamily extends DeclaredFamily {

  public static final String NAME = "voting";

  static final Params DEFAULTS = Params.declare(MemberSpecs.with(
      Param.choice("voting", "soft", List.of("soft", "hard"), "soft: weighted mean of member values; hard: weighted majority of 0/1 votes (binary)"),
      Param.choice("weighting", "metric", List.of("equal", "metric", "inverse_error"),
          "equal; metric: edge over chance (AUC - 0.5, or correlation); inverse_error: 1 / mean squared error")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("weighting", "equal"),
      "balanced", Map.of(),
      "aggressive", Map.of("weighting", "inverse_error"),
      "hard", Map.of("voting", "hard"));

  public VotingFamily() {
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
      Weighting weighting = Weighting.valueOf(params.getString("weighting").toUpperCase(Locale.ROOT));
      Voting voting = Voting.valueOf(params.getString("voting").toUpperCase(Locale.ROOT));
      if (weighting == Weighting.EQUAL) {
        return new VotingEnsemble(NAME, fitAll(candidates, train, ctx), Weighting.normalised(new double[candidates.size()]), voting);
      }
      HeldOut held = HeldOut.of(candidates, train, validation, params, ctx);
      double[] w = weighting.weights(held.predictions(), held.y(), train.task());
      return new VotingEnsemble(NAME, held.members(), w, voting);
    };
  }

  static List<Member> fitAll(List<Candidate> candidates, TrainSet train, TrainContext ctx) {
    List<Member> out = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) out.add(new Member(c.name(), c.trainer().fit(train, null, ctx, c.info())));
    return out;
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return VotingEnsemble.load(in);
  }
}
