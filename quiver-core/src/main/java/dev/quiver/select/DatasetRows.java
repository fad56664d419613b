package dev.quiver.select;

import dev.quiver.dataset.Dataset;
import dev.quiver.model.Matrix;
import dev.quiver.split.Rows;
import java.util.Arrays;

/**
 * Some rows of a dataset as a dataset of their own, so that a selection can cross-validate inside
 * a training segment and never see the segment's test rows. The rows keep their order; each
 * {@code labelEnd} becomes the last kept row at or before the original label end (a label that
 * reads past the last kept row ends at the last kept row, which purges it from every test block
 * inside the segment, as it would be purged from the segment's own test block). Copies the
 * selected rows; stateless.
 */
public final class DatasetRows {

  private DatasetRows() {}

  /** The {@code rows} of {@code data}, renumbered from 0. */
  public static Dataset of(Dataset data, Rows rows) {
    int[] index = rows.toArray();
    int n = index.length;
    int c = data.x().cols();
    float[] x = new float[n * c];
    float[] y = new float[n];
    long[] time = new long[n];
    int[] symbol = new int[n];
    int[] end = new int[n];
    double[] forward = new double[n];
    for (int r = 0; r < n; r++) {
      int i = index[r];
      for (int j = 0; j < c; j++) x[r * c + j] = data.x().get(i, j);
      y[r] = data.y()[i];
      time[r] = data.time()[i];
      symbol[r] = data.symbolIndex()[i];
      forward[r] = data.forwardReturn()[i];
      int at = Arrays.binarySearch(index, data.labelEnd()[i]);
      end[r] = Math.max(r, at >= 0 ? at : -at - 2);
    }
    return new Dataset(new Matrix(x, n, c, data.featureNames()), y, data.task(), time, symbol, data.symbols(), end, forward,
        data.sha256());
  }
}
