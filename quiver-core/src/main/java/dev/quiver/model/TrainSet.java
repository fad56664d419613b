package dev.quiver.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rows to learn from: features {@code x}, targets {@code y} (one per row of {@code x}; {@code
 * y[0]} belongs to {@code x}'s row 0) and the {@link Task} they pose. Trainers take the task
 * from here (a LightGBM objective follows it), so the data, not a parameter, decides what is
 * learned. {@link Task#BINARY} targets must be exactly 0 or 1: the constructor checks every row.
 *
 * <p>{@code forwardReturn} (may be null: not known) is each row's label return, the simple return
 * over the label's horizon ({@link dev.quiver.labels.Targets#forwardReturn()}), for trainers that
 * weigh rows by what trading them would have earned (reward_based); it is never a feature.
 *
 * <p>{@code auxiliary} holds named auxiliary targets that travel with the rows (never features):
 * each array is row-aligned with {@code y}, NaN where that target is undefined for the row. Keys
 * are the label specs the families asked for ({@link ModelFamily#auxiliaryLabels}), e.g. {@code
 * mdd:H}; empty by default. The map is copied (insertion order kept), the arrays are shared.
 *
 * <p>{@code classes} is K for {@link Task#MULTICLASS} (at least 2; every target is a class id,
 * a whole number in [0, K), checked per row) and 0 for the other tasks. K comes from the label,
 * not from the rows, so a fold that lacks a class still trains a K-class model.
 */
public record TrainSet(Matrix x, float[] y, Task task, double[] forwardReturn, int classes, Map<String, float[]> auxiliary) {

  public TrainSet {
    Objects.requireNonNull(task, "task");
    auxiliary = auxiliary == null || auxiliary.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(auxiliary));
    for (Map.Entry<String, float[]> e : auxiliary.entrySet()) {
      if (e.getValue().length != y.length) {
        throw new IllegalArgumentException("auxiliary target " + e.getKey() + " has " + e.getValue().length + " values for " + y.length + " rows");
      }
    }
    if (y.length != x.rows()) throw new IllegalArgumentException(y.length + " targets for " + x.rows() + " rows");
    if (forwardReturn != null && forwardReturn.length != y.length) {
      throw new IllegalArgumentException(forwardReturn.length + " forward returns for " + y.length + " rows");
    }
    if (task == Task.BINARY) {
      for (int i = 0; i < y.length; i++) {
        if (y[i] != 0f && y[i] != 1f) throw new IllegalArgumentException("binary targets must be 0 or 1; row " + i + " has " + y[i]);
      }
    }
    checkClasses(task, y, classes);
  }

  /** Rows without auxiliary targets. */
  public TrainSet(Matrix x, float[] y, Task task, double[] forwardReturn, int classes) {
    this(x, y, task, forwardReturn, classes, Map.of());
  }

  /** Rows with auxiliary targets; K of a multiclass task is the largest target + 1. */
  public TrainSet(Matrix x, float[] y, Task task, double[] forwardReturn, Map<String, float[]> auxiliary) {
    this(x, y, task, forwardReturn, observedClasses(task, y), auxiliary);
  }

  /** Rows with forward returns; K of a multiclass task is the largest target + 1 (prefer the canonical constructor, which takes K from the label). */
  public TrainSet(Matrix x, float[] y, Task task, double[] forwardReturn) {
    this(x, y, task, forwardReturn, observedClasses(task, y), Map.of());
  }

  /**
   * Fails unless {@code classes} is 0 for a task other than {@link Task#MULTICLASS}, and for a
   * multiclass task at least 2 with every target a whole number in [0, classes).
   */
  public static void checkClasses(Task task, float[] y, int classes) {
    if (task != Task.MULTICLASS) {
      if (classes != 0) throw new IllegalArgumentException("classes must be 0 for a " + task + " task, got " + classes);
      return;
    }
    if (classes < 2) throw new IllegalArgumentException("a multiclass task needs at least 2 classes, got " + classes);
    for (int i = 0; i < y.length; i++) {
      float v = y[i];
      if (!(v >= 0f && v < classes) || v != Math.rint(v)) {
        throw new IllegalArgumentException("multiclass targets must be class ids 0.." + (classes - 1) + "; row " + i + " has " + v);
      }
    }
  }

  /** 0 for a task other than multiclass; otherwise the largest target + 1, at least 2. */
  public static int observedClasses(Task task, float[] y) {
    if (task != Task.MULTICLASS) return 0;
    float max = 1f;
    for (float v : y) if (v > max) max = v;
    return (int) max + 1;
  }

  /** These rows with other features (same targets, task, forward returns, classes and auxiliary targets). */
  public TrainSet withX(Matrix other) {
    return new TrainSet(other, y, task, forwardReturn, classes, auxiliary);
  }

  /** Rows without forward returns. */
  public TrainSet(Matrix x, float[] y, Task task) {
    this(x, y, task, null);
  }

  /** Binary targets (0/1); the same as {@code new TrainSet(x, y, Task.BINARY)}. */
  public TrainSet(Matrix x, float[] y) {
    this(x, y, Task.BINARY);
  }

  public int rows() {
    return x.rows();
  }

  /**
   * The auxiliary target {@code spec}; fails naming the targets there are (a family asked for it
   * but the rows were built without it).
   */
  public float[] auxiliary(String spec) {
    float[] v = auxiliary.get(spec);
    if (v == null) {
      throw new dev.quiver.error.BadInputException(dev.quiver.error.Where.none(), "the training rows carry no auxiliary target '" + spec + "' (they carry "
          + (auxiliary.isEmpty() ? "none" : String.join(", ", auxiliary.keySet())) + ")",
          "train through quiver train/backtest, which compute the labels a family asks for, or build the rows with DatasetBuilder's auxiliary labels");
    }
    return v;
  }

  /** The auxiliary targets of the rows {@code [from, to)}, copied. */
  public Map<String, float[]> auxiliaryRows(int from, int to) {
    return AuxiliaryRows.range(auxiliary, from, to);
  }

  /** The auxiliary targets of the given rows, in that order, copied. */
  public Map<String, float[]> auxiliaryRows(int[] rows) {
    return AuxiliaryRows.pick(auxiliary, rows);
  }
}
