package dev.quiver;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link Quiver#trainAll}: the thread budget ({@code threads}, 0: every core) and
 * concurrent jobs ({@code jobs}, 0: one per thread), the experiment {@code seed} every job's seed
 * is derived from, the chronological holdout fractions (train, validation for early stopping,
 * test for the metrics; they sum to 1), a per-model {@code timeout} ({@link Duration#ZERO}: none)
 * and {@code retries} for failures that may be transient.
 */
public record TrainOptions(int threads, int jobs, long seed, double train, double validation, double test, Duration timeout, int retries) {

  public TrainOptions {
    Objects.requireNonNull(timeout, "timeout");
    if (threads < 0 || jobs < 0 || retries < 0) throw new IllegalArgumentException("threads, jobs and retries must be >= 0");
  }

  /** Every core, seed 42, holdout 0.7 / 0.2 / 0.1, no timeout, no retries. */
  public static TrainOptions defaults() {
    return new TrainOptions(0, 0, 42, 0.7, 0.2, 0.1, Duration.ZERO, 0);
  }

  public TrainOptions withThreads(int n) {
    return new TrainOptions(n, jobs, seed, train, validation, test, timeout, retries);
  }

  public TrainOptions withJobs(int n) {
    return new TrainOptions(threads, n, seed, train, validation, test, timeout, retries);
  }

  public TrainOptions withSeed(long s) {
    return new TrainOptions(threads, jobs, s, train, validation, test, timeout, retries);
  }

  public TrainOptions withSplit(double trainFraction, double validationFraction, double testFraction) {
    return new TrainOptions(threads, jobs, seed, trainFraction, validationFraction, testFraction, timeout, retries);
  }

  public TrainOptions withTimeout(Duration t) {
    return new TrainOptions(threads, jobs, seed, train, validation, test, t, retries);
  }

  public TrainOptions withRetries(int n) {
    return new TrainOptions(threads, jobs, seed, train, validation, test, timeout, n);
  }
}
