package dev.quiver.ensemble;

import dev.quiver.model.ArtifactReader;
import dev.quiver.model.DeclaredFamily;
import dev.quiver.model.FitInfo;
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
 * Stacking over several member families ({@link Stacking}): the meta-model (any family, {@value
 * NonNegativeLinearFamily#NAME} by default) learns from the members' out-of-fold predictions of an
 * inner purged k-fold over the training rows (see {@link MemberSpecs}), never from in-sample
 * ones; validation rows, if given, are not used. Variants: {@code conservative}, {@code balanced},
 * {@code aggressive} (the meta-model's variant of the same name, on member predictions only) and
 * {@code passthrough} (balanced, with the raw features too).
 */
public final class StackingFamily extends DeclaredFamily {

  static final Params DEFAULTS = Params.declare(MemberSpecs.with(
      new Param("meta", NonNegativeLinearFamily.NAME, "family of the meta-model, fitted on out-of-fold member predictions", 0, 0, List.of()),
      new Param("meta_variant", "balanced", "variant of the meta-model's family", 0, 0, List.of()),
      Param.flag("passthrough", false, "also give the meta-model the raw features")));

  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "conservative", Map.of("meta_variant", "conservative"),
      "balanced", Map.of(),
      "aggressive", Map.of("meta_variant", "aggressive"),
      "passthrough", Map.of("passthrough", true));

  public StackingFamily() {
    super(StackingEnsemble.FAMILY, Set.of(Task.BINARY, Task.REGRESSION), DEFAULTS, VARIANTS);
  }

  @Override
  protected void validate(Params params) {
    MemberSpecs.checked(params);
    ModelFamilies.discover().get(params.getString("meta")).params(params.getString("meta_variant"), Map.of());
  }

  @Override
  public Trainer trainer(Params params) {
    return (train, validation, ctx, info) -> {
      List<Candidate> candidates = MemberSpecs.candidates(params, train.task(), info);
      ModelFamily metaFamily = ModelFamilies.discover().get(params.getString("meta"));
      String metaVariant = params.getString("meta_variant");
      Trainer meta = metaFamily.trainer(metaFamily.params(metaVariant, Map.of()));
      return Stacking.fit(train, MemberSpecs.timeline(params, train.rows()), MemberSpecs.innerSplit(params), candidates, meta,
          new FitInfo(metaVariant, info.dataSha256(), info.fold()), params.getBoolean("passthrough"), ctx);
    };
  }

  @Override
  public FittedModel load(ArtifactReader in) {
    return StackingEnsemble.load(in);
  }
}
