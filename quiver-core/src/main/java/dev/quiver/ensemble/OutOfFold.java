package dev.quiver.ensemble;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Rows;
import dev.quiver.split.Splitter;
import dev.quiver.split.Timeline;
import java.util.Arrays;
import java.util.List;

/**
 * Out-of-fold predictions of candidate members over some training rows: the splitter (purged
 * k-fold or walk-forward, purging by the rows' label ends) cuts the rows into folds, each
 * candidate is fitted on a fold's training rows and predicts its test rows. A row no fold tests
 * (walk-forward's first window) is not {@link #covered}; a row several folds test keeps the last
 * fold's prediction. So no value here was predicted by a model that saw that row's label.
 *
 * @param predictions {@code [candidate][row]}, NaN where not covered
 * @param covered the rows some fold tested, ascending
 * @param y the targets of all rows
 */
public record OutOfFold(List<String> names, double[][] predictions, int[] covered, float[] y, Task task) {

  public OutOfFold {
    names = List.copyOf(names);
  }

  /** Fits every candidate on every fold of {@code train} (whose rows {@code timeline} describes) and collects the test predictions. */
  public static OutOfFold of(TrainSet train, Timeline timeline, Splitter splitter, List<Candidate> candidates, TrainContext ctx) {
    int n = train.rows();
    if (timeline.rows() != n) throw new IllegalArgumentException("timeline has " + timeline.rows() + " rows, training set " + n);
    List<Fold> folds = splitter.folds(timeline);
    double[][] oof = new double[candidates.size()][n];
    for (double[] p : oof) Arrays.fill(p, Double.NaN);
    boolean[] tested = new boolean[n];
    for (Fold fold : folds) {
      int[] trainRows = fold.train().toArray();
      int[] testRows = fold.test().toArray();
      if (testRows.length == 0) continue;
      TrainSet foldTrain = RowSelection.rows(train, trainRows);
      var foldTest = RowSelection.rows(train.x(), testRows);
      for (int c = 0; c < candidates.size(); c++) {
        Candidate cand = candidates.get(c);
        FittedModel m = cand.trainer().fit(foldTrain, null, ctx, cand.info());
        double[] p = m.predict(foldTest).values();
        for (int i = 0; i < testRows.length; i++) oof[c][testRows[i]] = p[i];
        if (m instanceof AutoCloseable closeable) close(closeable);
      }
      for (int r : testRows) tested[r] = true;
    }
    int count = 0;
    for (boolean t : tested) if (t) count++;
    int[] covered = new int[count];
    for (int r = 0, i = 0; r < n; r++) if (tested[r]) covered[i++] = r;
    if (count < 2) {
      throw new BadInputException(Where.none(), "the inner split left " + count + " out-of-fold rows to learn ensemble weights from",
          "use more training rows or a split with more test rows");
    }
    List<String> names = candidates.stream().map(Candidate::name).toList();
    return new OutOfFold(names, oof, covered, train.y(), train.task());
  }

  /** Predictions {@code [member][row]} on validation rows none of the members was fitted on: every row counts. */
  public static OutOfFold heldOut(List<String> names, double[][] predictions, float[] y, Task task) {
    int[] all = new int[y.length];
    for (int r = 0; r < all.length; r++) all[r] = r;
    return new OutOfFold(names, predictions, all, y, task);
  }

  private static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new dev.quiver.error.InternalException("cannot free a fold model: " + e.getMessage(), e);
    }
  }

  /** The covered rows' predictions, {@code [candidate][i]} for the i-th covered row. */
  public double[][] coveredPredictions() {
    double[][] out = new double[predictions.length][];
    for (int c = 0; c < out.length; c++) out[c] = RowSelection.values(predictions[c], covered);
    return out;
  }

  /** The covered rows' targets. */
  public float[] coveredTargets() {
    return RowSelection.values(y, covered);
  }

  /**
   * The timeline of a dataset's rows {@code rows} (sorted), renumbered 0.. in that order: a label
   * end becomes the first chosen row at or after it (the last chosen row when none is), so a label
   * that reads past a chosen row still reads past it after renumbering, and an inner split over
   * these rows purges at least what the full dataset's label ends ask.
   */
  public static Timeline timeline(Dataset data, Rows rows) {
    int[] idx = rows.toArray();
    int n = idx.length;
    long[] time = new long[n];
    int[] end = new int[n];
    int[] labelEnd = data.labelEnd();
    for (int i = 0; i < n; i++) {
      time[i] = data.time()[idx[i]];
      int pos = Arrays.binarySearch(idx, labelEnd[idx[i]]);
      int j = pos >= 0 ? pos : -pos - 1;
      end[i] = Math.max(i, Math.min(j, n - 1));
    }
    return new Timeline(time, end);
  }
}
