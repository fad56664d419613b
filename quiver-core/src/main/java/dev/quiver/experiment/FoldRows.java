package dev.quiver.experiment;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.Matrix;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Rows;

/**
 * Gathers the rows of a {@link Rows} selection out of a {@link Dataset}, in ascending row order.
 * A selection that is one contiguous range costs no copy of the feature matrix (a window view,
 * as {@link Dataset#trainSet(int, int)} gives); a selection with holes (purged k-fold training
 * rows on both sides of a test block, rows purged inside a window for labels of varying length)
 * is copied range by range with {@link System#arraycopy} into one fresh row-major array, so the
 * model libraries still see one contiguous float32 matrix. Position {@code k} of every gathered
 * array belongs to the {@code k}-th selected row. Stateless and thread-safe.
 */
public final class FoldRows {

  private FoldRows() {}

  /** The selected rows as a training set of the dataset's task, with their auxiliary targets. */
  public static TrainSet trainSet(Dataset data, Rows rows) {
    java.util.Map<String, float[]> aux = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, float[]> e : data.auxiliary().entrySet()) aux.put(e.getKey(), gather(e.getValue(), rows));
    return new TrainSet(matrix(data.x(), rows), gather(data.y(), rows), data.task(), null, data.classes(), aux);
  }

  /** The selected rows of {@code x}: a view when they are one range, a contiguous copy otherwise. */
  public static Matrix matrix(Matrix x, Rows rows) {
    check(rows, x.rows());
    if (rows.isRange()) return x.rows(rows.spanFrom(), rows.spanTo());
    int cols = x.cols();
    float[] src = x.data();
    int base = x.offset();
    float[] out = new float[rows.size() * cols];
    int p = 0;
    for (int k = 0; k < rows.rangeCount(); k++) {
      int len = (rows.to(k) - rows.from(k)) * cols;
      System.arraycopy(src, (base + rows.from(k)) * cols, out, p, len);
      p += len;
    }
    return new Matrix(out, rows.size(), cols, x.names());
  }

  /** The selected entries of a per-row array. */
  public static float[] gather(float[] values, Rows rows) {
    check(rows, values.length);
    float[] out = new float[rows.size()];
    int p = 0;
    for (int k = 0; k < rows.rangeCount(); k++) {
      int len = rows.to(k) - rows.from(k);
      System.arraycopy(values, rows.from(k), out, p, len);
      p += len;
    }
    return out;
  }

  /** The selected entries of a per-row array. */
  public static double[] gather(double[] values, Rows rows) {
    check(rows, values.length);
    double[] out = new double[rows.size()];
    int p = 0;
    for (int k = 0; k < rows.rangeCount(); k++) {
      int len = rows.to(k) - rows.from(k);
      System.arraycopy(values, rows.from(k), out, p, len);
      p += len;
    }
    return out;
  }

  /** The selected entries of a per-row array. */
  public static long[] gather(long[] values, Rows rows) {
    check(rows, values.length);
    long[] out = new long[rows.size()];
    int p = 0;
    for (int k = 0; k < rows.rangeCount(); k++) {
      int len = rows.to(k) - rows.from(k);
      System.arraycopy(values, rows.from(k), out, p, len);
      p += len;
    }
    return out;
  }

  /** The selected entries of a per-row array. */
  public static int[] gather(int[] values, Rows rows) {
    check(rows, values.length);
    int[] out = new int[rows.size()];
    int p = 0;
    for (int k = 0; k < rows.rangeCount(); k++) {
      int len = rows.to(k) - rows.from(k);
      System.arraycopy(values, rows.from(k), out, p, len);
      p += len;
    }
    return out;
  }

  private static void check(Rows rows, int n) {
    if (rows.spanTo() > n) throw new IllegalArgumentException("rows " + rows + " reach past the " + n + " rows there are");
  }
}
