package dev.quiver.dataset;

import dev.quiver.model.Matrix;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What models learn from: a float32 row-major matrix built once from the exact double feature
 * columns, with one target per row. Rows of all symbols are merged in time order (ties by
 * symbol), so a chronological split is one cut in time for every symbol and folds are plain
 * index ranges.
 *
 * <p>{@code time[i]} is the open time (epoch ms) of row i's bar, the dataset's one clock.
 * {@code labelEnd[i]} is the last dataset row whose time is at or before the time of the bar
 * that row i's label reads last ({@link dev.quiver.labels.Targets#end()}); it is {@code >= i},
 * and every row of any symbol whose bar opened when or before that label bar did is at or
 * before it. A split that keeps only rows with {@code labelEnd < cut} therefore keeps no label
 * that reads a bar opening at or after row {@code cut}'s time (the splits purge this way). {@code forwardReturn[i]} is the label's simple return (see
 * Targets). {@code sha256} fingerprints the data (see {@link DatasetBuilder}) for provenance.
 *
 * <p>{@code auxiliary} holds named auxiliary targets on the same rows (e.g. {@code mdd:H} for a
 * multi-task family), NaN where one is undefined; empty by default. {@code labelEnd} then covers
 * them too: it is the latest of the main label's end and every defined auxiliary label's end, so
 * purging by it stays correct for every target a model learns.
 * <p>{@code classes} is the label's class count K for {@link Task#MULTICLASS} (targets are class
 * ids 0..K-1) and 0 otherwise; it travels to every {@link TrainSet} cut from here.
 *
 * <p>The arrays are shared, not copied: treat a Dataset as immutable once built.
 */
public record Dataset(Matrix x, float[] y, Task task, long[] time, int[] symbolIndex, List<String> symbols,
    int[] labelEnd, double[] forwardReturn, String sha256, int classes, Map<String, float[]> auxiliary) {

  public Dataset {
    symbols = List.copyOf(symbols);
    auxiliary = auxiliary == null || auxiliary.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(auxiliary));
    int n = x.rows();
    if (y.length != n || time.length != n || symbolIndex.length != n || labelEnd.length != n || forwardReturn.length != n) {
      throw new IllegalArgumentException("dataset arrays differ in length from " + n + " rows");
    }
    for (Map.Entry<String, float[]> e : auxiliary.entrySet()) {
      if (e.getValue().length != n) throw new IllegalArgumentException("auxiliary target " + e.getKey() + " differs in length from " + n + " rows");
    }
    TrainSet.checkClasses(task, y, classes);
  }

  /** A dataset without auxiliary targets whose class count (multiclass only) is the largest target + 1. */
  public Dataset(Matrix x, float[] y, Task task, long[] time, int[] symbolIndex, List<String> symbols, int[] labelEnd, double[] forwardReturn,
      String sha256) {
    this(x, y, task, time, symbolIndex, symbols, labelEnd, forwardReturn, sha256, TrainSet.observedClasses(task, y), Map.of());
  }

  /** A dataset without auxiliary targets. */
  public Dataset(Matrix x, float[] y, Task task, long[] time, int[] symbolIndex, List<String> symbols, int[] labelEnd, double[] forwardReturn,
      String sha256, int classes) {
    this(x, y, task, time, symbolIndex, symbols, labelEnd, forwardReturn, sha256, classes, Map.of());
  }

  /** A dataset with auxiliary targets whose class count (multiclass only) is the largest target + 1. */
  public Dataset(Matrix x, float[] y, Task task, long[] time, int[] symbolIndex, List<String> symbols, int[] labelEnd, double[] forwardReturn,
      String sha256, Map<String, float[]> auxiliary) {
    this(x, y, task, time, symbolIndex, symbols, labelEnd, forwardReturn, sha256, TrainSet.observedClasses(task, y), auxiliary);
  }

  public int rows() {
    return x.rows();
  }

  public List<String> featureNames() {
    return x.names();
  }

  /**
   * Rows [from, to) as a training set of this dataset's task (a view of the matrix, a copy of the
   * targets, forward returns and auxiliary targets).
   */
  public TrainSet trainSet(int from, int to) {
    return new TrainSet(x.rows(from, to), java.util.Arrays.copyOfRange(y, from, to), task,
        java.util.Arrays.copyOfRange(forwardReturn, from, to), classes, dev.quiver.model.AuxiliaryRows.range(auxiliary, from, to));
  }
}
