package dev.quiver.forecast;

/**
 * Times {@link AutoArima#fit} with default options on a series already in memory. Concurrent
 * runs disturb each other's timings.
 */
public final class ArimaBenchmark {

  /** The series size of the speed target: automatic order on 5,000 points in under 2 s. */
  public static final int DEFAULT_SIZE = 5_000;

  private static volatile double sink;

  private ArimaBenchmark() {}

  /** Runs {@code warmups} untimed searches, then {@code runs} timed ones; returns each timed run's wall time in nanoseconds. */
  public static long[] run(double[] y, AutoArimaOptions options, int warmups, int runs) {
    if (warmups < 0 || runs < 1) throw new IllegalArgumentException("need warmups >= 0 and runs >= 1, got " + warmups + ", " + runs);
    for (int w = 0; w < warmups; w++) sink = AutoArima.fit(y, options).best().aic();
    long[] out = new long[runs];
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      AutoArima.Result result = AutoArima.fit(y, options);
      out[r] = System.nanoTime() - t0;
      sink = result.best().aic();
    }
    return out;
  }
}
