package dev.quiver.eval;

import java.util.Random;

/**
 * Times {@link ReturnMetrics#of} on a returns array already in memory: one run computes every
 * return metric of the whole series once. Concurrent runs disturb each other's timings.
 */
public final class MetricsBenchmark {

  /** The series size of the speed target: all metrics of 1M returns in under 50 ms. */
  public static final int DEFAULT_SIZE = 1_000_000;
  public static final long DEFAULT_SEED = 42;

  /** Keeps results reachable so the JIT cannot drop the computation. */
  private static volatile double sink;

  private MetricsBenchmark() {}

  /** {@code n} returns drawn from a normal distribution with mean 0.0002 and std 0.01, by {@code java.util.Random(seed)}. */
  public static double[] seededReturns(int n, long seed) {
    Random rnd = new Random(seed);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) r[i] = 0.0002 + 0.01 * rnd.nextGaussian();
    return r;
  }

  /**
   * Runs {@code warmups} untimed runs, then {@code runs} timed ones, and returns each timed run's
   * wall time in nanoseconds, in order.
   */
  public static long[] run(double[] returns, double periodsPerYear, int warmups, int runs) {
    if (warmups < 0 || runs < 1) throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + ", " + runs);
    for (int w = 0; w < warmups; w++) sink = ReturnMetrics.of(returns, periodsPerYear).sharpe();
    long[] out = new long[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      ReturnMetrics m = ReturnMetrics.of(returns, periodsPerYear);
      out[r] = System.nanoTime() - t0;
      sink = m.sharpe() + m.maxDrawdown();
    }
    return out;
  }
}
