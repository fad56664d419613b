package dev.quiver.gbdt;

import dev.quiver.model.Matrix;
import java.util.Arrays;

/**
 * Measures single-row prediction latency: {@code warmups} unmeasured predictions (so the JIT has
 * compiled the path), then {@code runs} predictions each timed alone with {@link System#nanoTime},
 * cycling over a fixed set of rows copied out beforehand (nothing is allocated while timing).
 * Percentiles are nearest-rank over the sorted times. Not thread-safe.
 */
public final class RowLatency {

  /** Per-prediction times in nanoseconds, sorted, and their summary. */
  public record Result(long[] sortedNanos) {

    /** The p-th percentile (0 < p <= 100), nearest rank, in microseconds. */
    public double percentileMicros(double p) {
      int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e3;
    }

    public double minMicros() {
      return sortedNanos[0] / 1e3;
    }

    public double maxMicros() {
      return sortedNanos[sortedNanos.length - 1] / 1e3;
    }
  }

  /** A single-row prediction to time; returns the prediction so the work cannot be skipped. */
  public interface RowCall {
    double predict(float[] row);
  }

  private RowLatency() {}

  /** Up to {@code count} rows of {@code x} as separate arrays, spread evenly over its rows. */
  public static float[][] rows(Matrix x, int count) {
    int n = Math.min(count, x.rows());
    float[][] out = new float[n][x.cols()];
    for (int i = 0; i < n; i++) {
      int r = (int) ((long) i * x.rows() / n);
      for (int j = 0; j < x.cols(); j++) out[i][j] = x.get(r, j);
    }
    return out;
  }

  public static Result measure(RowCall call, float[][] rows, int warmups, int runs) {
    if (runs < 1 || warmups < 0 || rows.length == 0) throw new IllegalArgumentException("runs " + runs + ", warmups " + warmups + ", rows " + rows.length);
    double sink = 0;
    for (int i = 0; i < warmups; i++) sink += call.predict(rows[i % rows.length]);
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      float[] row = rows[i % rows.length];
      long t0 = System.nanoTime();
      sink += call.predict(row);
      nanos[i] = System.nanoTime() - t0;
    }
    if (Double.isInfinite(sink)) nanos[0]++; // keeps the predictions observable
    Arrays.sort(nanos);
    return new Result(nanos);
  }
}
