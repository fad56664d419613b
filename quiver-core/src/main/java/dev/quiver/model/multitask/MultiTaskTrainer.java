package dev.quiver.model.multitask;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits one model of a base family per target (e.g. the tth, mdd and mfe labels over one horizon):
 * the same family, variant and overrides for every target, each on its own training rows and
 * validation rows. The base family's parameters are resolved when the trainer is made, so bad
 * keys fail before any fit. Targets are fitted one after another with the whole thread budget and
 * the same seed; stateless, so one instance may fit concurrently.
 */
public final class MultiTaskTrainer {

  /** The default base family: pure Java, and it predicts a spread as well as a mean. */
  public static final String DEFAULT_BASE = "ngboost";

  private final ModelFamily base;
  private final Params params;

  public MultiTaskTrainer(ModelFamily base, String variant, Map<String, String> overrides) {
    this.base = base;
    this.params = base.params(variant, overrides);
  }

  public String baseFamily() {
    return base.name();
  }

  /**
   * Fits every target of {@code train}; {@code validation} (may be null, or miss targets) gives
   * early-stopping rows per target. All training sets must have the same feature columns.
   */
  public MultiTaskModel fit(Map<String, TrainSet> train, Map<String, TrainSet> validation, TrainContext ctx, FitInfo info) {
    if (train.isEmpty()) throw new BadInputException(Where.none(), "multitask needs at least one target", "give one or more labels");
    List<String> problems = new ArrayList<>();
    List<String> features = null;
    for (Map.Entry<String, TrainSet> e : train.entrySet()) {
      if (!base.tasks().contains(e.getValue().task())) {
        problems.add("target '" + e.getKey() + "' is " + e.getValue().task() + " but " + base.name() + " fits " + base.tasks());
      }
      if (features == null) features = e.getValue().x().names();
      else if (!features.equals(e.getValue().x().names())) problems.add("target '" + e.getKey() + "' has other feature columns than the first target");
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(Where.none(), "cannot fit multitask on " + base.name() + ": " + String.join("; ", problems),
          "pick a base family that fits every target's task, and one feature set for all targets");
    }
    Map<String, FittedModel> models = new LinkedHashMap<>();
    for (Map.Entry<String, TrainSet> e : train.entrySet()) {
      TrainSet valid = validation == null ? null : validation.get(e.getKey());
      FitInfo targetInfo = new FitInfo(info.variant(), info.dataSha256(), info.fold().isEmpty() ? e.getKey() : info.fold() + "/" + e.getKey());
      models.put(e.getKey(), base.trainer(params).fit(e.getValue(), valid, ctx, targetInfo));
    }
    return new MultiTaskModel(base.name(), models);
  }
}
