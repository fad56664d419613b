package dev.quiver.deep;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.ArtifactReader;
import dev.quiver.model.ArtifactWriter;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Predictions;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code multitask_net}: one network, a shared trunk (linear, ReLU, dropout per hidden layer) and
 * one linear output per head, trained on a weighted sum of the heads' losses. Head 0 is the
 * direction (a 0/1 target, binary cross-entropy on its logit); the other heads are regression
 * targets such as {@code tth:H,B}, {@code mdd:H} and {@code mfe:H}, each standardized by its
 * training rows (mean, population std, ddof 0) and learned by squared error. A row a head's label
 * does not define (NaN target: longer horizons lose rows at the end) trains the other heads only.
 * Inputs are standardized by the training rows (ddof 0, NaN -> mean).
 *
 * <p>The targets come from {@link dev.quiver.model.multitask.MultiTaskData}: {@link #align} puts
 * every label's targets on the direction label's rows (or, in the {@code multitask_net} family,
 * from the rows' auxiliary targets; see {@link MultiTaskNetTrainer}). {@link #predict} gives the direction
 * probability (a {@link Task#BINARY} {@link Predictions}, usable wherever a binary model's are);
 * {@link #heads} gives every other head's forecast in its target's units. Epochs run through
 * {@link EarlyStopping}: the learning curve holds the weighted loss per epoch on the training and
 * validation rows, and the epoch with the best validation loss is kept. The family's fits also
 * pick a device (CPU fallback with a warning) and write and resume {@link Checkpoints}, reseeding
 * libtorch per epoch so a resumed fit ends as the uninterrupted one. A fit is bit-identical for a fixed seed and thread
 * count on CPU (it runs under {@link TorchRuntime#exclusive}). Saved as {@value #PARAMS} and {@value #CONFIG}, in
 * a directory or an artifact. Thread-safe for {@link #predict} and {@link #heads}; owns native
 * memory: {@link #close} once.
 */
public final class MultiTaskNet implements AutoCloseable {

  public static final String NAME = "multitask_net";
  static final String PARAMS = "net.params";
  static final String CONFIG = "multitask_net.json";
  static final String FORMAT = "quiver-multitask-net/1";
  private static final Logger LOG = LoggerFactory.getLogger(MultiTaskNet.class);

  /**
   * Training settings. {@code weights} maps a head's name to its weight in the loss (a head not
   * named weighs 1); {@code patience} 0 runs every epoch and keeps the last.
   */
  public record Settings(int hidden, int layers, double dropout, int epochs, int batchSize, double learningRate, int patience,
      Map<String, Double> weights) {

    public Settings {
      weights = Map.copyOf(weights);
      if (hidden < 1 || layers < 1 || dropout < 0 || dropout >= 1 || epochs < 1 || batchSize < 2 || !(learningRate > 0) || patience < 0) {
        throw new BadInputException(Where.none(), "multitask_net settings out of range: " + this,
            "use hidden >= 1, layers >= 1, 0 <= dropout < 1, epochs >= 1, batch_size >= 2, learning_rate > 0, patience >= 0");
      }
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        if (!(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
          throw new BadInputException(Where.none(), "multitask_net weight of " + e.getKey() + " is " + e.getValue(), "give every head a finite weight >= 0");
        }
      }
    }

    /** 2 x 64 hidden units, dropout 0.1, 30 epochs of 256, Adam 1e-3, patience 5, every head weighing 1. */
    public static Settings defaults() {
      return new Settings(64, 2, 0.1, 30, 256, 1e-3, 5, Map.of());
    }

    double weight(String head) {
      return weights.getOrDefault(head, 1.0);
    }
  }

  /**
   * Rows with every head's target: {@code targets[j][i]} is head j's target of row i (head 0 the
   * direction, 0 or 1; NaN where head j's label does not define row i).
   */
  public record Targets(Matrix x, List<String> heads, float[][] targets) {

    public Targets {
      heads = List.copyOf(heads);
      if (heads.size() != targets.length || heads.size() < 2) throw new IllegalArgumentException(heads.size() + " heads for " + targets.length + " targets");
      for (float[] t : targets) if (t.length != x.rows()) throw new IllegalArgumentException(t.length + " targets for " + x.rows() + " rows");
    }

    /** Rows [from, to): a view of the matrix and copies of the targets. */
    public Targets rows(int from, int to) {
      float[][] t = new float[targets.length][];
      for (int j = 0; j < t.length; j++) t[j] = Arrays.copyOfRange(targets[j], from, to);
      return new Targets(x.rows(from, to), heads, t);
    }
  }

  record Config(String format, List<String> heads, List<String> features, Settings settings, float[] mean, float[] std, double[] targetMean,
      double[] targetStd, double[] validationLoss, LearningCurve learningCurve, String device) {}

  private final Model model;
  private final List<String> heads;
  private final List<String> features;
  private final Settings settings;
  private final Standardization z;
  private final double[] targetMean;
  private final double[] targetStd;
  private final double[] validationLoss;
  private final LearningCurve learningCurve;
  private final String device;

  private MultiTaskNet(Model model, List<String> heads, List<String> features, Settings settings, Standardization z, double[] targetMean,
      double[] targetStd, double[] validationLoss, LearningCurve learningCurve, String device) {
    this.model = model;
    this.heads = List.copyOf(heads);
    this.features = List.copyOf(features);
    this.settings = settings;
    this.z = z;
    this.targetMean = targetMean;
    this.targetStd = targetStd;
    this.validationLoss = validationLoss;
    this.learningCurve = learningCurve;
    this.device = device;
  }

  /**
   * The targets of {@code byLabel} (as {@link dev.quiver.model.multitask.MultiTaskData#build}
   * makes them) on the rows of the binary label {@code direction}, matched by symbol and time; the
   * heads are {@code direction} then the other labels in map order.
   */
  public static Targets align(Map<String, Dataset> byLabel, String direction) {
    Dataset d = byLabel.get(direction);
    if (d == null) throw BadInputException.unknown("label", direction, byLabel.keySet());
    if (d.task() != Task.BINARY) {
      throw new BadInputException(Where.none(), "multitask_net's direction head needs a binary label; " + direction + " is " + d.task(),
          "use direction or triple_barrier as the direction label");
    }
    List<String> heads = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    heads.add(direction);
    targets.add(d.y().clone());
    Map<Long, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < d.rows(); i++) rowOf.put(key(d, i), i);
    for (Map.Entry<String, Dataset> e : byLabel.entrySet()) {
      if (e.getKey().equals(direction)) continue;
      Dataset a = e.getValue();
      if (!a.featureNames().equals(d.featureNames())) {
        throw new BadInputException(Where.none(), "label " + e.getKey() + " has features " + a.featureNames() + ", not " + d.featureNames(),
            "build every label's dataset from one feature set (MultiTaskData.build)");
      }
      float[] t = new float[d.rows()];
      Arrays.fill(t, Float.NaN);
      for (int i = 0; i < a.rows(); i++) {
        Integer r = rowOf.get(key(a, i));
        if (r != null) t[r] = a.y()[i];
      }
      heads.add(e.getKey());
      targets.add(t);
    }
    return new Targets(d.x(), heads, targets.toArray(new float[0][]));
  }

  private static long key(Dataset d, int i) {
    return d.time()[i] * 4096 + d.symbolIndex()[i];
  }

  /**
   * How a fit runs besides its {@link Settings}: the device asked for ({@code cpu}, or {@code gpu}
   * with a CPU fallback and a warning), Adam's weight decay, and checkpoints (null: none) written
   * every {@code checkpointEvery} epochs (0: never), resumed from when {@code resume}.
   */
  record Options(String device, double weightDecay, Checkpoints checkpoints, int checkpointEvery, boolean resume) {

    static final Options NONE = new Options("cpu", 0.0, null, 0, false);
  }

  /** Fits on {@code train}, early-stopping on {@code validation} (may be null: every epoch runs, the last is kept). */
  public static MultiTaskNet fit(Targets train, Targets validation, Settings settings, TrainContext ctx) {
    return fit(train, validation, settings, Options.NONE, ctx);
  }

  static MultiTaskNet fit(Targets train, Targets validation, Settings settings, Options options, TrainContext ctx) {
    if (validation != null && (!validation.x().names().equals(train.x().names()) || !validation.heads().equals(train.heads()))) {
      throw new BadInputException(Where.none(), "validation columns or heads differ from the training ones", "build both from one aligned set");
    }
    for (float v : train.targets()[0]) {
      if (v != 0f && v != 1f) throw new BadInputException(Where.none(), "direction targets must be 0 or 1, got " + v, "use a binary label as head 0");
    }
    int k = train.heads().size();
    double[] mean = new double[k];
    double[] std = new double[k];
    std[0] = 1;
    for (int j = 1; j < k; j++) {
      TargetScale s = TargetScale.fit(Task.REGRESSION, train.targets()[j]);
      mean[j] = s.mean();
      std[j] = s.std();
    }
    Standardization z = Standardization.fit(train.x());
    Samples tr = Samples.of(train.x(), z, 0, 0, true, null);
    if (tr.count() < 2) throw new BadInputException(Where.none(), "multitask_net got " + tr.count() + " training rows", "use more rows");
    Samples va = validation == null || validation.x().rows() == 0 ? null : Samples.of(validation.x(), z, 0, 0, true, null);
    return TorchRuntime.exclusive(ctx.threads(), ctx.seed(), () -> train(train, tr, validation, va, z, mean, std, settings, options, ctx));
  }

  private static MultiTaskNet train(Targets train, Samples tr, Targets validation, Samples va, Standardization z, double[] mean, double[] std,
      Settings settings, Options options, TrainContext ctx) {
    int k = train.heads().size();
    float[] weights = new float[k];
    for (int j = 0; j < k; j++) weights[j] = (float) settings.weight(train.heads().get(j));
    TorchRuntime.DeviceChoice device = TorchRuntime.device(options.device());
    Block block = build(settings, k);
    Model model = Model.newInstance(NAME, device.device(), "PyTorch");
    boolean ok = false;
    try {
      model.setBlock(block);
      NDManager optimizerState = model.getNDManager().newSubManager();
      ResumableAdam adam = new ResumableAdam((float) settings.learningRate(), (float) options.weightDecay(), optimizerState);
      DefaultTrainingConfig config = new DefaultTrainingConfig(new MultiTaskLoss(weights)).optOptimizer(adam).optDevices(new Device[] {device.device()});
      int batch = Math.min(settings.batchSize(), tr.count());
      LearningCurve curve;
      byte[] best;
      try (optimizerState; ai.djl.training.Trainer t = model.newTrainer(config)) {
        Checkpoints.Saved saved = ResumableEpochs.initialize(t, block, model.getNDManager(), new Shape(batch, train.x().cols()), options.checkpoints(),
            options.resume());
        Epochs epochs = new Epochs(t, block, model.getNDManager(), train, tr, validation, va, mean, std, weights, batch, settings.epochs(), adam,
            options, ctx.seed());
        if (saved != null) epochs.resume(saved);
        ctx.progress().start(NAME, settings.epochs());
        curve = EarlyStopping.run(METRIC, false, settings.epochs(), settings.patience(), va != null, ctx, epochs);
        epochs.checkpoint();
        best = epochs.best();
      }
      if (best != null && curve.bestIteration() != curve.iterations()) ParameterBytes.restore(block, model.getNDManager(), best);
      double[] perEpoch = va == null ? curve.train() : curve.validation();
      MultiTaskNet net = new MultiTaskNet(model, train.heads(), train.x().names(), settings, z, mean, std, perEpoch, curve, device.device().toString());
      ok = true;
      return net;
    } finally {
      if (!ok) model.close();
    }
  }

  /** The learning curve's metric: the weighted multi-task loss (lower is better). */
  static final String METRIC = "weighted_loss";

  /** One epoch of mini-batches per round, on the weighted multi-task loss (a head's unknown targets masked out). */
  private static final class Epochs extends ResumableEpochs {

    private final ai.djl.training.Trainer trainer;
    private final Block block;
    private final NDManager manager;
    private final Targets train;
    private final Samples tr;
    private final Targets validation;
    private final Samples va;
    private final double[] mean;
    private final double[] std;
    private final float[] weights;
    private final int batch;
    private final int k;
    private final int cols;
    private final float[] xBuffer;
    private final float[] tBuffer;
    private final float[] mBuffer;

    Epochs(ai.djl.training.Trainer trainer, Block block, NDManager manager, Targets train, Samples tr, Targets validation, Samples va, double[] mean,
        double[] std, float[] weights, int batch, int epochs, ResumableAdam adam, Options options, long seed) {
      super(block, adam, options.checkpoints(), options.checkpointEvery(), seed, epochs, tr.count(), va != null, LOG, "train weighted loss");
      this.trainer = trainer;
      this.block = block;
      this.manager = manager;
      this.train = train;
      this.tr = tr;
      this.validation = validation;
      this.va = va;
      this.mean = mean;
      this.std = std;
      this.weights = weights;
      this.batch = batch;
      this.k = weights.length;
      this.cols = train.x().cols();
      this.xBuffer = new float[batch * cols];
      this.tBuffer = new float[batch * k];
      this.mBuffer = new float[batch * k];
    }

    @Override
    protected double trainEpoch(int[] order) {
      int n = order.length;
      double sum = 0;
      long seen = 0;
      for (int from = 0; from < n; from += batch) {
        int m = Math.min(batch, n - from);
        tr.fill(order, from, m, xBuffer);
        for (int b = 0; b < m; b++) {
          int row = tr.viewRow(order[from + b]);
          for (int j = 0; j < k; j++) {
            float v = train.targets()[j][row];
            boolean known = Float.isFinite(v);
            tBuffer[b * k + j] = known ? (float) ((v - mean[j]) / std[j]) : 0f;
            mBuffer[b * k + j] = known ? 1f : 0f;
          }
        }
        try (NDManager sub = trainer.getManager().newSubManager()) {
          NDArray x = sub.create(Arrays.copyOf(xBuffer, m * cols), new Shape(m, cols));
          NDArray target = sub.create(Arrays.copyOf(tBuffer, m * k), new Shape(m, k));
          NDArray mask = sub.create(Arrays.copyOf(mBuffer, m * k), new Shape(m, k));
          sum += (double) trainStep(trainer, x, new NDList(target, mask)) * m;
          seen += m;
        }
      }
      return sum / seen;
    }

    @Override
    protected double validationLoss() {
      return loss(Inference.outputs(block, manager, va, k), validation, va, mean, std, weights);
    }
  }

  /** The weighted loss of outputs {@code out} (k per sample) against the targets, as the training loss weighs it. */
  private static double loss(float[] out, Targets targets, Samples samples, double[] mean, double[] std, float[] weights) {
    int k = weights.length;
    double sum = 0;
    for (int i = 0; i < samples.count(); i++) {
      int row = samples.viewRow(i);
      for (int j = 0; j < k; j++) {
        float v = targets.targets()[j][row];
        if (!Float.isFinite(v)) continue;
        double o = out[i * k + j];
        double cell;
        if (j == 0) {
          cell = Math.max(o, 0) - o * v + Math.log1p(Math.exp(-Math.abs(o)));
        } else {
          double d = o - (v - mean[j]) / std[j];
          cell = d * d;
        }
        sum += weights[j] * cell;
      }
    }
    return sum / Math.max(1, samples.count());
  }

  private static Block build(Settings s, int heads) {
    SequentialBlock net = new SequentialBlock();
    for (int l = 0; l < s.layers(); l++) {
      net.add(Linear.builder().setUnits(s.hidden()).build()).add(Activation.reluBlock());
      if (s.dropout() > 0) net.add(Dropout.builder().optRate((float) s.dropout()).build());
    }
    return net.add(Linear.builder().setUnits(heads).build());
  }

  /** Head names: the direction first, then the regression heads. */
  public List<String> heads() {
    return heads;
  }

  public List<String> features() {
    return features;
  }

  /** The learning curve: per epoch run, the weighted validation loss (the training loss when fitted without validation rows). */
  public double[] curve() {
    return validationLoss.clone();
  }

  /** The weighted loss per epoch on the training and validation rows, and the epoch kept (null for a model saved without one). */
  public LearningCurve learningCurve() {
    return learningCurve;
  }

  /** The device the net was trained on, as DJL names it (e.g. {@code cpu()}). */
  public String device() {
    return device;
  }

  /** The direction head's probability of 1 for every row of {@code x}. */
  public Predictions predict(Matrix x) {
    float[] out = outputs(x);
    int k = heads.size();
    double[] p = new double[x.rows()];
    for (int i = 0; i < p.length; i++) {
      double o = out[i * k];
      p[i] = o >= 0 ? 1.0 / (1.0 + Math.exp(-o)) : Math.exp(o) / (1.0 + Math.exp(o));
    }
    return new Predictions(Task.BINARY, p);
  }

  /**
   * Every regression head's forecast for every row of {@code x}, in its target's units (e.g. bars
   * for tth, a fraction for mdd and mfe), keyed by head name in head order without the direction.
   */
  public Map<String, double[]> heads(Matrix x) {
    float[] out = outputs(x);
    int k = heads.size();
    Map<String, double[]> result = new LinkedHashMap<>();
    for (int j = 1; j < k; j++) {
      double[] v = new double[x.rows()];
      for (int i = 0; i < v.length; i++) v[i] = targetMean[j] + targetStd[j] * out[i * k + j];
      result.put(heads.get(j), v);
    }
    return result;
  }

  private float[] outputs(Matrix x) {
    if (!x.names().equals(features)) {
      throw new BadInputException(Where.none(), "columns " + x.names() + " differ from the fitted " + features, "pass the fitted feature columns in order");
    }
    return Inference.outputs(model.getBlock(), model.getNDManager(), Samples.of(x, z, 0, 0, false, null), heads.size());
  }

  /** Writes {@value #PARAMS} and {@value #CONFIG} into the directory {@code dir} (created if missing). */
  public void save(Path dir) {
    NetDirectory.write(dir, NAME, PARAMS, ParameterBytes.of(model.getBlock()), CONFIG, config());
  }

  /** Writes {@value #PARAMS} and {@value #CONFIG} into an artifact (checksummed by its manifest). */
  void save(ArtifactWriter out) {
    out.write(PARAMS, ParameterBytes.of(model.getBlock()));
    out.writeJson(CONFIG, config());
  }

  private Config config() {
    return new Config(FORMAT, heads, features, settings, z.mean(), z.std(), targetMean, targetStd, validationLoss, learningCurve, device);
  }

  /** Reads a directory written by {@link #save(Path)}. */
  public static MultiTaskNet load(Path dir) {
    NetDirectory.Read<Config> read = NetDirectory.read(dir, NAME, "MultiTaskNet", PARAMS, CONFIG, Config.class);
    return restore(read.config(), read.parameters(), dir.resolve(CONFIG).toString());
  }

  /** Reads an artifact written by {@link #save(ArtifactWriter)}, its files verified against the manifest. */
  static MultiTaskNet load(ArtifactReader in) {
    return restore(in.readJson(CONFIG, Config.class), in.read(PARAMS), CONFIG);
  }

  private static MultiTaskNet restore(Config c, byte[] parameters, String where) {
    if (!FORMAT.equals(c.format()) || c.heads() == null || c.features() == null || c.mean() == null || c.mean().length != c.features().size()
        || c.targetMean() == null || c.targetMean().length != c.heads().size()) {
      throw new BadInputException(Where.file(where), "unsupported or inconsistent multitask_net model (format " + c.format() + ")",
          "re-save the model with this Quiver version");
    }
    TorchRuntime.engine();
    Block block = build(c.settings(), c.heads().size());
    Model model = ParameterBytes.model(NAME, Device.cpu(), block, new Shape(1, c.features().size()), parameters);
    boolean ok = false;
    try {
      MultiTaskNet net = new MultiTaskNet(model, c.heads(), c.features(), c.settings(), new Standardization(c.mean(), c.std()), c.targetMean(),
          c.targetStd(), c.validationLoss(), c.learningCurve(), c.device() == null ? "cpu()" : c.device());
      ok = true;
      return net;
    } finally {
      if (!ok) model.close();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
