package dev.quiver.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import dev.quiver.model.EarlyStopping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;

/**
 * One epoch per round of {@link EarlyStopping}, resumable from {@link Checkpoints}: owns the epoch
 * count (1-based once an epoch has run), the training and validation score per epoch, the best
 * epoch and a copy of its parameters, the checkpoint due every {@code checkpointEvery} epochs, and
 * the replay of a checkpoint's epochs from their recorded scores. A subclass trains one epoch over
 * the rows in the order given and scores the validation rows.
 *
 * <p>Before epoch {@code e} (0-based) trains, libtorch is reseeded with {@code (int) (seed *
 * 1_000_003 + e)} and the row order is shuffled with {@code new Random(seed * 31 + e)} (see {@link
 * #shuffle(int[], long, int)}), so a resumed fit draws what the uninterrupted one drew. Not
 * thread-safe.
 */
abstract class ResumableEpochs implements EarlyStopping.Rounds<RuntimeException> {

  private final Block block;
  private final ResumableAdam adam;
  private final Checkpoints checkpoints;
  private final int checkpointEvery;
  private final long seed;
  private final int epochs;
  private final int[] order;
  private final boolean validated;
  private final Logger log;
  private final String trainLabel;
  private final long started = System.nanoTime();
  private int epoch;
  private double trainLoss;
  private byte[] best;
  private int bestEpoch;
  private double[] trainScores = new double[0];
  private double[] validScores = new double[0];
  private Checkpoints.Saved replay;
  private int lastCheckpoint;

  /**
   * @param checkpoints where checkpoints go (null: none); {@code checkpointEvery} 0 writes none
   * @param rows how many training samples each epoch shuffles
   * @param validated whether {@link #validationScore} will be called (logging then waits for it)
   * @param trainLabel how the epoch log names the training loss, e.g. {@code "train weighted loss"}
   */
  ResumableEpochs(Block block, ResumableAdam adam, Checkpoints checkpoints, int checkpointEvery, long seed, int epochs, int rows, boolean validated,
      Logger log, String trainLabel) {
    this.block = block;
    this.adam = adam;
    this.checkpoints = checkpoints;
    this.checkpointEvery = checkpointEvery;
    this.seed = seed;
    this.epochs = epochs;
    this.order = new int[rows];
    this.validated = validated;
    this.log = log;
    this.trainLabel = trainLabel;
  }

  /** Trains one epoch on the training samples in {@code order}; returns its training loss in the curve's units. */
  protected abstract double trainEpoch(int[] order);

  /** The validation loss of the block as it is now, in the curve's units. */
  protected abstract double validationLoss();

  /**
   * Initializes {@code trainer} for inputs of {@code shape}, from the latest checkpoint's
   * parameters when {@code resume} and {@code checkpoints} has one (the trainer keeps the arrays it
   * finds at initialize: the checkpoint's must be in place by then); returns that checkpoint, or
   * null when starting afresh.
   */
  static Checkpoints.Saved initialize(ai.djl.training.Trainer trainer, Block block, NDManager manager, Shape shape, Checkpoints checkpoints,
      boolean resume) {
    Checkpoints.Saved saved = checkpoints != null && resume ? checkpoints.latest().orElse(null) : null;
    if (saved != null) {
      block.initialize(manager, DataType.FLOAT32, shape);
      ParameterBytes.restore(block, manager, saved.parameters());
    }
    trainer.initialize(shape);
    return saved;
  }

  /**
   * One optimizer step of {@code trainer} on a batch: forward {@code input}, the trainer's loss
   * against {@code labels}, backward, step; returns the batch's loss as the loss computed it.
   */
  static float trainStep(ai.djl.training.Trainer trainer, NDArray input, NDList labels) {
    float loss;
    try (GradientCollector gc = trainer.newGradientCollector()) {
      NDList out = trainer.forward(new NDList(input));
      NDArray l = trainer.getLoss().evaluate(labels, out);
      gc.backward(l);
      loss = l.getFloat();
    }
    trainer.step();
    return loss;
  }

