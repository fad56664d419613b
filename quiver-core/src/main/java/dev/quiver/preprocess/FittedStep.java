package dev.quiver.preprocess;

import java.util.Arrays;

/**
 * One fitted step of a {@link Preprocessor}, over the columns as they are when it runs:
 * {@code impute} fills NaN of column j with {@code a[j]}; {@code scale} maps v to
 * (v - a[j]) / b[j]; {@code clip} bounds v to [a[j], b[j]]; {@code select} keeps the columns
 * {@code keep} (ascending). {@code method} is the step's argument in the spec.
 */
public record FittedStep(String kind, String method, double[] a, double[] b, int[] keep) {

  public FittedStep {
    a = a == null ? new double[0] : a.clone();
    b = b == null ? new double[0] : b.clone();
    keep = keep == null ? new int[0] : keep.clone();
  }

  @Override
  public double[] a() {
    return a.clone();
  }

  @Override
  public double[] b() {
    return b.clone();
  }

  @Override
  public int[] keep() {
    return keep.clone();
  }

  /** Applies the step in place to {@code rows} rows of {@code cols} columns; returns the new column count. */
  int apply(float[] data, int rows, int cols) {
    switch (kind) {
      case "impute" -> {
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
          for (int j = 0; j < cols; j++) {
            if (Float.isNaN(data[base + j])) data[base + j] = (float) a[j];
          }
        }
        return cols;
      }
      case "scale" -> {
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
          for (int j = 0; j < cols; j++) data[base + j] = (float) ((data[base + j] - a[j]) / b[j]);
        }
        return cols;
      }
      case "clip" -> {
        for (int r = 0, base = 0; r < rows; r++, base += cols) {
          for (int j = 0; j < cols; j++) {
            float v = data[base + j];
            if (v < a[j]) data[base + j] = (float) a[j];
            else if (v > b[j]) data[base + j] = (float) b[j];
          }
        }
        return cols;
      }
      case "select" -> {
        int k = keep.length;
        for (int r = 0; r < rows; r++) {
          int from = r * cols;
          int to = r * k;
          for (int j = 0; j < k; j++) data[to + j] = data[from + keep[j]];
        }
        return k;
      }
      default -> throw new IllegalStateException("unknown step " + kind);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FittedStep s && kind.equals(s.kind) && method.equals(s.method) && Arrays.equals(a, s.a)
        && Arrays.equals(b, s.b) && Arrays.equals(keep, s.keep);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * kind.hashCode() + method.hashCode()) + Arrays.hashCode(a) + Arrays.hashCode(keep);
  }

  @Override
  public String toString() {
    return kind + "=" + method;
  }
}
