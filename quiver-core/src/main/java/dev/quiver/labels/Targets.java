package dev.quiver.labels;

import dev.quiver.model.Task;
import java.util.List;

/**
 * Labels of one symbol's bars. {@code y[i]} is NaN where no label can be formed (the last
 * bars). Row i's label covers the returns of bars {@code (i, end[i]]}: {@code end[i]} is the
 * index of the last bar it reads, -1 where {@code y[i]} is NaN; splits purge with it.
 * {@code forwardReturn[i]} is the simple return close[end[i]]/close[i] - 1 (NaN where undefined).
 * {@code classes} names the classes of a {@link Task#MULTICLASS} label in class-id order (y holds
 * ids 0..K-1); it is empty for the other tasks.
 */
public record Targets(String name, Task task, double[] y, int[] end, double[] forwardReturn, List<String> classes) {

  public Targets {
    if (end.length != y.length || forwardReturn.length != y.length) throw new IllegalArgumentException("targets arrays differ in length");
    classes = List.copyOf(classes);
    if ((task == Task.MULTICLASS) != (classes.size() >= 2)) {
      throw new IllegalArgumentException("a " + task + " label has " + classes.size() + " class names");
    }
  }

  /** Targets of a task without classes (binary or regression). */
  public Targets(String name, Task task, double[] y, int[] end, double[] forwardReturn) {
    this(name, task, y, end, forwardReturn, List.of());
  }

  public int size() {
    return y.length;
  }
}
