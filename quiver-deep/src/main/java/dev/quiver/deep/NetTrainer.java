package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Params;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;

/**
 * Fits a deep family's net with Adam on minibatches shuffled by the seed, one epoch per {@link
 * dev.quiver.model.EarlyStopping} iteration: the learning curve holds the mean training loss of each epoch and the
 * validation loss after it, and the parameters of the best validation epoch are kept. Each epoch
 * reseeds libtorch from (seed, epoch), so a run resumed from a checkpoint (see {@link Checkpoints})
 * continues exactly as the uninterrupted run would have. Inputs are
 * standardized by the training rows only. Runs inside {@link TorchRuntime#exclusive} (one deep fit
 * per process at a time, libtorch threads = the context's threads). Each batch lives in its own
 * sub-manager, so memory stays flat across epochs. Logs one line per epoch (loss, validation
 * loss, ETA). Stateless: one instance may be used for several fits. This class checks the data
 * and builds the samples without touching DJL; {@link NetFit} does the native work.
 */
final class NetTrainer implements Trainer {

  private final NetSpec spec;
  private final Params params;

  NetTrainer(NetSpec spec, Params params) {
    this.spec = spec;
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    if (validation != null && !validation.x().names().equals(train.x().names())) {
      throw new BadInputException(Where.none(), "validation columns " + validation.x().names() + " differ from training columns " + train.x().names(),
          "build both from one dataset");
    }
    int lookback = spec.lookback(params);
    double gapBreak = spec.gapBreak(params);
    Standardization z = Standardization.fit(train.x());
    TargetScale scale = TargetScale.fit(train.task(), train.y());
    Samples tr = Samples.of(train.x(), z, lookback, gapBreak, true, train.y());
    if (tr.count() < 2) {
      throw new BadInputException(Where.none(), spec.name() + " got " + tr.count() + " training samples from " + train.rows() + " rows"
          + (lookback > 0 ? " (windows of " + lookback + " bars that cross no symbol or session gap)" : ""),
          lookback > 0 ? "lower lookback, raise gap_break (0 crosses gaps), or use more rows" : "use more rows");
    }
    Samples va = validation == null ? null : Samples.of(validation.x(), z, lookback, gapBreak, true, validation.y());
    if (va != null && va.count() == 0) va = null;
    Samples valid = va;
    return new NetFit(spec, params).run(train, tr, validation, valid, z, scale, ctx, info);
  }

}
