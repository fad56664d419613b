package dev.quiver.exec;

import java.util.Map;

/**
 * A {@link CostModel} from the family and the training shape. Work is {@code rows x features x
 * the family's relative weight}; the weights were read off {@code quiver benchmark fit-*} runs
 * on 144k x 12 (random forest and sklearn-style gradient boosting slowest, logistic fastest) and
 * only their order matters. Native memory is {@code rows x features x the family's bytes per
 * cell} plus a fixed 32 MiB for the library itself; families without native code need none.
 * Unknown families get weight 1 and no native memory.
 */
public record FamilyCosts(long rows, int features) implements CostModel {

  private static final Map<String, Double> WEIGHT = Map.of(
      "random_forest", 12.0, "gradient_boosting", 10.0, "xgboost", 4.0, "lightgbm", 3.0, "logistic", 1.0,
      "ridge", 0.5, "elastic_net", 0.8);

  /** Bytes per training cell outside the heap: a binned copy, gradients and the trees. */
  private static final Map<String, Double> NATIVE_BYTES_PER_CELL = Map.of(
      "random_forest", 6.0, "gradient_boosting", 6.0, "xgboost", 8.0, "lightgbm", 6.0);

  private static final long LIBRARY_BYTES = 32L << 20;

  public FamilyCosts {
    if (rows < 0 || features < 0) throw new IllegalArgumentException("rows and features must be >= 0, got " + rows + " x " + features);
  }

  @Override
  public JobCost estimate(TrainJob job) {
    double cells = (double) rows * Math.max(1, features);
    double work = cells * WEIGHT.getOrDefault(job.family(), 1.0);
    Double perCell = NATIVE_BYTES_PER_CELL.get(job.family());
    long nativeBytes = perCell == null ? 0 : LIBRARY_BYTES + (long) (cells * perCell);
    return new JobCost(work, nativeBytes);
  }
}
