package dev.quiver.model;

import java.util.List;
import java.util.Random;

/**
 * Synthetic binary problems with a known linear signal, for tests that a family can learn:
 * {@code signal} and {@code counter} are N(0, 1) and drive the label through
 * P(y = 1) = sigmoid(4 signal - 3 counter + shift); {@code level} (around 1000, spread 50) and
 * {@code noise} (N(0, 1), 2% NaN) carry nothing. The Bayes AUC is about 0.94.
 */
public final class PlantedSignal {

  public static final List<String> NAMES = List.of("signal", "counter", "level", "noise");

  private PlantedSignal() {}

  public static TrainSet binary(int rows, long seed) {
    return binary(rows, seed, 0.0);
  }

  public static TrainSet binary(int rows, long seed, double shift) {
    Random rnd = new Random(seed);
    int cols = NAMES.size();
    float[] x = new float[rows * cols];
    float[] y = new float[rows];
    for (int r = 0; r < rows; r++) {
      double a = rnd.nextGaussian();
      double b = rnd.nextGaussian();
      x[r * cols] = (float) a;
      x[r * cols + 1] = (float) b;
      x[r * cols + 2] = (float) (1000 + 50 * rnd.nextGaussian());
      x[r * cols + 3] = rnd.nextInt(50) == 0 ? Float.NaN : (float) rnd.nextGaussian();
      double p = 1 / (1 + Math.exp(-(4 * a - 3 * b + shift)));
      y[r] = rnd.nextDouble() < p ? 1f : 0f;
    }
    return new TrainSet(new Matrix(x, rows, cols, NAMES), y, Task.BINARY);
  }

  /** The same rows with row 0 swapped with the first row of class {@code label}, so learners see that class first. */
  public static TrainSet firstRowOfClass(TrainSet set, int label) {
    float[] x = set.x().contiguous().clone();
    float[] y = set.y().clone();
    int cols = set.x().cols();
    int k = 0;
    while (y[k] != label) k++;
    for (int j = 0; j < cols; j++) {
      float t = x[j];
      x[j] = x[k * cols + j];
      x[k * cols + j] = t;
    }
    float t = y[0];
    y[0] = y[k];
    y[k] = t;
    return new TrainSet(new Matrix(x, set.rows(), cols, set.x().names()), y, set.task());
  }
}
