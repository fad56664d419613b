package dev.quiver.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.data.Bars;
import dev.quiver.data.MarketData;
import dev.quiver.data.ReadOptions;
import dev.quiver.data.ResampleOptions;
import dev.quiver.data.Resampler;
import dev.quiver.data.Timeframe;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.experiment.DatasetSummary;
import dev.quiver.experiment.ExperimentResult;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.experiment.LeaderboardRow;
import dev.quiver.experiment.RunObserver;
import dev.quiver.labels.Labelers;
import dev.quiver.labels.Targets;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Task;
import dev.quiver.registry.ExperimentRegistration;
import dev.quiver.registry.ModelRef;
import dev.quiver.registry.ModelRegistry;
import dev.quiver.registry.ModelVersion;
import dev.quiver.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPredictorTest {

  static final String SYMBOL = "IFL8.cfe";

  @TempDir
  static Path tmp;

  static ExperimentResult result;
  static ModelRegistry registry;
  static ModelVersion version;

  /** Logistic regression on IFL8's 5m bars with 1h features joined, registered. */
  @BeforeAll
  static void trainAndRegister() {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("p", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of(SYMBOL)),
        "5m", List.of("1h"), "seed12,rsi_14,atr_14", "rsi_14", "direction", null,
        List.of(new ExperimentConfig.ModelSpec("logistic", null, null, Map.of())), null));
    result = new ExperimentRunner(ModelFamilies.discover(), new ThreadBudget(1), Cancellation.none()).run(c, RunObserver.NONE);
    registry = ModelRegistry.create(tmp.resolve("models"));
    version = ExperimentRegistration.register(registry, result).get(0);
  }

  @AfterAll
  static void closeRegistry() {
    registry.close();
  }

  static Bars minuteBars() {
    return MarketData.load(TestData.file(TestData.FUTURES_1M), ReadOptions.defaults()).series(SYMBOL);
  }

  @Test
  void predicting_from_raw_minute_bars_reproduces_the_test_score_exactly() {
    SymbolPredictions p;
    try (ModelPredictor predictor = ModelPredictor.load(registry, ModelRef.parse("p-logistic"), ModelFamilies.discover())) {
      p = predictor.predict(minuteBars());
    }
    assertThat(p.task()).isEqualTo(Task.BINARY);
    // the labels of the test segment, as training computed them on the 5m bars
    Bars fiveMinute = Resampler.resample(minuteBars(), Timeframe.parse("5m"), ResampleOptions.defaults()).bars();
    Targets t = Labelers.parse("direction").label(fiveMinute);
    DatasetSummary d = result.dataset();
    long from = d.test().from().toEpochMilli();
    long to = d.test().to().toEpochMilli();
    List<Float> y = new ArrayList<>();
    List<Double> prob = new ArrayList<>();
    int bar = 0;
    for (int i = 0; i < p.size(); i++) {
      long time = p.time()[i];
      if (time < from || time > to) continue;
      while (fiveMinute.time()[bar] != time) bar++;
      if (Double.isNaN(t.y()[bar])) continue;
      y.add((float) t.y()[bar]);
      prob.add(p.values()[i]);
    }
    assertThat(y).hasSize(d.test().rows());
    float[] ya = new float[y.size()];
    double[] pa = new double[y.size()];
    for (int i = 0; i < ya.length; i++) {
      ya[i] = y.get(i);
      pa[i] = prob.get(i);
    }
    ClassificationMetrics m = ClassificationMetrics.of(ya, pa, 0.5);
    LeaderboardRow row = result.leaderboard().get(0);
    assertThat(m.auc()).isEqualTo(row.metric("auc"));
    assertThat(m.logLoss()).isEqualTo(row.metric("log_loss"));
    assertThat(m.accuracy()).isEqualTo(row.metric("accuracy"));
  }

  @Test
  void warm_up_bars_get_no_prediction_and_the_last_bar_gets_one() {
    try (ModelPredictor predictor = ModelPredictor.load(registry, version.ref(), ModelFamilies.discover())) {
      Bars bars = minuteBars();
      SymbolPredictions p = predictor.predict(bars);
      Bars fiveMinute = Resampler.resample(bars, Timeframe.parse("5m"), ResampleOptions.defaults()).bars();
      assertThat(p.time()[0]).isGreaterThan(fiveMinute.time()[20]);
      assertThat(p.time()[p.size() - 1]).isEqualTo(fiveMinute.time()[fiveMinute.size() - 1]);
      for (double v : p.values()) assertThat(v).isBetween(0.0, 1.0);
    }
  }

  @Test
  void predict_file_writes_timestamp_symbol_prediction_proba() throws Exception {
    Path out = tmp.resolve("pred.csv");
    long rows;
    try (ModelPredictor predictor = ModelPredictor.load(registry, version.ref(), ModelFamilies.discover())) {
      rows = predictor.predictFile(TestData.file(TestData.FUTURES_1M), ReadOptions.defaults(), out);
    }
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("timestamp,symbol,prediction,proba");
    assertThat(lines).hasSize((int) rows + 1);
    assertThat(lines.stream().skip(1).map(l -> l.split(",")[1]).distinct()).containsExactly("ICL8.cfe", "IFL8.cfe", "IML8.cfe");
    for (String l : lines.subList(1, 200)) {
      String[] f = l.split(",");
      double proba = Double.parseDouble(f[3]);
      assertThat(f[2]).isEqualTo(proba >= 0.5 ? "1" : "0");
    }
  }

  @Test
  void input_coarser_than_the_model_timeframe_is_bad_input() {
    Bars hourly = Resampler.resample(minuteBars(), Timeframe.parse("1h"), ResampleOptions.defaults()).bars();
    try (ModelPredictor predictor = ModelPredictor.load(registry, version.ref(), ModelFamilies.discover())) {
      assertThatThrownBy(() -> predictor.predict(hourly)).isInstanceOf(BadInputException.class).hasMessageContaining("finer 5m");
    }
  }
}
