package dev.quiver.model.multitask;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a {@link MultiTaskFamily} model: the base family's direction model on the binary label
 * (with the validation rows for its early stopping), then one base regressor per head on the
 * training rows where that head's auxiliary target is defined (validation rows likewise). All
 * with the context's seed and threads, one after another. Stateless.
 */
final class MultiHeadTrainer implements Trainer {

  private final Params params;
  private final ModelFamily base;

  MultiHeadTrainer(Params params, ModelFamily base) {
    this.params = params;
    this.base = base;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "multitask predicts a direction and needs a binary main label, got " + train.task(),
          "use --label direction or a triple_barrier label");
    }
    Map<String, String> heads = MultiHeadTargets.parse(MultiTaskFamily.NAME, params.getString("targets"), params.getDouble("tth_barrier"));
    for (String spec : heads.values()) train.auxiliary(spec);
    Params baseParams = base.params(params.getString("base_variant"), Map.of());
    String fold = info.fold().isEmpty() ? "" : info.fold() + "/";
    FittedModel direction = base.trainer(baseParams).fit(train, validation, ctx, new FitInfo(info.variant(), info.dataSha256(), fold + "direction"));
    Map<String, FittedModel> fitted = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : heads.entrySet()) {
      TrainSet t = defined(train, train.auxiliary(h.getValue()));
      if (t.rows() < 2) {
        throw new BadInputException(Where.none(), "multitask head " + h.getKey() + " has " + t.rows() + " training rows with a defined " + h.getValue(),
            "use more rows or a shorter label horizon");
      }
      TrainSet v = validation == null || !validation.auxiliary().containsKey(h.getValue()) ? null : defined(validation, validation.auxiliary(h.getValue()));
      if (v != null && v.rows() == 0) v = null;
      fitted.put(h.getKey(), base.trainer(baseParams).fit(t, v, ctx, new FitInfo(info.variant(), info.dataSha256(), fold + h.getKey())));
    }
    Provenance provenance = new Provenance(MultiTaskFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), train.x().names(),
        info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
    return new MultiHeadModel(base.name(), direction, fitted, heads, provenance);
  }

  /** The rows of {@code set} where {@code target} is defined, as a regression set of that target (copied). */
  private static TrainSet defined(TrainSet set, float[] target) {
    int n = 0;
    for (float v : target) if (!Float.isNaN(v)) n++;
    Matrix x = set.x();
    int cols = x.cols();
    float[] data = x.data();
    float[] out = new float[n * cols];
    float[] y = new float[n];
    int k = 0;
    for (int i = 0; i < target.length; i++) {
      if (Float.isNaN(target[i])) continue;
      System.arraycopy(data, (x.offset() + i) * cols, out, k * cols, cols);
      y[k++] = target[i];
    }
    return new TrainSet(new Matrix(out, n, cols, x.names()), y, Task.REGRESSION);
  }
}
