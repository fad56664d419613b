package dev.quiver.exec;

import dev.quiver.model.FittedModel;
import dev.quiver.model.TrainContext;

/** What running one job means (fit it on the prepared data); given its thread share and seed. */
@FunctionalInterface
public interface JobBody {

  FittedModel fit(TrainJob job, TrainContext ctx);
}
