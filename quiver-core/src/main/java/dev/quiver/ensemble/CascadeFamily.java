package dev.quiver.ensemble;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Param;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cascade strategy ({@link CascadeModel}): a cheap family filters, an expensive family decides
 * on the rows that pass. Both are fitted on all the training rows (the validation rows go to both
 * for early stopping). Variants set the margin: {@code conservative} 0.05 (more rows reach the
 * expensive model), {@code balanced} 0.02, {@code aggressive} 0.1 (fewer rows, more compute saved).
 */
public final class CascadeFamily extends DeclaredFamily {

  static final Params DEFAULTS = Params.declare(List.of(
      new Param("cheap", "logistic:conservative", "family[:variant] of the filtering model", 0, 0, List.of()),
      new Param("expensive", "logistic:aggressive", "family[:variant] of the deciding model", 0, 0, List.of()),
      Param.real("margin", 0.02, 0.0, 0.499, "a row passes when |cheap probability - 0.5| >= margin"),
      new Param("member_params", "", "overrides for the two models, MEMBER.KEY=VALUE;... with MEMBER family or family:variant (quiver train fills it from --set)",
          0, 0, List.of())));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("margin", 0.05),
      "balanced", Map.of(),
      "aggressive", Map.of("margin", 0.1));

  public CascadeFamily() {
    super(CascadeModel.FAMILY, Set.of(Task.BINARY), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params params) {
    MemberParams members = MemberParams.parse(params.getString("member_params"));
    MemberSpecs.candidate(params.getString("cheap"), members, FitInfo.of("balanced"));
    MemberSpecs.candidate(params.getString("expensive"), members, FitInfo.of("balanced"));
  }

  @Override
  public Trainer trainer(Params params) {
    return (train, validation, ctx, info) -> {
      MemberParams members = MemberParams.parse(params.getString("member_params"));
      Candidate cheap = MemberSpecs.candidate(params.getString("cheap"), members, info);
      Candidate expensive = MemberSpecs.candidate(params.getString("expensive"), members, info);
      FittedModel c = cheap.trainer().fit(train, validation, ctx, cheap.info());
      FittedModel e = expensive.trainer().fit(train, validation, ctx, expensive.info());
      return new CascadeModel(c, e, params.getDouble("margin"));
    };
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return CascadeModel.load(in);
  }
}
