package dev.quiver.data;

import java.nio.file.Path;

/**
 * Times {@link MarketData#read} of one file with default options, in this thread: the figure
 * behind {@code quiver benchmark ingest} (the JMH twin is {@code dev.quiver.bench.IngestJmh}).
 * Each run reads the file from disk (the OS page cache keeps it warm), decompresses, parses,
 * validates and builds the {@link Bars}.
 */
public final class IngestBenchmark {

  private static volatile long sink;

  private IngestBenchmark() {}

  /**
   * Reads {@code file} {@code warmups} times untimed, then {@code runs} times timed.
   *
   * @return nanoseconds of each timed run, in run order
   */
  public static long[] run(Path file, int warmups, int runs) {
    if (warmups < 0 || runs < 1) throw new IllegalArgumentException("warmups must be >= 0 and runs >= 1");
    ReadOptions options = ReadOptions.defaults();
    for (int i = 0; i < warmups; i++) sink += MarketData.read(file, options).totalBars();
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      LoadedData data = MarketData.read(file, options);
      nanos[i] = System.nanoTime() - t0;
      sink += data.totalBars();
    }
    return nanos;
  }

  /** The median of {@code nanos} (the mean of the middle two for an even count). */
  public static double median(long[] nanos) {
    long[] s = nanos.clone();
    java.util.Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
  }
}
