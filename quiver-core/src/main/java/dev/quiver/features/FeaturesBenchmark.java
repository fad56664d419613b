package dev.quiver.features;

import dev.quiver.data.Bars;
import java.util.List;

/**
 * Times {@link FeatureSet#compute} over several series (feature computation only: the bars are
 * already in memory; output columns are allocated inside each run, as a caller would). One run
 * computes the set on every series once. Not thread-safe in the sense that concurrent runs
 * disturb each other's timings.
 */
public final class FeaturesBenchmark {

  /** Keeps results reachable so the JIT cannot drop the computation. */
  private static volatile double sink;

  private FeaturesBenchmark() {}

  /**
   * Runs {@code warmups} untimed runs, then {@code runs} timed ones, and returns each timed run's
   * wall time in nanoseconds, in order.
   */
  public static long[] run(List<Bars> series, FeatureSet set, int warmups, int runs) {
    if (warmups < 0 || runs < 1) throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + ", " + runs);
    for (int w = 0; w < warmups; w++) once(series, set);
    long[] out = new long[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      double check = once(series, set);
      out[r] = System.nanoTime() - t0;
      sink = check;
    }
    return out;
  }

  private static double once(List<Bars> series, FeatureSet set) {
    double check = 0;
    for (Bars bars : series) {
      FeatureFrame frame = set.compute(bars);
      int last = frame.rows() - 1;
      if (last >= 0) for (double[] column : frame.columns()) check += column[last];
    }
    return check;
  }
}
