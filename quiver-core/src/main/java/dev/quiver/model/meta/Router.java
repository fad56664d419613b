package dev.quiver.model.meta;

import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import java.util.List;

/**
 * Picks a base per row: router b gives P(base b is right | context), or a constant when base b was
 * right on every OOF row or on none; the row goes to the highest, the first base on ties. Context
 * rows are the input features followed by each base's rolling accuracy. Thread-safe as its models.
 */
final class Router {

  private Router() {}

  /** The context matrix: x's columns then one rolling-accuracy column per base. */
  static Matrix context(Matrix x, double[][] accuracy, List<String> names) {
    int rows = x.rows();
    int p = x.cols();
    int b = accuracy.length;
    int cols = p + b;
    float[] out = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < p; j++) out[r * cols + j] = x.get(r, j);
      for (int k = 0; k < b; k++) out[r * cols + p + k] = (float) accuracy[k][r];
    }
    return new Matrix(out, rows, cols, names);
  }

  /** The chosen base per row. {@code routers[k]} null means the constant {@code constants[k]}. */
  static int[] choose(Matrix context, FittedModel[] routers, double[] constants) {
    int rows = context.rows();
    double[] best = new double[rows];
    int[] choice = new int[rows];
    java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
    for (int k = 0; k < routers.length; k++) {
      double[] p = routers[k] == null ? null : routers[k].predict(context).values();
      for (int r = 0; r < rows; r++) {
        double v = p == null ? constants[k] : p[r];
        if (v > best[r]) {
          best[r] = v;
          choice[r] = k;
        }
      }
    }
    return choice;
  }

  /** 1 when p is on y's side of 0.5 (p > 0.5 for class 1, p <= 0.5 for class 0), else 0; NaN for an unknown y. */
  static double right(double p, float y) {
    if (Float.isNaN(y)) return Double.NaN;
    return (p > 0.5) == (y == 1f) ? 1.0 : 0.0;
  }
}
