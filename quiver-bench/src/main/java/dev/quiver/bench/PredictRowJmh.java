package dev.quiver.bench;

import dev.quiver.data.Bars;
import dev.quiver.data.Timeframe;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.gbdt.LightGbmFamily;
import dev.quiver.gbdt.LightGbmModel;
import dev.quiver.gbdt.RowLatency;
import dev.quiver.gbdt.RowPredictor;
import dev.quiver.gbdt.XGBoostFamily;
import dev.quiver.gbdt.XGBoostModel;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.labels.Targets;
import dev.quiver.model.FitInfo;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-row prediction target: a 100-tree model answers one row in under 50 us at p99.
 * Fits a 100-tree LightGBM and a 100-tree XGBoost model (1 thread, no early stopping) on the first
 * 80% of the seed12 / next-bar-direction dataset of the bundled futures file, then predicts rows of
 * the last 20% one at a time: through each model's {@link RowPredictor} ({@code lightgbmRow},
 * {@code xgboostRow}) and through the batch API with a one-row matrix ({@code lightgbmBatchApi},
 * {@code xgboostBatchApi}). Sample-time mode: JMH reports p50, p99 and more, in microseconds.
 * Thread scope, since LightGBM's row predictor is not thread-safe.
 *
 * <pre>
 * mvn -q -pl quiver-core,quiver-gbdt,quiver-bench package -DskipTests
 * OMP_WAIT_POLICY=PASSIVE java -cp "quiver-bench/target/classes:quiver-bench/target/lib/*" org.openjdk.jmh.Main PredictRowJmh
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictRowJmh {

  private LightGbmModel lightgbm;
  private XGBoostModel xgboost;
  private RowPredictor lightgbmRow;
  private RowPredictor xgboostRow;
  private float[][] rows;
  private List<String> names;
  private int next;

  @Setup(Level.Trial)
  public void fit() {
    List<Bars> series = BenchData.read(BenchData.file(BenchData.FUTURES_1M), Timeframe.M1);
    FeatureSet set = FeatureSet.parse("seed12", List.of());
    List<FeatureFrame> frames = new ArrayList<>();
    List<Targets> targets = new ArrayList<>();
    for (Bars b : series) {
      frames.add(set.compute(b));
      targets.add(new NextBarDirection().label(b));
    }
    Dataset data = DatasetBuilder.build(frames, targets, set.lookback());
    int cut = (int) (data.rows() * 0.8);
    TrainSet train = data.trainSet(0, cut);
    Matrix test = data.trainSet(cut, data.rows()).x();
    names = test.names();
    rows = RowLatency.rows(test, 1000);
    lightgbm = (LightGbmModel) fit(new LightGbmFamily(), Map.of("num_iterations", "100"), train);
    xgboost = (XGBoostModel) fit(new XGBoostFamily(), Map.of("num_rounds", "100"), train);
    lightgbmRow = lightgbm.rowPredictor();
    xgboostRow = xgboost.rowPredictor();
  }

  private static dev.quiver.model.FittedModel fit(ModelFamily family, Map<String, String> overrides, TrainSet train) {
    return family.trainer(family.params("balanced", overrides)).fit(train, null, TrainContext.of(1, 42), FitInfo.of("balanced"));
  }

  @TearDown(Level.Trial)
  public void close() {
    lightgbmRow.close();
    xgboostRow.close();
    lightgbm.close();
    xgboost.close();
  }

  private float[] nextRow() {
    float[] row = rows[next];
    next = next + 1 == rows.length ? 0 : next + 1;
    return row;
  }

  @Benchmark
  public double lightgbmRow() {
    return lightgbmRow.predict(nextRow());
  }

  @Benchmark
  public double xgboostRow() {
    return xgboostRow.predict(nextRow());
  }

  @Benchmark
  public double lightgbmBatchApi() {
    float[] row = nextRow();
    return lightgbm.predict(new Matrix(row, 1, row.length, names)).values()[0];
  }

  @Benchmark
  public double xgboostBatchApi() {
    float[] row = nextRow();
    return xgboost.predict(new Matrix(row, 1, row.length, names)).values()[0];
  }
}
