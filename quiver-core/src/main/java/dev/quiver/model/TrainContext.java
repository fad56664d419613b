package dev.quiver.model;

import java.nio.file.Path;

/**
 * What a trainer gets besides data: its share of the process thread budget (native libraries
 * must be given exactly this many threads), the seed, a progress sink, a stop request and, when
 * the fit runs inside a run directory ({@code quiver train} always has one), {@code checkpointDir}:
 * a folder of its own where an iterative trainer may keep checkpoints, so that the same fit run
 * again after a kill continues from the last one (null: none; trainers that do not checkpoint
 * ignore it).
 */
public record TrainContext(int threads, long seed, Progress progress, Cancellation cancel, Path checkpointDir) {

  public TrainContext {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
  }

  /** A context without a checkpoint folder. */
  public TrainContext(int threads, long seed, Progress progress, Cancellation cancel) {
    this(threads, seed, progress, cancel, null);
  }

  public static TrainContext of(int threads, long seed) {
    return new TrainContext(threads, seed, Progress.NONE, Cancellation.none());
  }

  /** This context with {@code dir} as the fit's checkpoint folder (null: none). */
  public TrainContext withCheckpointDir(Path dir) {
    return new TrainContext(threads, seed, progress, cancel, dir);
  }
}
