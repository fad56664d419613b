package dev.quiver.deep;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.model.FitInfo;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Progress;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The deep speed targets, for {@code quiver benchmark}: LSTM training epochs (windowing from the
 * dataset's matrix included) with the JVM's resident memory after each epoch, and MLP
 * single-row inference. Both train real nets on the given dataset.
 */
public final class DeepBenchmark {

  private DeepBenchmark() {}

  /**
   * Wall time and resident set size (bytes, from /proc/self/status; -1 where unavailable) after
   * each epoch, epoch 1 first; {@code windows} samples of {@code lookback} bars and {@code features}
   * columns.
   */
  public record Epochs(String family, int windows, int lookback, int features, int batch, int threads, long[] epochNanos, long[] rssBytes,
      Map<String, String> params) {}

  /** Nanoseconds per {@code predict} call on one row. */
  public record Inference(long[] nanos, int trainRows, Map<String, String> params) {}

  /** LSTM defaults of the benchmark: 2 layers of 64, lookback 60, batch 256, no dropout, windows allowed across session gaps. */
  public static Map<String, String> lstmDefaults() {
    return Map.of("layers", "2", "hidden", "64", "lookback", "60", "batch_size", "256", "dropout", "0", "gap_break", "0");
  }

  /**
   * Trains {@code family} for {@code epochs} epochs (patience 0, no validation) on the first
   * {@code windows} windows of {@code data}.
   */
  public static Epochs epochs(String family, Dataset data, int windows, int epochs, int threads, Map<String, String> overrides) {
    NetFamily f = family(family);
    Map<String, String> o = new HashMap<>(overrides);
    o.put("epochs", String.valueOf(epochs));
    o.put("patience", "0");
    Params p = f.params("balanced", o);
    NetSpec spec = f.spec();
    int lookback = spec.lookback(p);
    Standardization none = new Standardization(new float[data.x().cols()], ones(data.x().cols()));
    Samples all = Samples.of(data.x(), none, lookback, spec.gapBreak(p), true, data.y());
    if (all.count() < windows) {
      throw new BadInputException("the input gives " + all.count() + " windows of " + lookback + " bars, fewer than the " + windows + " asked for");
    }
    int rows = all.viewRow(windows - 1) + 1;
    TrainSet train = data.trainSet(0, rows);
    EpochClock clock = new EpochClock(epochs);
    TrainContext ctx = new TrainContext(threads, 42, clock, dev.quiver.model.Cancellation.none());
    try (NetModel m = (NetModel) f.trainer(p).fit(train, null, ctx, FitInfo.of("balanced"))) {
      return new Epochs(family, windows, lookback, data.x().cols(), p.getInt("batch_size"), threads, clock.nanos(), clock.rss(), p.asStrings());
    }
  }

  /** Fits a small {@code mlp} on the first {@code trainRows} rows, then times {@code runs} one-row predictions after {@code warmups}. */
  public static Inference mlpSingleRow(Dataset data, int trainRows, int threads, int warmups, int runs) {
    MlpFamily f = new MlpFamily();
    Params p = f.params("balanced", Map.of("epochs", "2"));
    Matrix x = data.x();
    try (NetModel m = (NetModel) f.trainer(p).fit(data.trainSet(0, trainRows), null, TrainContext.of(threads, 42), FitInfo.of("balanced"))) {
      long[] nanos = new long[runs];
      int n = x.rows() - trainRows;
      double sink = 0;
      for (int i = 0; i < warmups + runs; i++) {
        int r = trainRows + i % n;
        long t0 = System.nanoTime();
        sink += m.predict(x.rows(r, r + 1)).values()[0];
        long t = System.nanoTime() - t0;
        if (i >= warmups) nanos[i - warmups] = t;
      }
      if (Double.isNaN(sink)) throw new IllegalStateException("NaN prediction");
      return new Inference(nanos, trainRows, p.asStrings());
    }
  }

  private static NetFamily family(String name) {
    return switch (name) {
      case MlpFamily.NAME -> new MlpFamily();
      case LstmFamily.NAME -> new LstmFamily();
      case Cnn1dFamily.NAME -> new Cnn1dFamily();
      case CnnLstmFamily.NAME -> new CnnLstmFamily();
      case TransformerFamily.NAME -> new TransformerFamily();
      default -> throw BadInputException.unknown("deep family", name, java.util.List.of("cnn1d", "cnn_lstm", "lstm", "mlp", "transformer"));
    };
  }

  private static float[] ones(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, 1f);
    return a;
  }

  /** Resident set size of this process in bytes, or -1 off Linux. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Records the time and RSS at each epoch's end (one progress unit per epoch). */
  private static final class EpochClock implements Progress {
    private final long[] nanos;
    private final long[] rss;
    private int done;
    private long last;

    EpochClock(int epochs) {
      nanos = new long[epochs];
      rss = new long[epochs];
    }

    @Override
    public synchronized void start(String task, long units) {
      last = System.nanoTime();
    }

    @Override
    public synchronized void advance(long units) {
      long now = System.nanoTime();
      if (done < nanos.length) {
        nanos[done] = now - last;
        rss[done] = residentBytes();
        done++;
      }
      last = now;
    }

    synchronized long[] nanos() {
      return java.util.Arrays.copyOf(nanos, done);
    }

    synchronized long[] rss() {
      return java.util.Arrays.copyOf(rss, done);
    }
  }
}
