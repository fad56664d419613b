package dev.quiver.gbdt;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.QuantileMetrics;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link QuantileLightGbmFamily}'s model: one {@link LightGbmTrainer} fit per quantile, one
 * after another with the context's threads and seed, each with {@code objective=quantile} and its
 * {@code alpha}. Stateless; a failure closes the boosters already fitted.
 */
final class QuantileLightGbmTrainer implements Trainer {

  private final Params params;

  QuantileLightGbmTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.REGRESSION) {
      throw new BadInputException(Where.none(), QuantileLightGbmFamily.NAME + " forecasts quantiles of a real-valued label, got a "
          + train.task() + " label", "use a regression label (e.g. forward-return:1)");
    }
    double[] taus = QuantileLightGbmFamily.quantiles(params.getString("quantiles"));
    Map<String, Object> shared = new LinkedHashMap<>(params.values());
    shared.remove("quantiles");
    Params base = LightGbmFamily.DEFAULTS.with(shared);
    List<LightGbmModel> members = new ArrayList<>(taus.length);
    try {
      for (double tau : taus) {
        Params p = base.with(Map.of("objective", "quantile", "alpha", tau, "metric", "quantile"));
        members.add((LightGbmModel) new LightGbmTrainer(QuantileLightGbmFamily.NAME, p, Map.of()).fit(train, validation, ctx, info));
      }
    } catch (RuntimeException e) {
      for (LightGbmModel m : members) m.close();
      throw e;
    }
    Provenance first = members.get(0).provenance();
    Map<String, String> recorded = new LinkedHashMap<>(params.asStrings());
    recorded.put("objective", "quantile");
    Provenance provenance = new Provenance(QuantileLightGbmFamily.NAME, first.variant(), recorded, first.seed(), first.dataSha256(),
        first.features(), first.fold(), first.codeVersion(), first.runtime(), first.trainedAt());
    List<QuantileMetrics> scores = validation != null && validation.rows() > 0
        ? QuantileLightGbmModel.scores(QuantileLightGbmModel.forecast(taus, members, validation.x()), validation.y())
        : List.of();
    return new QuantileLightGbmModel(taus, members, scores, provenance);
  }
}
