package dev.quiver.leakage;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import dev.quiver.experiment.FoldRows;
import dev.quiver.model.FittedModel;
import dev.quiver.model.FitInfo;
import dev.quiver.model.Matrix;
import dev.quiver.model.TrainContext;
import dev.quiver.model.Trainer;
import dev.quiver.split.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leakage self-test. For each cut (the open time of a source bar), the bars after the cut are
 * perturbed ({@link FuturePerturbation}) and the dataset is rebuilt with the same {@link DatasetRecipe};
 * every feature value of every row whose bar has closed by the cut bar's close (a resampled row's
 * bar may span the cut: it is not known yet) must be bit-for-bit what it was, or the
 * feature reads the future and is named. Each model is trained (on the real dataset) on the rows
 * whose labels end at or before the cut, then predicts the whole real and the whole perturbed
 * matrix: its predictions at or before the cut must not move either, which catches models whose
 * output at a row depends on later rows of the batch. Last, {@link AssociationCheck} names features
 * whose association with the label is implausibly strong (a column that is the next bar's return
 * passes the perturbation test, since a data column is not recomputed, and is caught here).
 *
 * <p>Cuts are placed at fractions of the bars of the longest series, e.g. 0.5 and 0.8: the bar at
 * that index is the last one kept. Deterministic for a seed; stateless.
 */
public final class LeakageCheck {

  /** How a check runs: the cut fractions, the seed of the perturbation and of the fits, the fit threads, the association limit and blocks. */
  public record Settings(double[] cutFractions, long seed, int threads, double rankIcLimit, int blocks) {

    public Settings {
      cutFractions = cutFractions.clone();
      for (double f : cutFractions) if (!(f > 0 && f < 1)) throw new IllegalArgumentException("cut fractions must be in (0, 1), got " + f);
      if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** Cuts at 0.5 and 0.8 of the bars, the default association limit and blocks. */
    public static Settings defaults(long seed, int threads) {
      return new Settings(new double[] {0.5, 0.8}, seed, threads, AssociationCheck.DEFAULT_LIMIT, AssociationCheck.DEFAULT_BLOCKS);
    }
  }

  private LeakageCheck() {}

  /**
   * @param bars the source bars (one per symbol), as loaded
   * @param recipe builds the dataset from bars
   * @param rowMillis the length of a dataset row's bar (the experiment's timeframe): a row is at
   *     or before the cut when its bar closes ({@code time + rowMillis}) by the close of the cut bar
   * @param models trainers by name, fitted on rows labelled before each cut (may be empty)
   */
  public static LeakageReport run(List<Bars> bars, DatasetRecipe recipe, long rowMillis, Map<String, Trainer> models, Settings settings) {
    Dataset real = recipe.build(bars);
    Map<String, LeakageReport.Change> features = new LinkedHashMap<>();
    Map<String, LeakageReport.Change> changedModels = new LinkedHashMap<>();
    List<Long> cuts = new ArrayList<>();
    long compared = 0;
    Bars longest = bars.get(0);
    for (Bars b : bars) if (b.size() > longest.size()) longest = b;
    for (int k = 0; k < settings.cutFractions().length; k++) {
      long cut = longest.time()[(int) Math.min(longest.size() - 1, Math.floor(settings.cutFractions()[k] * longest.size()))];
      cuts.add(cut);
      Dataset moved = recipe.build(FuturePerturbation.after(bars, cut, settings.seed() + k));
      long lastOpen = cut + longest.timeframe().millis() - rowMillis;
      int kept = rowsUpTo(real.time(), lastOpen);
      int keptMoved = rowsUpTo(moved.time(), lastOpen);
      compared += kept;
      if (kept != keptMoved) {
        features.putIfAbsent("(rows)", new LeakageReport.Change("(rows)", Math.min(kept, keptMoved), cut, kept, keptMoved, cut));
        continue;
      }
      compareFeatures(real, moved, kept, cut, features);
      if (kept == 0) continue;
      Rows labelled = labelledBefore(real.labelEnd(), kept);
      if (labelled.size() < 2) continue;
      for (Map.Entry<String, Trainer> m : models.entrySet()) {
        if (changedModels.containsKey(m.getKey())) continue;
        FittedModel fitted = m.getValue().fit(FoldRows.trainSet(real, labelled), null, TrainContext.of(settings.threads(), settings.seed()),
            new FitInfo("", real.sha256(), "leakage-cut-" + k));
        try {
          double[] before = fitted.predict(real.x()).values();
          double[] after = fitted.predict(moved.x()).values();
          for (int i = 0; i < kept; i++) {
            if (Double.doubleToLongBits(before[i]) != Double.doubleToLongBits(after[i])) {
              changedModels.put(m.getKey(), new LeakageReport.Change(m.getKey(), i, real.time()[i], before[i], after[i], cut));
              break;
            }
          }
        } finally {
          if (fitted instanceof AutoCloseable c) close(c);
        }
      }
    }
    List<LeakageReport.Suspect> suspects = AssociationCheck.suspects(real, settings.rankIcLimit(), settings.blocks());
    return new LeakageReport(cuts, compared, new ArrayList<>(features.values()), new ArrayList<>(changedModels.values()), suspects);
  }

  /** Rows {@code [0, kept)} whose label ends before row {@code kept} (reads no bar after the cut). */
  private static Rows labelledBefore(int[] labelEnd, int kept) {
    int[] rows = new int[kept];
    int m = 0;
    for (int i = 0; i < kept; i++) if (labelEnd[i] < kept) rows[m++] = i;
    return Rows.of(java.util.Arrays.copyOf(rows, m));
  }

  private static int rowsUpTo(long[] time, long cut) {
    int n = 0;
    while (n < time.length && time[n] <= cut) n++;
    return n;
  }

  private static void compareFeatures(Dataset real, Dataset moved, int kept, long cut, Map<String, LeakageReport.Change> out) {
    Matrix a = real.x();
    Matrix b = moved.x();
    List<String> names = a.names();
    for (int c = 0; c < a.cols(); c++) {
      String name = names.get(c);
      if (out.containsKey(name)) continue;
      for (int i = 0; i < kept; i++) {
        float x = a.get(i, c);
        float y = b.get(i, c);
        if (Float.floatToIntBits(x) != Float.floatToIntBits(y) || real.time()[i] != moved.time()[i]) {
          out.put(name, new LeakageReport.Change(name, i, real.time()[i], x, y, cut));
          break;
        }
      }
    }
  }

  private static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // the predictions are compared already; a failing native release changes no finding
    }
  }
}
