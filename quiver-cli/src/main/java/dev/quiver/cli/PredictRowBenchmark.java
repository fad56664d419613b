package dev.quiver.cli;

import dev.quiver.dataset.Dataset;
import dev.quiver.gbdt.LightGbmModel;
import dev.quiver.gbdt.RowLatency;
import dev.quiver.gbdt.RowPredictor;
import dev.quiver.gbdt.XGBoostModel;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.split.Fold;
import dev.quiver.split.Holdout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code quiver benchmark predict-row}: single-row prediction latency of a 100-tree LightGBM and a
 * 100-tree XGBoost model, fitted (no early stopping) on the chronological first 80% of the seed12 /
 * next-bar-direction dataset of the input and timed on rows of the last 20%. Each model is timed
 * through its {@link RowPredictor} (LightGBM's single-row fast path; a Java walk of XGBoost's
 * trees) and, for comparison, through the batch API with a one-row matrix. Not thread-safe.
 */
final class PredictRowBenchmark {

  /** The rows cycled through while timing. */
  static final int ROWS = 1000;

  private PredictRowBenchmark() {}

  /** Per model: p50/p99/min/max in microseconds for the row predictor and the batch API. */
  static Map<String, Object> run(Dataset data, int threads, int warmups, int runs) {
    Fold fold = new Holdout(0.8, 0.0, 0.2, 100).fold(data);
    TrainSet train = data.trainSet(fold.trainFrom(), fold.trainTo());
    Matrix test = data.trainSet(fold.testFrom(), fold.testTo()).x();
    float[][] rows = RowLatency.rows(test, ROWS);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lightgbm", measure("lightgbm", Map.of("num_iterations", "100"), train, rows, threads, warmups, runs));
    out.put("xgboost", measure("xgboost", Map.of("num_rounds", "100"), train, rows, threads, warmups, runs));
    return out;
  }

  private static Map<String, Object> measure(String name, Map<String, String> overrides, TrainSet train, float[][] rows, int threads, int warmups,
      int runs) {
    ModelFamily family = ModelFamilies.discover().get(name);
    FittedModel model = family.trainer(family.params("balanced", overrides)).fit(train, null, TrainContext.of(threads, 42), FitInfo.of("balanced"));
    List<String> names = model.inputSchema().features();
    try (RowPredictor fast = model instanceof LightGbmModel l ? l.rowPredictor() : ((XGBoostModel) model).rowPredictor()) {
      RowLatency.Result r = RowLatency.measure(fast::predict, rows, warmups, runs);
      RowLatency.Result batch = RowLatency.measure(row -> model.predict(new Matrix(row, 1, row.length, names)).values()[0], rows, warmups / 10,
          Math.max(1, runs / 10));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trees", 100);
      m.put("path", model instanceof LightGbmModel ? "lightgbm single-row fast path (JNI)" : "Java walk of the XGBoost trees");
      m.put("p50_us", r.percentileMicros(50));
      m.put("p99_us", r.percentileMicros(99));
      m.put("min_us", r.minMicros());
      m.put("max_us", r.maxMicros());
      m.put("batch_api_p50_us", batch.percentileMicros(50));
      m.put("batch_api_p99_us", batch.percentileMicros(99));
      return m;
    } finally {
      if (model instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot close a benchmark model: " + e.getMessage(), e);
        }
      }
    }
  }
}
