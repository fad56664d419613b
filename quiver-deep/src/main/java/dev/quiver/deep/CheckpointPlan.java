package dev.quiver.deep;

import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.nio.file.Path;

/**
 * Where and how often a deep fit checkpoints, and whether it resumes. The family's own {@code
 * checkpoint_dir}, {@code checkpoint_every} and {@code resume} params win. Without a {@code
 * checkpoint_dir} the fit uses the context's {@link TrainContext#checkpointDir} (the folder a run
 * directory gives each job), checkpoints after every {@value #RUN_EVERY} epochs (a checkpoint costs
 * about 10 ms for a small net, so not after every one) and always resumes: a checkpoint is taken up
 * only when its fingerprint (family, params, seed, threads, rows) matches, so a fresh fit starts
 * afresh and the same fit run again after a kill continues from its last checkpoint. {@code
 * checkpoints} is null when there is nowhere to write.
 */
record CheckpointPlan(Checkpoints checkpoints, int every, boolean resume) {

  static final CheckpointPlan NONE = new CheckpointPlan(null, 0, false);

  /** Epochs between checkpoints in a run directory's checkpoint folder. */
  static final int RUN_EVERY = 5;

  static CheckpointPlan of(String family, Params params, TrainContext ctx, TrainSet train, TrainSet validation) {
    String own = params.getString("checkpoint_dir");
    Path dir = !own.isBlank() ? Path.of(own) : ctx.checkpointDir();
    if (dir == null) return NONE;
    Checkpoints checkpoints = new Checkpoints(dir, family, Checkpoints.fingerprint(family, params, ctx.seed(), ctx.threads(), train, validation));
    if (!own.isBlank()) return new CheckpointPlan(checkpoints, params.getInt("checkpoint_every"), params.getBoolean("resume"));
    return new CheckpointPlan(checkpoints, RUN_EVERY, true);
  }
}
