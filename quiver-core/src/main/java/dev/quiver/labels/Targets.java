package dev.quiver.labels;

import dev.quiver.model.Task;

/**
 * Labels of one symbol's bars. {@code y[i]} is NaN where no label can be formed (the last
 * bars). Row i's label covers the returns of bars {@code (i, end[i]]}: {@code end[i]} is the
 * index of the last bar it reads, -1 where {@code y[i]} is NaN; splits purge with it.
 * {@code forwardReturn[i]} is the simple return close[end[i]]/close[i] - 1 (NaN where undefined).
 */
public record Targets(String name, Task task, double[] y, int[] end, double[] forwardReturn) {

  public Targets {
    if (end.length != y.length || forwardReturn.length != y.length) throw new IllegalArgumentException("targets arrays differ in length");
  }

  public int size() {
    return y.length;
  }
}
