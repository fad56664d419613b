package dev.quiver.dataset;

import dev.quiver.model.Matrix;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import java.util.List;

/**
 * What models learn from: a float32 row-major matrix built once from the exact double feature
 * columns, with one target per row. Rows of all symbols are merged in time order (ties by
 * symbol), so a chronological split is one cut in time for every symbol and folds are plain
 * index ranges.
 *
 * <p>{@code labelEnd[i]} is the last dataset row whose time is at or before the close of the bar
 * that row i's label reads last (see {@link dev.quiver.labels.Targets#end()}); purging uses it.
 * {@code sha256} fingerprints the matrix and targets for provenance.
 */
public record Dataset(Matrix x, float[] y, Task task, long[] time, int[] symbolIndex, List<String> symbols,
    int[] labelEnd, double[] forwardReturn, String sha256) {

  public Dataset {
    symbols = List.copyOf(symbols);
    int n = x.rows();
    if (y.length != n || time.length != n || symbolIndex.length != n || labelEnd.length != n || forwardReturn.length != n) {
      throw new IllegalArgumentException("dataset arrays differ in length from " + n + " rows");
    }
  }

  public int rows() {
    return x.rows();
  }

  public List<String> featureNames() {
    return x.names();
  }

  /** Rows [from, to) as a training set (a view, no copy of the matrix). */
  public TrainSet trainSet(int from, int to) {
    return new TrainSet(x.rows(from, to), java.util.Arrays.copyOfRange(y, from, to));
  }
}
