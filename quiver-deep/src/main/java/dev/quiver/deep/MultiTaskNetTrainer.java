package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.model.multitask.MultiHeadTargets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link MultiTaskNetFamily} model: the binary label is the direction head's target and
 * each auxiliary target ({@link TrainSet#auxiliary(String)}) one regression head's, NaN where
 * undefined (that row then trains the other heads only). Checkpoints go to {@code checkpoint_dir}
 * under a fingerprint of the parameters, seed, threads and rows (auxiliary targets included), so
 * {@code resume} continues exactly this fit. Stateless.
 */
final class MultiTaskNetTrainer implements Trainer {

  static final String DIRECTION = "direction";

  private final Params params;

  MultiTaskNetTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (train.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "multitask_net predicts a direction and needs a binary main label, got " + train.task(),
          "use --label direction or a triple_barrier label");
    }
    Map<String, String> heads = MultiHeadTargets.parse(MultiTaskNetFamily.NAME, params.getString("targets"), params.getDouble("tth_barrier"));
    for (String spec : heads.values()) train.auxiliary(spec);
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put(DIRECTION, params.getDouble("weight_direction"));
    for (String h : heads.keySet()) weights.put(h, params.getDouble("weight_" + h));
    MultiTaskNet.Settings settings = new MultiTaskNet.Settings(params.getInt("hidden"), params.getInt("layers"), params.getDouble("dropout"),
        params.getInt("epochs"), params.getInt("batch_size"), params.getDouble("learning_rate"), params.getInt("patience"), weights);
    CheckpointPlan plan = CheckpointPlan.of(MultiTaskNetFamily.NAME, params, ctx, train, validation);
    MultiTaskNet.Options options = new MultiTaskNet.Options(params.getString("device"), params.getDouble("weight_decay"), plan.checkpoints(),
        plan.every(), plan.resume());
    MultiTaskNet.Targets tv = validation == null || validation.rows() == 0 ? null : targets(validation, heads);
    MultiTaskNet net = MultiTaskNet.fit(targets(train, heads), tv, settings, options, ctx);
    Map<String, String> runtime = new LinkedHashMap<>();
    runtime.put("djl", ai.djl.engine.Engine.getDjlVersion());
    runtime.put("pytorch", TorchRuntime.engine().getVersion());
    runtime.put("device", net.device());
    runtime.put("threads", String.valueOf(ctx.threads()));
    Provenance provenance = new Provenance(MultiTaskNetFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
        train.x().names(), info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(runtime), Instant.now());
    return new MultiTaskNetModel(net, heads, provenance);
  }

  /** The rows of {@code set} with the direction first and then every head's auxiliary target (NaN: missing for that head). */
  private static MultiTaskNet.Targets targets(TrainSet set, Map<String, String> heads) {
    List<String> names = new ArrayList<>();
    float[][] t = new float[heads.size() + 1][];
    names.add(DIRECTION);
    t[0] = set.y();
    int j = 1;
    for (Map.Entry<String, String> h : heads.entrySet()) {
      names.add(h.getKey());
      t[j++] = set.auxiliary().containsKey(h.getValue()) ? set.auxiliary(h.getValue()) : nan(set.rows());
    }
    return new MultiTaskNet.Targets(set.x(), names, t);
  }

  private static float[] nan(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, Float.NaN);
    return v;
  }
}
