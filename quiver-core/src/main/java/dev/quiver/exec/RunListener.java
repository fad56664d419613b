package dev.quiver.exec;

/** Hears jobs start and finish; called from worker threads, so implementations are thread-safe. */
public interface RunListener {

  RunListener NONE = new RunListener() {};

  default void started(TrainJob job, int threads) {}

  default void finished(JobResult result) {}

  /** An attempt of {@code job} failed with {@code error}; attempt {@code attempt + 1} starts after {@code wait}. */
  default void retrying(TrainJob job, int attempt, String error, java.time.Duration wait) {}
}