  /** Reseeds libtorch for epoch {@code epoch} (0-based) of a fit seeded {@code seed}. */
  static void seedEngine(long seed, int epoch) {
    TorchRuntime.engine().setRandomSeed((int) (seed * 1_000_003L + epoch));
  }

  /** Sets {@code order} to 0..n-1 shuffled by {@code new Random(seed * 31 + epoch)}. */
  static void shuffle(int[] order, long seed, int epoch) {
    shuffle(order, new Random(seed * 31 + epoch));
  }

  /** Sets {@code order} to 0..n-1 shuffled by Fisher-Yates from the last position down, drawing {@code rnd.nextInt(i + 1)} for each i. */
  static void shuffle(int[] order, Random rnd) {
    int n = order.length;
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int k = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
  }

  /** The ids of {@code block}'s parameters in its parameter order, as {@link ResumableAdam} keys its state. */
  static List<String> parameterIds(Block block) {
    List<String> ids = new ArrayList<>();
    for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) ids.add(p.getValue().getId());
    return ids;
  }

  /**
   * Continues from {@code saved}, whose parameters the block already holds: its optimizer state
   * now, its epochs replayed to early stopping from their recorded scores.
   */
  final void resume(Checkpoints.Saved saved) {
    adam.load(saved.optimizer(), parameterIds(block));
    best = saved.bestParameters();
    bestEpoch = saved.state().best();
    replay = saved;
    lastCheckpoint = saved.state().epoch();
    log.info("resuming from the checkpoint of epoch " + saved.state().epoch());
  }

  /** Writes a checkpoint of the epochs run so far when one is due and not yet written. */
  final void checkpoint() {
    if (checkpoints == null || checkpointEvery == 0 || epoch <= lastCheckpoint || epoch % checkpointEvery != 0) return;
    checkpoints.write(epoch, Arrays.copyOf(trainScores, epoch), Arrays.copyOf(validScores, Math.min(epoch, validScores.length)), bestEpoch,
        ParameterBytes.of(block), best, adam.save(parameterIds(block)));
    lastCheckpoint = epoch;
  }

  /** The parameters of the best validation epoch so far (null without validation or before one improved). */
  final byte[] best() {
    return best;
  }

  private boolean replaying() {
    return replay != null && epoch <= replay.state().epoch();
  }

  @Override
  public final boolean add() {
    checkpoint();
    if (replay != null && epoch < replay.state().epoch()) {
      epoch++;
      trainLoss = replay.state().train()[epoch - 1];
      return true;
    }
    seedEngine(seed, epoch);
    shuffle(order, seed, epoch);
    trainLoss = trainEpoch(order);
    epoch++;
    return true;
  }

  @Override
  public final double trainScore() {
    trainScores = record(trainScores, trainLoss);
    if (!validated && !replaying()) log(Double.NaN);
    return trainLoss;
  }

  @Override
  public final double validationScore() {
    double v = replaying() ? replay.state().validation()[epoch - 1] : validationLoss();
    validScores = record(validScores, v);
    if (!replaying()) log(v);
    return v;
  }

  @Override
  public final void improved() {
    bestEpoch = epoch;
    if (!replaying()) best = ParameterBytes.of(block);
  }

  private double[] record(double[] scores, double v) {
    double[] out = Arrays.copyOf(scores, epoch);
    out[epoch - 1] = v;
    return out;
  }

  private void log(double validation) {
    double perEpoch = (System.nanoTime() - started) / 1e9 / epoch;
    log.info(String.format(Locale.ROOT, "epoch %d/%d: %s %.5f, validation %s, %.2f s/epoch, at most %.0f s left", epoch, epochs, trainLabel, trainLoss,
        Double.isNaN(validation) ? "-" : String.format(Locale.ROOT, "%.5f", validation), perEpoch, perEpoch * (epochs - epoch)));
  }
}
