package dev.quiver.deep;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FeatureImportance;
import dev.quiver.model.FitInfo;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import ai.djl.ndarray.types.DataType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The native part of a {@link NetTrainer} fit: builds, trains and scores the net under {@link TorchRuntime#exclusive}. */
final class NetFit {

  private static final Logger LOG = LoggerFactory.getLogger(NetFit.class);
  /** Most validation samples scored per column for the permutation importance. */
  private static final int IMPORTANCE_SAMPLES = 4096;

  private final NetSpec spec;
  private final Params params;

  NetFit(NetSpec spec, Params params) {
    this.spec = spec;
    this.params = params;
  }

  NetModel run(TrainSet train, Samples tr, TrainSet validation, Samples va, Standardization z, TargetScale scale, TrainContext ctx, FitInfo info) {
    return TorchRuntime.exclusive(ctx.threads(), ctx.seed(), () -> train(train, tr, validation, va, z, scale, ctx, info));
  }

  private NetModel train(TrainSet train, Samples tr, TrainSet validation, Samples va, Standardization z, TargetScale scale, TrainContext ctx,
      FitInfo info) {
    TorchRuntime.DeviceChoice device = TorchRuntime.device(params.getString("device"));
    Block block = spec.architecture().build(params, train.x().cols());
    Model model = Model.newInstance(spec.name(), device.device(), "PyTorch");
    boolean ok = false;
    try {
      model.setBlock(block);
      Loss loss = scale.task() == dev.quiver.model.Task.BINARY ? Loss.sigmoidBinaryCrossEntropyLoss() : Loss.l2Loss();
      NDManager optimizerState = model.getNDManager().newSubManager();
      ResumableAdam adam = new ResumableAdam((float) params.getDouble("learning_rate"), (float) params.getDouble("weight_decay"), optimizerState);
      DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(adam).optDevices(new Device[] {device.device()});
      int batch = params.getInt("batch_size");
      int epochs = params.getInt("epochs");
      LearningCurve curve;
      byte[] best;
      CheckpointPlan plan = CheckpointPlan.of(spec.name(), params, ctx, train, validation);
      Checkpoints checkpoints = plan.checkpoints();
      try (optimizerState; ai.djl.training.Trainer t = model.newTrainer(config)) {
        Checkpoints.Saved saved = ResumableEpochs.initialize(t, block, model.getNDManager(), Inference.shape(tr, batch), checkpoints, plan.resume());
        Epochs rounds = new Epochs(t, block, model.getNDManager(), tr, train.y(), va, validation == null ? null : validation.y(), scale, batch,
            ctx.seed(), epochs, adam, checkpoints, plan.every());
        if (saved != null) rounds.resume(saved);
        ctx.progress().start(spec.name(), epochs);
        curve = EarlyStopping.run(scale.metric(), false, epochs, params.getInt("patience"), va != null, ctx, rounds);
        rounds.checkpoint();
        best = rounds.best();
      }
      if (best != null && curve.bestIteration() != curve.iterations()) ParameterBytes.restore(block, model.getNDManager(), best);
      FeatureImportance importance = importance(block, model.getNDManager(), va != null ? va : tr, va != null ? validation.y() : train.y(),
          scale, train.x().names(), ctx.seed());
      Map<String, String> runtime = new LinkedHashMap<>();
      runtime.put("djl", ai.djl.engine.Engine.getDjlVersion());
      runtime.put("pytorch", TorchRuntime.engine().getVersion());
      runtime.put("device", device.device().toString());
      runtime.put("threads", String.valueOf(ctx.threads()));
      Provenance provenance = new Provenance(spec.name(), info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(), train.x().names(),
          info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(runtime), Instant.now());
      NetModel m = new NetModel(spec, params, model, z, scale, train.x().names(), curve, importance, provenance);
      ok = true;
      return m;
    } finally {
      if (!ok) model.close();
    }
  }

  /** The rise of the validation loss when one column's values are replaced by those of randomly drawn samples' rows (seeded). */
  private static FeatureImportance importance(Block block, NDManager manager, Samples samples, float[] y, TargetScale scale, List<String> names, long seed) {
    int[] order = new int[Math.min(samples.count(), IMPORTANCE_SAMPLES)];
    for (int i = 0; i < order.length; i++) order[i] = (int) ((long) i * samples.count() / order.length);
    Samples subset = samples.subset(order);
    double base = scale.score(Inference.outputs(block, manager, subset), y, subset);
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    int[] permutation = new int[subset.arrayEnd()];
    Map<String, Double> values = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      for (int a = 0; a < permutation.length; a++) permutation[a] = subset.absoluteRow(rnd.nextInt(subset.count()));
      Samples shuffled = subset.withPermutedColumn(j, permutation);
      values.put(names.get(j), scale.score(Inference.outputs(block, manager, shuffled), y, shuffled) - base);
    }
    return new FeatureImportance("permutation_loss_increase", values);
  }

  /** One epoch of mini-batches per round, on the net's loss in its target scale. */
  private static final class Epochs extends ResumableEpochs {

    private final ai.djl.training.Trainer trainer;
    private final Block block;
    private final NDManager manager;
    private final Samples train;
    private final float[] y;
    private final Samples valid;
    private final float[] validY;
    private final TargetScale scale;
    private final int batch;
    private final float[] xBuffer;
    private final float[] yBuffer;
    /** Reused native-order buffers: a fresh one per batch would hold native memory until the GC frees it, and RSS would climb. */
    private final java.nio.ByteBuffer xDirect;
    private final java.nio.ByteBuffer yDirect;

    Epochs(ai.djl.training.Trainer trainer, Block block, NDManager manager, Samples train, float[] y, Samples valid, float[] validY,
        TargetScale scale, int batch, long seed, int epochs, ResumableAdam adam, Checkpoints checkpoints, int checkpointEvery) {
      super(block, adam, checkpoints, checkpointEvery, seed, epochs, train.count(), valid != null, LOG, "train " + scale.metric());
      this.trainer = trainer;
      this.block = block;
      this.manager = manager;
      this.train = train;
      this.y = y;
      this.valid = valid;
      this.validY = validY;
      this.scale = scale;
      this.batch = batch;
      this.xBuffer = new float[Math.min(batch, train.count()) * train.size()];
      this.yBuffer = new float[Math.min(batch, train.count())];
      this.xDirect = Inference.directBuffer(xBuffer.length);
      this.yDirect = Inference.directBuffer(yBuffer.length);
    }

    @Override
    protected double trainEpoch(int[] order) {
      int n = order.length;
      double sum = 0;
      long seen = 0;
      int size = train.size();
      for (int from = 0; from < n; from += batch) {
        int m = Math.min(batch, n - from);
        if (m < 2) continue; // batch norm cannot train on one sample
        train.fill(order, from, m, xBuffer);
        for (int k = 0; k < m; k++) yBuffer[k] = scale.toNet(y[train.viewRow(order[from + k])]);
        try (NDManager sub = trainer.getManager().newSubManager()) {
          NDArray x = sub.create(Inference.direct(xDirect, xBuffer, m * size), Inference.shape(train, m), DataType.FLOAT32);
          NDArray target = sub.create(Inference.direct(yDirect, yBuffer, m), new Shape(m, 1), DataType.FLOAT32);
          sum += (double) trainStep(trainer, x, new NDList(target)) * m;
          seen += m;
        }
      }
      return seen == 0 ? Double.NaN : scale.lossInMetricUnits(sum / seen);
    }

    @Override
    protected double validationLoss() {
      return scale.score(Inference.outputs(block, manager, valid), validY, valid);
    }
  }
}
