package dev.quiver.exec;

import dev.quiver.model.FittedModel;
import java.util.Optional;

/**
 * The outcome of one job: the fitted model (when it succeeded), wall-clock fit seconds, and the
 * failure message otherwise. A failed job never fails the others.
 */
public record JobResult(TrainJob job, Status status, FittedModel model, double fitSeconds, String error) {

  public enum Status { OK, FAILED, CANCELLED }

  public static JobResult ok(TrainJob job, FittedModel model, double seconds) {
    return new JobResult(job, Status.OK, model, seconds, "");
  }

  public static JobResult failed(TrainJob job, double seconds, String error) {
    return new JobResult(job, Status.FAILED, null, seconds, error);
  }

  public static JobResult cancelled(TrainJob job) {
    return new JobResult(job, Status.CANCELLED, null, 0, "cancelled");
  }

  public Optional<FittedModel> fitted() {
    return Optional.ofNullable(model);
  }
}
