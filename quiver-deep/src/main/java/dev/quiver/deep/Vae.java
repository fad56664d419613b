package dev.quiver.deep;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.Matrix;
import dev.quiver.model.TrainContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vae}: a variational autoencoder of tabular rows (one hidden ReLU layer each side, a
 * Gaussian latent of {@code latent} dimensions), fitted without labels on the training rows'
 * features, standardized by those rows (ddof 0, NaN -> mean). It turns rows into features for
 * other models:
 *
 * <ul>
 *   <li>{@link #latent} the latent mean of every row, columns {@code vae_z0 .. vae_z(latent-1)};
 *   <li>{@link #anomalyScore} the mean squared reconstruction error of every row over the
 *       standardized features (the decoder reads the latent mean): large for rows unlike the
 *       training rows;
 *   <li>{@link #features} both, as one {@link Matrix} (latent columns then {@code vae_anomaly}),
 *       ready to append to a dataset's columns or to feed another family.
 * </ul>
 *
 * Fit rows must be the training segment only (a score on later rows then uses no future data).
 * Early stopping keeps the epoch with the lowest validation loss (reconstruction error plus
 * {@code beta} x KL, read at the latent mean). A fit is bit-identical for a fixed seed and thread
 * count on CPU. Saved as a directory of {@value #PARAMS} and {@value #CONFIG}. Thread-safe for
 * the scoring methods; owns native memory: {@link #close} once.
 */
public final class Vae implements AutoCloseable {

  public static final String NAME = "vae";
  public static final String ANOMALY = "vae_anomaly";
  static final String PARAMS = "net.params";
  static final String CONFIG = "vae.json";
  static final String FORMAT = "quiver-vae/1";
  private static final Logger LOG = LoggerFactory.getLogger(Vae.class);

  /** Training settings; {@code beta} weighs the KL term; {@code patience} 0 runs every epoch and keeps the last. */
  public record Settings(int hidden, int latent, double beta, int epochs, int batchSize, double learningRate, int patience) {

    public Settings {
      if (hidden < 1 || latent < 1 || !(beta >= 0) || Double.isInfinite(beta) || epochs < 1 || batchSize < 2 || !(learningRate > 0) || patience < 0) {
        throw new BadInputException(Where.none(), "vae settings out of range: " + this,
            "use hidden >= 1, latent >= 1, finite beta >= 0, epochs >= 1, batch_size >= 2, learning_rate > 0, patience >= 0");
      }
    }

    /** 64 hidden units, 4 latent dimensions, beta 1, 30 epochs of 256, Adam 1e-3, patience 5. */
    public static Settings defaults() {
      return new Settings(64, 4, 1.0, 30, 256, 1e-3, 5);
    }
  }

  /**
   * The saved form of everything but the parameters: {@code curve} the validation loss per epoch (the
   * training loss without validation rows), {@code trainCurve} the training loss per epoch, {@code
   * bestEpoch} the 1-based epoch kept.
   */
  record Config(String format, List<String> features, Settings settings, float[] mean, float[] std, double[] curve, double[] trainCurve,
      int bestEpoch) {}

  /**
   * Where a fit runs and how it checkpoints: {@code device} "cpu" or "gpu" (see {@link
   * TorchRuntime#device}); with {@code checkpoints} a checkpoint after every {@code every} epochs
   * (0 never), and with {@code resume} the fit continues from the newest one of the same fit.
   */
  record Run(String device, Checkpoints checkpoints, int every, boolean resume) {

    static final Run CPU = new Run("cpu", null, 0, false);
  }

  private final Model model;
  private final VaeBlock block;
  private final List<String> features;
  private final Settings settings;
  private final Standardization z;
  private final double[] curve;
  private final double[] trainCurve;
  private final int bestEpoch;

  private Vae(Model model, VaeBlock block, List<String> features, Settings settings, Standardization z, double[] curve, double[] trainCurve,
      int bestEpoch) {
    this.model = model;
    this.block = block;
    this.features = List.copyOf(features);
    this.settings = settings;
    this.z = z;
    this.curve = curve;
    this.trainCurve = trainCurve;
    this.bestEpoch = bestEpoch;
  }

  /** Fits on the rows of {@code train}, early-stopping on {@code validation} (may be null: every epoch runs, the last is kept). */
  public static Vae fit(Matrix train, Matrix validation, Settings settings, TrainContext ctx) {
    return fit(train, validation, settings, ctx, Run.CPU);
  }

  static Vae fit(Matrix train, Matrix validation, Settings settings, TrainContext ctx, Run run) {
    if (validation != null && !validation.names().equals(train.names())) {
      throw new BadInputException(Where.none(), "validation columns " + validation.names() + " differ from training columns " + train.names(),
          "build both from one dataset");
    }
    if (train.rows() < 2) throw new BadInputException(Where.none(), "vae got " + train.rows() + " training rows", "use more rows");
    Standardization z = Standardization.fit(train);
    Samples tr = Samples.of(train, z, 0, 0, true, null);
    Samples va = validation == null || validation.rows() == 0 ? null : Samples.of(validation, z, 0, 0, true, null);
    return TorchRuntime.exclusive(ctx.threads(), ctx.seed(), () -> train(train.names(), tr, va, z, settings, ctx, run));
  }

  private static Vae train(List<String> names, Samples tr, Samples va, Standardization z, Settings settings, TrainContext ctx, Run run) {
    int cols = names.size();
    Device device = TorchRuntime.device(run.device()).device();
    VaeBlock block = new VaeBlock(cols, settings.hidden(), settings.latent());
    Model model = Model.newInstance(NAME, device, "PyTorch");
    boolean ok = false;
    try {
      model.setBlock(block);
      NDManager optimizerState = model.getNDManager().newSubManager();
      ResumableAdam adam = new ResumableAdam((float) settings.learningRate(), 0f, optimizerState);
      DefaultTrainingConfig config = new DefaultTrainingConfig(new VaeLoss(cols, settings.latent(), (float) settings.beta()))
          .optOptimizer(adam).optDevices(new Device[] {device});
      int n = tr.count();
      int batch = Math.min(settings.batchSize(), n);
      float[] xBuffer = new float[batch * cols];
      int[] order = new int[n];
      double[] trainCurve = new double[settings.epochs()];
      double[] validCurve = new double[settings.epochs()];
      int epochsRun = 0;
      byte[] best = null;
      int bestEpoch = 0;
      double bestLoss = Double.POSITIVE_INFINITY;
      int sinceBest = 0;
      int lastCheckpoint = 0;
      long started = System.nanoTime();
      ctx.progress().start(NAME, settings.epochs());
      try (optimizerState; ai.djl.training.Trainer t = model.newTrainer(config)) {
        Checkpoints.Saved saved = ResumableEpochs.initialize(t, block, model.getNDManager(), new Shape(batch, cols), run.checkpoints(), run.resume());
        if (saved != null) {
          adam.load(saved.optimizer(), ResumableEpochs.parameterIds(block));
          epochsRun = saved.state().epoch();
          System.arraycopy(saved.state().train(), 0, trainCurve, 0, epochsRun);
          if (va != null) System.arraycopy(saved.state().validation(), 0, validCurve, 0, epochsRun);
          best = saved.bestParameters();
          bestEpoch = saved.state().best();
          bestLoss = bestEpoch == 0 ? Double.POSITIVE_INFINITY : validCurve[bestEpoch - 1];
          sinceBest = bestEpoch == 0 ? 0 : epochsRun - bestEpoch;
          lastCheckpoint = epochsRun;
          LOG.info("vae resuming from the checkpoint of epoch " + epochsRun);
        }
        int resumedAt = epochsRun;
        boolean stopped = va != null && settings.patience() > 0 && sinceBest >= settings.patience();
        for (int epoch = epochsRun; epoch < settings.epochs() && !stopped && !ctx.cancel().requested(); epoch++) {
          ResumableEpochs.seedEngine(ctx.seed(), epoch);
          ResumableEpochs.shuffle(order, ctx.seed(), epoch);
          double sum = 0;
          long seen = 0;
          for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            tr.fill(order, from, m, xBuffer);
            try (NDManager sub = t.getManager().newSubManager()) {
              NDArray x = sub.create(Arrays.copyOf(xBuffer, m * cols), new Shape(m, cols));
              sum += (double) ResumableEpochs.trainStep(t, x, new NDList(x)) * m;
              seen += m;
            }
          }
          double trainLoss = sum / seen;
          double validLoss = va == null ? Double.NaN : meanLoss(block, model.getNDManager(), va, cols, settings);
          trainCurve[epoch] = trainLoss;
          validCurve[epoch] = validLoss;
          epochsRun = epoch + 1;
          double perEpoch = (System.nanoTime() - started) / 1e9 / (epochsRun - resumedAt);
          LOG.info(String.format(Locale.ROOT, "epoch %d/%d: train loss %.5f, validation %s, %.2f s/epoch, at most %.0f s left", epochsRun,
              settings.epochs(), trainLoss, va == null ? "-" : String.format(Locale.ROOT, "%.5f", validLoss), perEpoch,
              perEpoch * (settings.epochs() - epochsRun)));
          ctx.progress().advance(1);
          if (va != null) {
            if (validLoss < bestLoss) {
              bestLoss = validLoss;
              best = ParameterBytes.of(block);
              bestEpoch = epochsRun;
              sinceBest = 0;
            } else if (settings.patience() > 0 && ++sinceBest >= settings.patience()) {
              stopped = true;
            }
          }
          if (run.checkpoints() != null && run.every() > 0 && epochsRun % run.every() == 0 && epochsRun > lastCheckpoint) {
            run.checkpoints().write(epochsRun, Arrays.copyOf(trainCurve, epochsRun), va == null ? new double[0] : Arrays.copyOf(validCurve, epochsRun),
                bestEpoch, ParameterBytes.of(block), best, adam.save(ResumableEpochs.parameterIds(block)));
            lastCheckpoint = epochsRun;
          }
        }
      }
      if (best != null && bestEpoch != epochsRun) ParameterBytes.restore(block, model.getNDManager(), best);
      if (va == null) bestEpoch = epochsRun;
      double[] curve = Arrays.copyOf(va == null ? trainCurve : validCurve, epochsRun);
      Vae vae = new Vae(model, block, names, settings, z, curve, Arrays.copyOf(trainCurve, epochsRun), bestEpoch);
      ok = true;
      return vae;
    } finally {
      if (!ok) model.close();
    }
  }

  /** The loss read at the latent mean, averaged over the samples. */
  private static double meanLoss(VaeBlock block, NDManager manager, Samples samples, int cols, Settings settings) {
    int latent = settings.latent();
    int width = block.width();
    float[] out = Inference.outputs(block, manager, samples, width);
    float[] x = standardized(samples, cols);
    double sum = 0;
    for (int i = 0; i < samples.count(); i++) {
      double sq = 0;
      for (int c = 0; c < cols; c++) {
        double d = out[i * width + c] - x[i * cols + c];
        sq += d * d;
      }
      double kl = 0;
      for (int l = 0; l < latent; l++) {
        double mu = out[i * width + cols + l];
        double lv = out[i * width + cols + latent + l];
        kl += -0.5 * (1 + lv - mu * mu - Math.exp(lv));
      }
      sum += sq + settings.beta() * kl;
    }
    return sum / samples.count();
  }

  private static float[] standardized(Samples samples, int cols) {
    float[] x = new float[samples.count() * cols];
    samples.fill(null, 0, samples.count(), x);
    return x;
  }

  public List<String> features() {
    return features;
  }

  /** Per epoch run, the validation loss (the training loss when fitted without validation rows). */
  public double[] curve() {
    return curve.clone();
  }

  /** Per epoch run, the mean training loss of the epoch's minibatches. */
  public double[] trainCurve() {
    return trainCurve.clone();
  }

  /** The 1-based epoch whose parameters the model holds (the best validation loss, or the last epoch without validation). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The device the model's parameters live on (CPU unless a GPU was asked for and found). */
  public Device device() {
    return model.getNDManager().getDevice();
  }

  /** The number of latent dimensions. */
  public int latentSize() {
    return settings.latent();
  }

  /** The mean squared reconstruction error of every row of {@code x} over its standardized features. */
  public double[] anomalyScore(Matrix x) {
    Samples s = samples(x);
    int cols = features.size();
    int width = block.width();
    float[] out = Inference.outputs(block, model.getNDManager(), s, width);
    float[] in = standardized(s, cols);
    double[] score = new double[x.rows()];
    for (int i = 0; i < score.length; i++) {
      double sq = 0;
      for (int c = 0; c < cols; c++) {
        double d = out[i * width + c] - in[i * cols + c];
        sq += d * d;
      }
      score[i] = sq / cols;
    }
    return score;
  }

  /** The latent mean of every row of {@code x}: columns {@code vae_z0 ..}. */
  public Matrix latent(Matrix x) {
    return columns(x, false);
  }

  /** The latent mean and then the anomaly score ({@value #ANOMALY}) of every row of {@code x}, as features for another model. */
  public Matrix features(Matrix x) {
    return columns(x, true);
  }

  private Matrix columns(Matrix x, boolean withScore) {
    int latent = settings.latent();
    int cols = features.size();
    int width = block.width();
    float[] out = Inference.outputs(block, model.getNDManager(), samples(x), width);
    double[] score = withScore ? anomalyScore(x) : null;
    int outCols = latent + (withScore ? 1 : 0);
    float[] data = new float[x.rows() * outCols];
    for (int i = 0; i < x.rows(); i++) {
      for (int l = 0; l < latent; l++) data[i * outCols + l] = out[i * width + cols + l];
      if (withScore) data[i * outCols + latent] = (float) score[i];
    }
    List<String> names = new ArrayList<>();
    for (int l = 0; l < latent; l++) names.add("vae_z" + l);
    if (withScore) names.add(ANOMALY);
    return new Matrix(data, x.rows(), outCols, names);
  }

  /**
   * The input for a model stacked on this one, one row per row of {@code x}: the standardized
   * input columns (training mean and std, NaN -> 0) under their own names, then the latent mean
   * ({@code vae_z0 ..}), then the anomaly score ({@value #ANOMALY}). One forward pass.
   */
  public Matrix withFeatures(Matrix x) {
    Samples s = samples(x);
    int latent = settings.latent();
    int cols = features.size();
    int width = block.width();
    float[] out = Inference.outputs(block, model.getNDManager(), s, width);
    float[] in = standardized(s, cols);
    int outCols = cols + latent + 1;
    float[] data = new float[x.rows() * outCols];
    for (int i = 0; i < x.rows(); i++) {
      int at = i * outCols;
      System.arraycopy(in, i * cols, data, at, cols);
      double sq = 0;
      for (int c = 0; c < cols; c++) {
        double d = out[i * width + c] - in[i * cols + c];
        sq += d * d;
      }
      for (int l = 0; l < latent; l++) data[at + cols + l] = out[i * width + cols + l];
      data[at + cols + latent] = (float) (sq / cols);
    }
    List<String> names = new ArrayList<>(features);
    for (int l = 0; l < latent; l++) names.add("vae_z" + l);
    names.add(ANOMALY);
    return new Matrix(data, x.rows(), outCols, names);
  }

  private Samples samples(Matrix x) {
    if (!x.names().equals(features)) {
      throw new BadInputException(Where.none(), "columns " + x.names() + " differ from the fitted " + features, "pass the fitted feature columns in order");
    }
    return Samples.of(x, z, 0, 0, false, null);
  }

  /** Writes {@value #PARAMS} and {@value #CONFIG} into the directory {@code dir} (created if missing). */
  public void save(Path dir) {
    NetDirectory.write(dir, NAME, PARAMS, parameters(), CONFIG, config());
  }

  /** The saved form of everything but the parameters. */
  Config config() {
    return new Config(FORMAT, features, settings, z.mean(), z.std(), curve, trainCurve, bestEpoch);
  }

  /** The block's parameters as DJL's parameter stream. */
  byte[] parameters() {
    return ParameterBytes.of(block);
  }

  /** Reads a directory written by {@link #save}. */
  public static Vae load(Path dir) {
    NetDirectory.Read<Config> read = NetDirectory.read(dir, NAME, "Vae", PARAMS, CONFIG, Config.class);
    return restore(read.config(), read.parameters(), Device.cpu(), dir.resolve(CONFIG).toString());
  }

  /** Rebuilds a model from its {@link #config} and {@link #parameters} on {@code device}; {@code source} names the config in errors. */
  static Vae restore(Config c, byte[] parameters, Device device, String source) {
    if (!FORMAT.equals(c.format()) || c.features() == null || c.settings() == null || c.mean() == null || c.mean().length != c.features().size()
        || c.std() == null || c.std().length != c.features().size()) {
      throw new BadInputException(Where.file(source), "unsupported or inconsistent vae model (format " + c.format() + ")",
          "re-save the model with this Quiver version");
    }
    TorchRuntime.engine();
    VaeBlock block = new VaeBlock(c.features().size(), c.settings().hidden(), c.settings().latent());
    Model model = ParameterBytes.model(NAME, device, block, new Shape(1, c.features().size()), parameters);
    boolean ok = false;
    try {
      double[] curve = c.curve() == null ? new double[0] : c.curve();
      double[] trainCurve = c.trainCurve() == null ? curve : c.trainCurve();
      Vae vae = new Vae(model, block, c.features(), c.settings(), new Standardization(c.mean(), c.std()), curve, trainCurve,
          c.bestEpoch() == 0 ? curve.length : c.bestEpoch());
      ok = true;
      return vae;
    } finally {
      if (!ok) model.close();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
