package dev.quiver.deep;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.TrainContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gan}: a generative adversarial network of return paths, for augmenting training data. It
 * learns from windows of {@code window} consecutive returns of real series (a window never spans
 * two series; windows are start offsets into the series, never copied out), standardized by the
 * pooled mean and population std (ddof 0). The generator maps {@code noise} Gaussian inputs
 * through two ReLU layers to a window; the discriminator maps a window through two leaky-ReLU
 * layers to a logit; they train in turn (one discriminator and one generator Adam step per batch,
 * the non-saturating generator loss; an epoch's last, partial batch is skipped). {@link #generate} draws paths in return units; {@link
 * #realism} says how realistic they are ({@link PathRealism}: KS statistic, moments,
 * autocorrelation of returns and absolute returns). A fit is bit-identical for a fixed seed and
 * thread count on CPU; {@link #generate} is deterministic for a seed. Thread-safe for {@link
 * #generate}; owns native memory: {@link #close} once.
 */
public final class ReturnGan implements AutoCloseable {

  public static final String NAME = "gan";
  private static final Logger LOG = LoggerFactory.getLogger(ReturnGan.class);

  /** Training settings: {@code window} returns per path, {@code noise} generator inputs. */
  public record Settings(int window, int noise, int hidden, int epochs, int batchSize, double learningRate) {

    public Settings {
      if (window < 2 || noise < 1 || hidden < 1 || epochs < 1 || batchSize < 2 || !(learningRate > 0)) {
        throw new BadInputException(Where.none(), "gan settings out of range: " + this,
            "use window >= 2, noise >= 1, hidden >= 1, epochs >= 1, batch_size >= 2, learning_rate > 0");
      }
    }

    /** Windows of 32 returns, 16 noise inputs, 64 hidden units, 30 epochs of 256, Adam 2e-4. */
    public static Settings defaults() {
      return new Settings(32, 16, 64, 30, 256, 2e-4);
    }
  }

  private final Model generator;
  private final Settings settings;
  private final double mean;
  private final double std;

  private ReturnGan(Model generator, Settings settings, double mean, double std) {
    this.generator = generator;
    this.settings = settings;
    this.mean = mean;
    this.std = std;
  }

  /** Fits on every window of every series of {@code returns} (finite values; a series shorter than the window adds none). */
  public static ReturnGan fit(List<double[]> returns, Settings settings, TrainContext ctx) {
    return fit(returns, settings, ctx, "cpu");
  }

  /** As {@link #fit(List, Settings, TrainContext)} on {@code device} ("cpu", or "gpu" with the fallback of {@link TorchRuntime#device}). */
  static ReturnGan fit(List<double[]> returns, Settings settings, TrainContext ctx, String device) {
    double sum = 0;
    long n = 0;
    List<String> problems = new ArrayList<>();
    for (int s = 0; s < returns.size(); s++) {
      double[] r = returns.get(s);
      for (int t = 0; t < r.length; t++) {
        if (!Double.isFinite(r[t])) {
          if (problems.size() < 5) problems.add("series " + s + " return " + t + " is " + r[t]);
        } else {
          sum += r[t];
          n++;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(Where.none(), "gan needs finite returns: " + String.join("; ", problems), "drop or fill the missing returns first");
    }
    double m = sum / n;
    double sq = 0;
    for (double[] r : returns) for (double v : r) sq += (v - m) * (v - m);
    double sd = Math.sqrt(sq / n);
    double scale = sd > 0 ? sd : 1;
    int windows = 0;
    for (double[] r : returns) windows += Math.max(0, r.length - settings.window() + 1);
    if (windows < 2) {
      throw new BadInputException(Where.none(), "gan got " + windows + " windows of " + settings.window() + " returns", "lower window or give longer series");
    }
    int[] seriesOf = new int[windows];
    int[] startOf = new int[windows];
    int k = 0;
    for (int s = 0; s < returns.size(); s++) {
      for (int t = 0; t + settings.window() <= returns.get(s).length; t++) {
        seriesOf[k] = s;
        startOf[k++] = t;
      }
    }
    return TorchRuntime.exclusive(ctx.threads(), ctx.seed(), () -> train(returns, seriesOf, startOf, m, scale, settings, ctx,
        TorchRuntime.device(device).device()));
  }

  private static ReturnGan train(List<double[]> returns, int[] seriesOf, int[] startOf, double mean, double std, Settings s, TrainContext ctx,
      Device device) {
    int w = s.window();
    Model generator = Model.newInstance("gan-generator", device, "PyTorch");
    boolean ok = false;
    try (Model discriminator = Model.newInstance("gan-discriminator", device, "PyTorch")) {
      generator.setBlock(generatorBlock(s));
      discriminator.setBlock(discriminatorBlock(s));
      NDManager gState = generator.getNDManager().newSubManager();
      NDManager dState = discriminator.getNDManager().newSubManager();
      Loss bce = Loss.sigmoidBinaryCrossEntropyLoss();
      int n = seriesOf.length;
      int batch = Math.min(s.batchSize(), n);
      float[] real = new float[batch * w];
      float[] noise = new float[batch * s.noise()];
      int[] order = new int[n];
      Random rnd = new Random(ctx.seed());
      long started = System.nanoTime();
      ctx.progress().start(NAME, s.epochs());
      try (gState; dState;
          ai.djl.training.Trainer g = generator.newTrainer(new DefaultTrainingConfig(bce)
              .optOptimizer(new ResumableAdam((float) s.learningRate(), 0f, gState)).optDevices(new Device[] {device}));
          ai.djl.training.Trainer d = discriminator.newTrainer(new DefaultTrainingConfig(bce)
              .optOptimizer(new ResumableAdam((float) s.learningRate(), 0f, dState)).optDevices(new Device[] {device}))) {
        g.initialize(new Shape(batch, s.noise()));
        d.initialize(new Shape(batch, w));
        for (int epoch = 0; epoch < s.epochs() && !ctx.cancel().requested(); epoch++) {
          ResumableEpochs.seedEngine(ctx.seed(), epoch);
          ResumableEpochs.shuffle(order, rnd);
          double dSum = 0;
          double gSum = 0;
          int steps = 0;
          for (int from = 0; from + batch <= n; from += batch) {
            for (int b = 0; b < batch; b++) {
              int window = order[from + b];
              double[] series = returns.get(seriesOf[window]);
              int start = startOf[window];
              for (int t = 0; t < w; t++) real[b * w + t] = (float) ((series[start + t] - mean) / std);
            }
            for (int k = 0; k < noise.length; k++) noise[k] = (float) rnd.nextGaussian();
            try (NDManager sub = g.getManager().newSubManager()) {
              NDArray x = sub.create(real, new Shape(batch, w));
              NDArray z = sub.create(noise, new Shape(batch, s.noise()));
              NDArray ones = sub.ones(new Shape(batch, 1));
              NDArray zeros = sub.zeros(new Shape(batch, 1));
              zeroGradients(generator.getBlock());
              zeroGradients(discriminator.getBlock());
              try (GradientCollector gc = d.newGradientCollector()) {
                NDArray fake = g.forward(new NDList(z)).singletonOrThrow().stopGradient();
                NDArray l = bce.evaluate(new NDList(ones), d.forward(new NDList(x))).add(bce.evaluate(new NDList(zeros), d.forward(new NDList(fake))));
                gc.backward(l);
                dSum += l.getFloat();
              }
              d.step();
              zeroGradients(generator.getBlock());
              zeroGradients(discriminator.getBlock());
              try (GradientCollector gc = g.newGradientCollector()) {
                NDArray fake = g.forward(new NDList(z)).singletonOrThrow();
                NDArray l = bce.evaluate(new NDList(ones), d.forward(new NDList(fake)));
                gc.backward(l);
                gSum += l.getFloat();
              }
              g.step();
              steps++;
            }
          }
          double perEpoch = (System.nanoTime() - started) / 1e9 / (epoch + 1);
          LOG.info(String.format(Locale.ROOT, "epoch %d/%d: discriminator loss %.5f, generator loss %.5f, %.2f s/epoch, at most %.0f s left", epoch + 1,
              s.epochs(), dSum / steps, gSum / steps, perEpoch, perEpoch * (s.epochs() - epoch - 1)));
          ctx.progress().advance(1);
        }
      }
      ReturnGan gan = new ReturnGan(generator, s, mean, std);
      ok = true;
      return gan;
    } finally {
      if (!ok) generator.close();
    }
  }

  /** Zeroes the gradients of a block's parameters, so one network's step never reads gradients left by the other's. */
  private static void zeroGradients(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray a = p.getValue().getArray();
      if (a.hasGradient()) {
        try (NDArray grad = a.getGradient()) {
          grad.muli(0f);
        }
      }
    }
  }

  private static Block generatorBlock(Settings s) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(s.hidden()).build()).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(s.hidden()).build()).add(Activation.reluBlock())
        .add(Linear.builder().setUnits(s.window()).build());
  }

  private static Block discriminatorBlock(Settings s) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(s.hidden()).build()).add(Activation.leakyReluBlock(0.2f))
        .add(Linear.builder().setUnits(s.hidden()).build()).add(Activation.leakyReluBlock(0.2f))
        .add(Linear.builder().setUnits(1).build());
  }

  public Settings settings() {
    return settings;
  }

  /** {@code paths} generated paths of {@code window} returns each (in the real returns' units), from noise drawn with {@code seed}. */
  public double[][] generate(int paths, long seed) {
    Random rnd = new Random(seed);
    int w = settings.window();
    double[][] out = new double[paths][w];
    float[] noise = new float[Inference.CHUNK * settings.noise()];
    for (int from = 0; from < paths; from += Inference.CHUNK) {
      int m = Math.min(Inference.CHUNK, paths - from);
      for (int k = 0; k < m * settings.noise(); k++) noise[k] = (float) rnd.nextGaussian();
      try (NDManager sub = generator.getNDManager().newSubManager()) {
        NDArray z = sub.create(java.util.Arrays.copyOf(noise, m * settings.noise()), new Shape(m, settings.noise()));
        float[] v = generator.getBlock().forward(new ParameterStore(sub, false), new NDList(z), false).singletonOrThrow().toFloatArray();
        for (int i = 0; i < m; i++) for (int t = 0; t < w; t++) out[from + i][t] = mean + std * v[i * w + t];
      }
    }
    return out;
  }

  /**
   * The realism of {@code paths} generated paths (noise from {@code seed}) against every
   * non-overlapping window of the real series {@code returns}, at lags 1..{@code lags}.
   */
  public PathRealism realism(List<double[]> returns, int paths, long seed, int lags) {
    int w = settings.window();
    List<double[]> real = new ArrayList<>();
    for (double[] r : returns) for (int t = 0; t + w <= r.length; t += w) real.add(java.util.Arrays.copyOfRange(r, t, t + w));
    return PathRealism.of(real.toArray(new double[0][]), generate(paths, seed), lags);
  }

  @Override
  public void close() {
    generator.close();
  }
}
