package dev.quiver.ensemble;

import dev.quiver.model.Matrix;
import dev.quiver.model.TrainSet;

/** Copies chosen rows of a matrix or training set into fresh contiguous arrays. Stateless. */
final class RowSelection {

  private RowSelection() {}

  static Matrix rows(Matrix x, int[] rows) {
    int cols = x.cols();
    float[] data = x.data();
    float[] out = new float[rows.length * cols];
    for (int i = 0; i < rows.length; i++) System.arraycopy(data, (x.offset() + rows[i]) * cols, out, i * cols, cols);
    return new Matrix(out, rows.length, cols, x.names());
  }

  static float[] values(float[] y, int[] rows) {
    float[] out = new float[rows.length];
    for (int i = 0; i < rows.length; i++) out[i] = y[rows[i]];
    return out;
  }

  static double[] values(double[] v, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) out[i] = v[rows[i]];
    return out;
  }

  static TrainSet rows(TrainSet set, int[] rows) {
    return new TrainSet(rows(set.x(), rows), values(set.y(), rows), set.task(), null, set.auxiliaryRows(rows));
  }
}
