package dev.quiver.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.config.ExperimentConfigs;
import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.eval.Costs;
import dev.quiver.eval.Grade;
import dev.quiver.eval.ReturnMetrics;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.model.Cancellation;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.preprocess.PreprocessedModel;
import dev.quiver.split.Fold;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.WalkForward;
import dev.quiver.testing.PlantedFutures;
import dev.quiver.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestTest {

  private static final Dataset HONEST = PlantedFutures.nextBarDirection(PlantedFutures.SYMBOL);
  private static final TrainJob LOGISTIC = new TrainJob("logistic", "logistic", "balanced", Map.of(), 7);

  private static Backtest backtest() {
    return new Backtest(ModelFamilies.discover(), new ThreadBudget(2), Cancellation.none());
  }

  @Test
  void a_planted_signal_scores_on_every_walk_forward_fold() {
    Dataset planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 3);
    BacktestResult r = backtest().run(planted, planted.forwardReturn(), List.of(LOGISTIC),
        BacktestSettings.of(new WalkForward(10_000, 5_000, 5_000, false)), RunObserver.NONE);
    assertThat(r.folds()).isEqualTo((planted.rows() - 10_000) / 5_000);
    ModelBacktest m = r.models().get(0);
    assertThat(m.ok()).isTrue();
    assertThat(m.folds()).hasSize(r.folds());
    for (FoldResult f : m.folds()) {
      assertThat(f.testRows()).isEqualTo(5_000);
      assertThat(f.metric("auc")).isGreaterThan(0.7);
      assertThat(f.metric("brier")).isLessThan(0.25);
      assertThat(f.fitSeconds()).isPositive();
    }
    assertThat(m.metric("auc")).isGreaterThan(0.72);
    assertThat(m.returns()).hasSize(5_000 * r.folds());
    assertThat(m.grade()).isNotNull();
  }

  @Test
  void pooled_trading_figures_are_those_of_the_concatenated_fold_returns() {
    BacktestResult r = backtest().run(HONEST, HONEST.forwardReturn(), List.of(LOGISTIC),
        BacktestSettings.of(new WalkForward(8_000, 4_000, 4_000, true)).withCosts(Costs.NONE), RunObserver.NONE);
    ModelBacktest m = r.models().get(0);
    ReturnMetrics pooled = ReturnMetrics.of(m.returns(), r.periodsPerYear());
    assertThat(m.metric("sharpe")).isEqualTo(pooled.sharpe());
    assertThat(m.metric("max_drawdown")).isEqualTo(pooled.maxDrawdown());
    double trades = 0;
    for (FoldResult f : m.folds()) trades += f.metric("trades");
    assertThat(m.metric("trades")).isEqualTo(trades);
    double[] foldSharpes = m.folds().stream().mapToDouble(f -> f.metric("sharpe")).toArray();
    assertThat(m.foldSharpeStd()).isEqualTo(dev.quiver.eval.SharpeInference.foldStability(foldSharpes));
    assertThat(m.grade().decidedBy()).isNotBlank();
  }

  @Test
  void purged_kfold_trains_on_both_sides_of_the_test_block() {
    PurgedKFold split = new PurgedKFold(3, 0.01);
    BacktestResult r = backtest().run(HONEST, HONEST.forwardReturn(), List.of(LOGISTIC), BacktestSettings.of(split), RunObserver.NONE);
    ModelBacktest m = r.models().get(0);
    assertThat(m.ok()).as(m.error()).isTrue();
    var folds = split.folds(HONEST);
    for (int f = 0; f < folds.size(); f++) {
      assertThat(m.folds().get(f).trainRows()).isEqualTo(folds.get(f).trainRows());
      assertThat(m.folds().get(f).testRows()).isEqualTo(folds.get(f).testRows());
    }
    assertThat(m.metric("auc")).isBetween(0.4, 0.65);
  }

  @Test
  void more_configurations_tried_deflate_the_sharpe_ratio() {
    Dataset planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 3);
    BacktestSettings s = BacktestSettings.of(new WalkForward(10_000, 5_000, 5_000, false)).withCosts(Costs.NONE);
    List<TrainJob> two = List.of(LOGISTIC, new TrainJob("logistic-strong", "logistic", "conservative", Map.of(), 7));
    ModelBacktest few = backtest().run(planted, planted.forwardReturn(), two, s, RunObserver.NONE).models().get(0);
    BacktestResult many = backtest().run(planted, planted.forwardReturn(), two, s.withConfigurationsTried(200), RunObserver.NONE);
    assertThat(many.configurationsTried()).isEqualTo(200);
    assertThat(many.models().get(0).deflatedSharpe()).isLessThanOrEqualTo(few.deflatedSharpe());
  }

  @Test
  void same_seed_gives_the_same_backtest() {
    BacktestSettings s = BacktestSettings.of(new WalkForward(10_000, 5_000, 10_000, false));
    List<TrainJob> m = List.of(new TrainJob("lr", "logistic", "aggressive", Map.of(), 5));
    ModelBacktest a = backtest().run(HONEST, HONEST.forwardReturn(), m, s, RunObserver.NONE).models().get(0);
    ModelBacktest b = backtest().run(HONEST, HONEST.forwardReturn(), m, s, RunObserver.NONE).models().get(0);
    assertThat(a.ok()).as(a.error()).isTrue();
    assertThat(a.returns()).containsExactly(b.returns());
    assertThat(a.grade()).isEqualTo(b.grade());
  }

  @Test
  void every_bad_model_is_reported_before_any_fit() {
    BadInputException e = catchThrowableOfType(BadInputException.class, () -> backtest().run(HONEST, HONEST.forwardReturn(),
        List.of(new TrainJob("a", "logistik", "balanced", Map.of(), 1), new TrainJob("b", "logistic", "balanced", Map.of("cc", "1"), 1)),
        BacktestSettings.of(new PurgedKFold(3, 0)), RunObserver.NONE));
    assertThat(e.problems()).hasSize(2);
    assertThat(e.getMessage()).contains("logistik", "cc");
  }

  @Test
  void a_multi_bar_label_trades_on_next_bar_returns_read_from_the_bars() {
    ExperimentConfig c = ExperimentConfigs.withDefaults(new ExperimentConfig("t", 1L, 1,
        new ExperimentConfig.Data(TestData.file(TestData.FUTURES_1M).toString(), null, null, null, null, List.of("IFL8.cfe")),
        "15m", List.of(), "seed12", null, "return:4", null, List.of(new ExperimentConfig.ModelSpec("ridge", null, null, Map.of())), null));
    Dataset data = ExperimentRunner.dataset(c, RunObserver.NONE);
    double[] next = ExperimentBacktest.nextReturns(c, data);
    assertThat(next).isNotEqualTo(data.forwardReturn());
    BacktestResult r = backtest().run(data, next, ExperimentBacktest.models(c), BacktestSettings.of(new PurgedKFold(3, 0.01)), RunObserver.NONE);
    ModelBacktest m = r.models().get(0);
    assertThat(r.task()).isEqualTo("regression");
    assertThat(m.ok()).as(m.error()).isTrue();
    assertThat(m.metrics()).containsKeys("rmse", "ic", "rank_ic", "auc", "sharpe");
    assertThat(m.grade().grade()).isIn((Object[]) Grade.values());
  }

  @Test
  void changing_a_folds_test_rows_never_changes_its_preprocessor() {
    PreprocessSpec spec = PreprocessSpec.parse("impute=median,scale=robust,clip=0.01,select=top:6");
    WalkForward split = new WalkForward(8_000, 4_000, 4_000, false);
    Fold first = split.folds(HONEST).get(0);
    float[] x = HONEST.x().data().clone();
    int cols = HONEST.x().cols();
    for (int i = first.test().spanFrom(); i < first.test().spanTo(); i++) {
      for (int c = 0; c < cols; c++) x[i * cols + c] = x[i * cols + c] * 50f + 1_000f;
    }
    Dataset changed = new Dataset(new Matrix(x, HONEST.rows(), cols, HONEST.featureNames()), HONEST.y(), HONEST.task(), HONEST.time(),
        HONEST.symbolIndex(), HONEST.symbols(), HONEST.labelEnd(), HONEST.forwardReturn(), HONEST.sha256());
    byte[] before = preprocessor(HONEST, first, spec);
    assertThat(preprocessor(changed, first, spec)).isEqualTo(before);
    assertThat(preprocessor(HONEST, split.folds(HONEST).get(1), spec)).as("a fold with other training rows").isNotEqualTo(before);
  }

  private static byte[] preprocessor(Dataset data, Fold fold, PreprocessSpec spec) {
    FittedModel m = backtest().fitFold(data, fold, LOGISTIC, spec, TrainContext.of(1, 7));
    return ((PreprocessedModel) m).preprocessor().toJson();
  }

  @Test
  void a_preprocessed_backtest_scores_every_fold_of_the_pipeline() {
    BacktestSettings s = BacktestSettings.of(new WalkForward(8_000, 4_000, 4_000, false));
    ModelBacktest plain = backtest().run(HONEST, HONEST.forwardReturn(), List.of(LOGISTIC), s, RunObserver.NONE).models().get(0);
    ModelBacktest piped = backtest().run(HONEST, HONEST.forwardReturn(), List.of(LOGISTIC),
        s.withPreprocess(PreprocessSpec.parse("scale=standard,select=top:2")), RunObserver.NONE).models().get(0);
    assertThat(piped.ok()).as(piped.error()).isTrue();
    assertThat(piped.folds()).hasSize(plain.folds().size());
    assertThat(piped.metric("auc")).isNotEqualTo(plain.metric("auc"));
  }

  @Test
  void a_cascade_reports_the_share_of_rows_its_expensive_model_scored() {
    Dataset planted = PlantedFutures.planted(PlantedFutures.SYMBOL, Task.BINARY, 1.0, 3);
    TrainJob cascade = new TrainJob("cascade", "cascade", "balanced",
        Map.of("cheap", "logistic:conservative", "expensive", "logistic:aggressive", "margin", "0.05"), 7);
    ModelBacktest m = backtest().run(planted, planted.forwardReturn(), List.of(cascade, LOGISTIC),
        BacktestSettings.of(new WalkForward(10_000, 5_000, 5_000, false)), RunObserver.NONE).models().get(0);
    assertThat(m.ok()).as(m.error()).isTrue();
    double rows = 0;
    double expensive = 0;
    for (FoldResult f : m.folds()) {
      double share = f.metric(ExperimentRunner.EXPENSIVE_SHARE);
      assertThat(share).isBetween(0.0, 1.0);
      rows += f.testRows();
      expensive += share * f.testRows();
    }
    assertThat(m.metric(ExperimentRunner.EXPENSIVE_SHARE)).isCloseTo(expensive / rows, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.metric(ExperimentRunner.EXPENSIVE_SHARE)).isGreaterThan(0.0).isLessThan(1.0);
  }
}
