package dev.quiver.leakage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.data.Bars;
import dev.quiver.data.MarketData;
import dev.quiver.data.SourceInfo;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.NextBarDirection;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.Trainer;
import dev.quiver.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakageCheckTest {

  private static final Bars BARS = TestData.futures("IFL8.cfe").slice(0, 12_000);
  private static final FeatureSet FEATURES = FeatureSet.parse("seed12,rsi_14", List.of());

  @TempDir
  Path dir;

  /** The honest pipeline: causal features, next-bar direction, warm-up dropped. */
  private static Dataset honest(List<Bars> bars) {
    Bars b = bars.get(0);
    return DatasetBuilder.build(List.of(FEATURES.compute(b)), List.of(new NextBarDirection().label(b)), FEATURES.lookback());
  }

  private static Map<String, Trainer> logistic() {
    ModelFamilies f = ModelFamilies.discover();
    Map<String, Trainer> m = new LinkedHashMap<>();
    m.put("logistic", f.get("logistic").trainer(f.get("logistic").params("balanced", Map.of())));
    return m;
  }

  @Test
  void causal_features_and_a_row_by_row_model_pass() {
    LeakageReport r = LeakageCheck.run(List.of(BARS), LeakageCheckTest::honest, BARS.timeframe().millis(), logistic(), LeakageCheck.Settings.defaults(1, 1));
    assertThat(r.clean()).as("%s", r).isTrue();
    assertThat(r.cuts()).hasSize(2);
    assertThat(r.rowsCompared()).isGreaterThan(10_000);
  }

  @Test
  void a_centered_moving_average_is_caught_and_named() {
    DatasetRecipe centered = bars -> {
      Bars b = bars.get(0);
      FeatureFrame f = FEATURES.compute(b);
      double[] close = b.close();
      double[] ma = new double[close.length];
      for (int i = 0; i < close.length; i++) {
        int from = Math.max(0, i - 2);
        int to = Math.min(close.length - 1, i + 2);
        double s = 0;
        for (int j = from; j <= to; j++) s += close[j];
        ma[i] = close[i] / (s / (to - from + 1));
      }
      List<String> names = new ArrayList<>(f.names());
      names.add("centered_ma_5");
      List<double[]> cols = new ArrayList<>(f.columns());
      cols.add(ma);
      return DatasetBuilder.build(List.of(new FeatureFrame(f.symbol(), f.time(), names, cols)), List.of(new NextBarDirection().label(b)), FEATURES.lookback());
    };
    LeakageReport r = LeakageCheck.run(List.of(BARS), centered, BARS.timeframe().millis(), logistic(), LeakageCheck.Settings.defaults(1, 1));
    assertThat(r.features()).extracting(LeakageReport.Change::name).containsExactly("centered_ma_5");
    LeakageReport.Change c = r.features().get(0);
    assertThat(c.time()).isLessThanOrEqualTo(c.cut());
    assertThat(c.before()).isNotEqualTo(c.after());
    // the model sees the leaking column, so its predictions before the cut move too
    assertThat(r.models()).extracting(LeakageReport.Change::name).containsExactly("logistic");
  }

  @Test
  void a_column_that_is_the_next_bars_return_is_named_by_the_association_check() throws Exception {
    Bars bars = BARS.slice(0, 6_000);
    double[] close = bars.close();
    double[] leak = new double[close.length];
    for (int i = 0; i < close.length; i++) leak[i] = i + 1 < close.length ? close[i + 1] / close[i] - 1 : 0;
    Bars withLeak = new Bars(bars.symbol(), bars.timeframe(), bars.time(), bars.open(), bars.high(), bars.low(), close, bars.volume(), Map.of("leak", leak));
    Path file = dir.resolve("leaky.csv");
    MarketData.write(List.of(withLeak), file, SourceInfo.standard(BARS.timeframe()));
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("leaky", 1L, 1,
        new ExperimentConfig.Data(file.toString(), null, null, null, null, List.of()), "1m", List.of(), "seed12,rsi_14,leak", null, "direction", null,
        List.of(new ExperimentConfig.ModelSpec("logistic", null, null, Map.of())), null));
    LeakageReport r = ExperimentLeakage.check(c, 0, ModelFamilies.discover(), LeakageCheck.Settings.defaults(3, 1));
    assertThat(r.features()).isEmpty();
    assertThat(r.suspects()).extracting(LeakageReport.Suspect::name).containsExactly("leak");
    assertThat(r.suspects().get(0).rankIc()).isGreaterThan(0.9);
  }

  @Test
  void the_experiment_pipeline_resampled_with_higher_timeframes_is_causal() {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("clean", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")), "5m",
        List.of("15m", "1h"), "seed12,rsi_14,atr_14,minute_of_day", null, "direction", null,
        List.of(new ExperimentConfig.ModelSpec("logistic", null, null, Map.of())), null));
    LeakageReport r = ExperimentLeakage.check(c, 8_000, ModelFamilies.discover(), LeakageCheck.Settings.defaults(5, 1));
    assertThat(r.clean()).as("%s", r).isTrue();
  }
}
