package dev.quiver.model;

/**
 * What a trainer gets besides data: its share of the process thread budget (native libraries
 * must be given exactly this many threads), the seed, a progress sink and a stop request.
 */
public record TrainContext(int threads, long seed, Progress progress, Cancellation cancel) {

  public TrainContext {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
  }

  public static TrainContext of(int threads, long seed) {
    return new TrainContext(threads, seed, Progress.NONE, Cancellation.none());
  }
}
