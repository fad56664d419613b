package dev.quiver.exec;

/** Estimates what a job will cost before it runs; must be cheap and thread-safe. */
@FunctionalInterface
public interface CostModel {

  /** Every job costs the same and needs no native memory: jobs start in plan order. */
  CostModel FLAT = job -> new JobCost(1, 0);

  JobCost estimate(TrainJob job);
}
