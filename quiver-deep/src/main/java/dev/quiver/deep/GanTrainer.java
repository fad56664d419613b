package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.RowKeys;
import dev.quiver.model.Schema;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a {@link GanFamily} model: picks the returns column, finds the label rule, fits the {@link
 * ReturnGan} on the training segment's returns (one series per symbol), generates the synthetic
 * windows, and trains the classifier ({@link NetTrainer} with {@link GanFamily#SPEC}) on one
 * matrix holding the real rows up to the training segment's end and, after them, every synthetic
 * path as a series of its own (only its last row, the one with a whole window, is a sample). The
 * validation rows stay real. Stateless.
 */
final class GanTrainer implements Trainer {

  /** The least share of real training labels the label rule must reproduce for synthetic windows to be labelled by it. */
  static final double MIN_AGREEMENT = 0.95;
  /** Autocorrelation lags of the realism report. */
  static final int REALISM_LAGS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(GanTrainer.class);

  private final Params params;

  GanTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    List<String> names = train.x().names();
    if (validation != null && !validation.x().names().equals(names)) {
      throw new BadInputException(Where.none(), "validation columns " + validation.x().names() + " differ from training columns " + names,
          "build both from one dataset");
    }
    int col = column(params.getString("column"), names);
    int lookback = params.getInt("lookback");
    int horizon = params.getInt("horizon");
    double share = params.getDouble("synthetic_share");
    Matrix returns = GanModel.column(train.x(), col);
    int real = 0;
    for (float v : train.y()) if (Float.isFinite(v)) real++;
    ReturnLabelRule.Match match = ReturnLabelRule.match(returns, train.y(), train.task(), horizon);
    int synthetic = (int) Math.round(share / (1 - share) * real);
    GanModel.Augmentation augmentation;
    double[][] paths = new double[0][];
    if (share == 0) {
      augmentation = new GanModel.Augmentation(false, "synthetic_share is 0", match.rule().kind().name().toLowerCase(Locale.ROOT), match.agreement(),
          match.checked(), real, 0, null);
    } else if (match.agreement() < MIN_AGREEMENT) {
      String why = String.format(Locale.ROOT, "no rule on the next %d returns of %s reproduces the labels (best: %s, %.1f%% of %d training rows; needs %.0f%%):"
          + " trained on real windows only; set gan.horizon to the label's horizon, or use a direction or forward-return label",
          horizon, names.get(col), match.rule().kind().name().toLowerCase(Locale.ROOT), 100 * match.agreement(), match.checked(), 100 * MIN_AGREEMENT);
      LOG.warn("gan: " + why);
      augmentation = new GanModel.Augmentation(false, why, match.rule().kind().name().toLowerCase(Locale.ROOT), match.agreement(), match.checked(),
          real, 0, null);
    } else {
      List<double[]> series = series(returns);
      ReturnGan.Settings settings = new ReturnGan.Settings(lookback + horizon, params.getInt("noise"), params.getInt("gan_hidden"),
          params.getInt("gan_epochs"), params.getInt("gan_batch_size"), params.getDouble("gan_learning_rate"));
      long pathSeed = ctx.seed() * 7_919L + 17;
      PathRealism realism;
      try (ReturnGan gan = ReturnGan.fit(series, settings, ctx, params.getString("device"))) {
        paths = gan.generate(synthetic, pathSeed);
        realism = gan.realism(series, synthetic, pathSeed, REALISM_LAGS);
      }
      LOG.info(String.format(Locale.ROOT, "gan: %d synthetic windows + %d real (share %.2f), labelled by %s of the next %d returns (reproduces %.1f%% of"
          + " real labels); realism: KS %.3f, std %.3g vs real %.3g, kurtosis %.2f vs %.2f, acf1 %.3f vs %.3f, |r| acf1 %.3f vs %.3f",
          synthetic, real, share, match.rule().kind().name().toLowerCase(Locale.ROOT), horizon, 100 * match.agreement(), realism.ks(),
          realism.generated().std(), realism.real().std(), realism.generated().excessKurtosis(), realism.real().excessKurtosis(),
          realism.generatedAcf()[0], realism.realAcf()[0], realism.generatedAbsAcf()[0], realism.realAbsAcf()[0]));
      augmentation = new GanModel.Augmentation(true, "", match.rule().kind().name().toLowerCase(Locale.ROOT), match.agreement(), match.checked(), real,
          synthetic, realism);
    }
    TrainSet augmented = augmented(returns, train, paths, lookback, match.rule());
    TrainSet valid = validation == null ? null : new TrainSet(GanModel.column(validation.x(), col), validation.y(), validation.task());
    NetModel classifier = (NetModel) new NetTrainer(GanFamily.SPEC, params).fit(augmented, valid, ctx, info);
    Provenance p = classifier.provenance();
    Provenance provenance = new Provenance(GanFamily.NAME, p.variant(), p.params(), p.seed(), p.dataSha256(), names, p.fold(), p.codeVersion(),
        p.runtime(), p.trainedAt());
    return new GanModel(classifier, col, new Schema(names, train.task()), augmentation, provenance);
  }

  static int column(String spec, List<String> names) {
    if (!spec.equals("auto")) {
      int i = names.indexOf(spec);
      if (i < 0) throw BadInputException.unknown("gan column", spec, names);
      return i;
    }
    for (String preferred : List.of("ret_1", "price_change")) {
      int i = names.indexOf(preferred);
      if (i >= 0) return i;
    }
    throw new BadInputException(Where.none(), "gan needs a one-bar returns column (ret_1 or price_change) among " + names,
        "add the feature ret_1, or name the column with --set gan.column=NAME");
  }

  /** The training rows' returns, one array per series (the matrix's row keys; without keys one series), NaN values left out. */
  static List<double[]> series(Matrix returns) {
    RowKeys keys = returns.keys();
    int maxId = 0;
    for (int r = 0; r < returns.rows(); r++) maxId = Math.max(maxId, keys == null ? 0 : keys.series()[returns.offset() + r]);
    int[] sizes = new int[maxId + 1];
    for (int r = 0; r < returns.rows(); r++) {
      if (Float.isFinite(returns.get(r, 0))) sizes[keys == null ? 0 : keys.series()[returns.offset() + r]]++;
    }
    double[][] values = new double[maxId + 1][];
    for (int s = 0; s <= maxId; s++) values[s] = new double[sizes[s]];
    int[] filled = new int[maxId + 1];
    for (int r = 0; r < returns.rows(); r++) {
      float v = returns.get(r, 0);
      int s = keys == null ? 0 : keys.series()[returns.offset() + r];
      if (Float.isFinite(v)) values[s][filled[s]++] = v;
    }
    List<double[]> out = new ArrayList<>();
    for (double[] v : values) if (v.length > 0) out.add(v);
    return out;
  }

  /**
   * The classifier's training set: the real rows of the backing array up to the training
   * segment's end (earlier rows only as window history), then each synthetic path's first {@code
   * lookback} returns as a series of its own labelled at its last row by {@code rule}.
   */
  private static TrainSet augmented(Matrix returns, TrainSet train, double[][] paths, int lookback, ReturnLabelRule rule) {
    int end = returns.offset() + returns.rows();
    int total = end + paths.length * lookback;
    float[] data = Arrays.copyOf(returns.data(), total);
    int[] series = new int[total];
    long[] time = new long[total];
    RowKeys keys = returns.keys();
    int nextSeries = 0;
    for (int a = 0; a < end; a++) {
      series[a] = keys == null ? 0 : keys.series()[a];
      time[a] = keys == null ? a : keys.time()[a];
      nextSeries = Math.max(nextSeries, series[a] + 1);
    }
    int view = total - returns.offset();
    float[] y = new float[view];
    System.arraycopy(train.y(), 0, y, 0, train.rows());
    for (int p = 0; p < paths.length; p++) {
      int base = end + p * lookback;
      for (int t = 0; t < lookback; t++) {
        data[base + t] = (float) paths[p][t];
        series[base + t] = nextSeries + p;
        time[base + t] = t;
      }
      // rows before a path's last have shorter windows and are never samples; 0 keeps a binary target valid
      y[base + lookback - 1 - returns.offset()] = rule.label(paths[p], lookback);
    }
    Matrix x = new Matrix(data, returns.offset(), view, 1, returns.names(), new RowKeys(series, time));
    return new TrainSet(x, y, train.task());
  }
}
