package dev.quiver.experiment;

import dev.quiver.dataset.Dataset;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.ensemble.CascadeModel;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.eval.MulticlassMetrics;
import dev.quiver.eval.Costs;
import dev.quiver.eval.GradeInputs;
import dev.quiver.eval.GradeResult;
import dev.quiver.eval.InformationCoefficient;
import dev.quiver.eval.PeriodsPerYear;
import dev.quiver.eval.PositionRule;
import dev.quiver.eval.RegressionMetrics;
import dev.quiver.eval.ReturnMetrics;
import dev.quiver.eval.SharpeInference;
import dev.quiver.eval.SimulatedTrading;
import dev.quiver.eval.TradingMetrics;
import dev.quiver.eval.TradingSimulator;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.ThreadBudget;
import dev.quiver.exec.TrainJob;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import dev.quiver.model.Params;
import dev.quiver.model.Predictions;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.preprocess.PreprocessedModel;
import dev.quiver.preprocess.PreprocessingTrainer;
import dev.quiver.split.Fold;
import dev.quiver.split.CalendarWalkForward;
import dev.quiver.split.CombinatorialPurgedCv;
import dev.quiver.split.Holdout;
import dev.quiver.split.PurgedKFold;
import dev.quiver.split.Rows;
import dev.quiver.split.Splitter;
import dev.quiver.split.TimeSeriesSplit;
import dev.quiver.split.WalkForward;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Judges models out of sample: for every model and every fold of the settings' splitter, fits on
 * the fold's training rows (already purged and embargoed from the labels' recorded ends by the
 * splitter, so no user ever sets a purge), predicts the fold's test rows, scores them with the ML
 * metrics and a trading simulation (a position decided at bar i earns bar i+1's return, costs per
 * unit turnover), then pools each model's folds and grades the pooled result. With the settings'
 * preprocessing, each fold's pipeline is fitted on that fold's training rows only (inside the
 * trainer call, so its time counts as fitting). A cascade's folds and pooled result also carry
 * {@value ExperimentRunner#EXPENSIVE_SHARE}: the share of test rows its expensive model scored.
 *
 * <p>The fits of all models and folds are independent jobs run by {@link FitScoreWorkers} within
 * the {@link ThreadBudget}: a job fits on its fold's training rows (a view of the dataset's matrix
 * when they are one range), and its scoring (predicting the fold's test rows, closing the model,
 * simulating and scoring) is queued so that it overlaps other jobs' fits; the only sequential work
 * is splitting before the first fit and pooling each model's folds after the last. The job results
 * hold closed models: the figures are what a backtest keeps, not the models. Results are
 * deterministic for a seed: fold order and model order never depend on which job finished first.
 * Thread-safe (stateless between runs).
 */
public final class Backtest {

  /** Stages reported to the observer besides one per fit: the folds made, the models scored. */
  public static final int STAGES = 2;

  private final ModelFamilies families;
  private final ThreadBudget budget;
  private final Cancellation cancel;

  public Backtest(ModelFamilies families, ThreadBudget budget, Cancellation cancel) {
    this.families = families;
    this.budget = budget;
    this.cancel = cancel;
  }

  /**
   * @param data the dataset
   * @param nextReturns per row, the return of the same symbol's next bar, the return a position
   *     taken at that row earns ({@link dev.quiver.eval.NextBarReturns}); a NaN (a symbol's last
   *     bar) earns 0
   * @param models one job per model: its name, family, variant, overrides and seed (the fold is added)
   * @throws BadInputException when a model's family, variant or overrides are invalid (all collected),
   *     or the splitter makes no fold
   */
  public BacktestResult run(Dataset data, double[] nextReturns, List<TrainJob> models, BacktestSettings settings, RunObserver observer) {
    long start = System.nanoTime();
    if (nextReturns.length != data.rows()) throw new IllegalArgumentException(nextReturns.length + " next returns for " + data.rows() + " rows");
    Map<String, Params> params = params(models, data.task());
    List<Fold> folds = settings.splitter().folds(data);
    if (folds.isEmpty()) {
      throw new BadInputException(Where.none(), "the split " + describe(settings.splitter()) + " makes no fold of " + data.rows() + " rows",
          "use smaller training or test windows, or fewer folds");
    }
    observer.planned(STAGES, models.size() * folds.size());
    double ppy = Double.isNaN(settings.periodsPerYear()) ? PeriodsPerYear.estimate(data.time()).periodsPerYear() : settings.periodsPerYear();
    observer.stage(String.format(java.util.Locale.ROOT, "%d fold%s x %d model%s by %s", folds.size(), folds.size() == 1 ? "" : "s",
        models.size(), models.size() == 1 ? "" : "s", describe(settings.splitter())));

    List<TrainJob> jobs = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      TrainJob model = models.get(m);
      for (int f = 0; f < folds.size(); f++) {
        TrainJob job = new TrainJob(model.name() + " " + folds.get(f).name(), model.family(), model.variant(), model.overrides(), model.seed());
        jobs.add(job);
      }
    }
    TestRows[] tests = new TestRows[folds.size()];
    for (int f = 0; f < folds.size(); f++) tests[f] = new TestRows(data, nextReturns, folds.get(f).test());
    PositionRule rule = settings.rule(data.task());
    double[][][] predictions = new double[models.size()][folds.size()][];
    double[][][] probabilities = new double[models.size()][folds.size()][];
    int classes = data.classes();
    FoldScore[][] foldScores = new FoldScore[models.size()][folds.size()];
    long[][] fitNanos = new long[models.size()][folds.size()];
    int[][] expensiveRows = new int[models.size()][folds.size()];
    for (int[] e : expensiveRows) java.util.Arrays.fill(e, -1);
    long[] fitStart = new long[jobs.size()];
    long[] fitEnd = new long[jobs.size()];
    AtomicLong totalFit = new AtomicLong();
    List<JobResult> results = new FitScoreWorkers(budget, cancel).run(jobs, (i, ctx) -> {
      int m = i / folds.size();
      int f = i % folds.size();
      Fold fold = folds.get(f);
      TrainJob model = models.get(m);
      TrainSet train = FoldRows.trainSet(data, fold.train());
      TrainSet valid = fold.hasValidation() ? FoldRows.trainSet(data, fold.validation()) : null;
      Trainer trainer = trainer(model, params.get(model.name()), settings.preprocess());
      long t0 = System.nanoTime();
      FittedModel fitted = trainer.fit(train, valid, ctx, new FitInfo(model.variant(), data.sha256(), fold.name()));
      long t1 = System.nanoTime();
      fitNanos[m][f] = t1 - t0;
      fitStart[i] = t0;
      fitEnd[i] = t1;
      totalFit.addAndGet(t1 - t0);
      return fitted;
    }, (i, fitted) -> {
      int m = i / folds.size();
      int f = i % folds.size();
      try {
        Matrix x = FoldRows.matrix(data.x(), folds.get(f).test());
        CascadeModel cascade = cascadeOf(fitted);
        if (cascade != null) {
          CascadeModel.Run run = cascade.run(fitted instanceof PreprocessedModel pm ? pm.preprocessor().apply(x) : x);
          predictions[m][f] = run.values();
          expensiveRows[m][f] = run.expensiveRows();
        } else {
          Predictions predicted = fitted.predict(x);
          predictions[m][f] = predicted.values();
          probabilities[m][f] = predicted.probabilities();
        }
      } finally {
        FitScoreWorkers.close(fitted);
      }
      foldScores[m][f] = scoreFold(data.task(), tests[f], predictions[m][f], probabilities[m][f], classes, rule, settings.costs(), ppy);
      if (expensiveRows[m][f] >= 0) {
        foldScores[m][f].metrics().put(ExperimentRunner.EXPENSIVE_SHARE, share(expensiveRows[m][f], predictions[m][f].length));
      }
    }, observer);

    List<Scored> scored = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      String error = "";
      for (int f = 0; f < folds.size() && error.isEmpty(); f++) {
        JobResult r = results.get(m * folds.size() + f);
        if (r.status() != JobResult.Status.OK) error = folds.get(f).name() + ": " + r.error();
      }
      Scored s = error.isEmpty() ? score(data.task(), folds, tests, predictions[m], probabilities[m], classes, foldScores[m], fitNanos[m], ppy) : new Scored(null, null, error);
      if (s.pooled != null && expensiveRows[m][0] >= 0) {
        long expensive = 0;
        long rows = 0;
        for (int f = 0; f < folds.size(); f++) {
          expensive += expensiveRows[m][f];
          rows += predictions[m][f].length;
        }
        s.pooled.metrics.put(ExperimentRunner.EXPENSIVE_SHARE, share(expensive, rows));
      }
      scored.add(s);
    }

    long trials = settings.configurationsTried() > 0 ? Math.max(settings.configurationsTried(), models.size()) : models.size();
    double trialVariance = trialVariance(scored, trials);
    List<ModelBacktest> out = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      TrainJob model = models.get(m);
      Scored s = scored.get(m);
      if (s.pooled == null) {
        out.add(new ModelBacktest(model.name(), model.family(), model.variant(), "failed", s.error, List.of(), Map.of(),
            Double.NaN, Double.NaN, null, new long[0], new double[0]));
        continue;
      }
      double variance = Double.isNaN(trialVariance) ? ownFoldVariance(s) : trialVariance;
      double dsr = SharpeInference.deflatedSharpe(s.pooled.returns, trials, Double.isNaN(variance) ? 0 : variance);
      double foldStd = SharpeInference.foldStability(foldSharpes(s.pooled.folds));
      GradeResult grade = settings.rubric().grade(new GradeInputs(dsr, s.pooled.returns.sharpe(), s.pooled.returns.maxDrawdown(),
          s.pooled.returns.hitRate(), foldStd, s.pooled.trades, s.pooled.returns.n()));
      out.add(new ModelBacktest(model.name(), model.family(), model.variant(), "ok", "", s.pooled.folds, s.pooled.metrics, dsr, foldStd,
          grade, s.pooled.time, s.pooled.portfolio));
    }
    observer.stage("scored " + models.size() + " model" + (models.size() == 1 ? "" : "s") + " on " + folds.size() + " fold" + (folds.size() == 1 ? "" : "s"));
    return new BacktestResult(data.rows(), data.task().name().toLowerCase(java.util.Locale.ROOT), data.featureNames(),
        describe(settings.splitter()), folds.size(), trials, ppy, describe(rule), describe(settings.costs()), out,
        (System.nanoTime() - start) / 1e9, totalFit.get() / 1e9, covered(fitStart, fitEnd) / 1e9);
  }

  /**
   * Fits {@code model} on {@code fold}'s training rows (its validation rows for early stopping when
   * the fold has them), as {@link #run} does for every job: behind {@code preprocess} (null: none),
   * whose statistics come from those training rows only, so nothing of the fold's test rows reaches
   * the fitted model. The caller closes the model.
   *
   * @throws BadInputException when the model's family, variant or overrides are invalid
   */
  public FittedModel fitFold(Dataset data, Fold fold, TrainJob model, PreprocessSpec preprocess, TrainContext ctx) {
    Params p = families.get(model.family()).params(model.variant(), model.overrides());
    TrainSet train = FoldRows.trainSet(data, fold.train());
    TrainSet valid = fold.hasValidation() ? FoldRows.trainSet(data, fold.validation()) : null;
    return trainer(model, p, preprocess).fit(train, valid, ctx, new FitInfo(model.variant(), data.sha256(), fold.name()));
  }

  /** The cascade a fitted model is, directly or behind preprocessing; null for any other model. */
  private static CascadeModel cascadeOf(FittedModel fitted) {
    if (fitted instanceof CascadeModel c) return c;
    if (fitted instanceof PreprocessedModel pm && pm.inner() instanceof CascadeModel c) return c;
    return null;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private Trainer trainer(TrainJob model, Params params, PreprocessSpec preprocess) {
    Trainer t = families.get(model.family()).trainer(params);
    return preprocess == null ? t : new PreprocessingTrainer(preprocess, t);
  }

  /** The length of the union of the intervals [start[i], end[i]) (empty ones, jobs that never fitted, count 0). */
  private static long covered(long[] start, long[] end) {
    int n = start.length;
    long[][] iv = new long[n][];
    int m = 0;
    for (int i = 0; i < n; i++) if (end[i] > start[i]) iv[m++] = new long[] {start[i], end[i]};
    java.util.Arrays.sort(iv, 0, m, java.util.Comparator.comparingLong((long[] a) -> a[0]));
    long total = 0;
    long from = 0;
    long to = Long.MIN_VALUE;
    for (int i = 0; i < m; i++) {
      if (iv[i][0] > to) {
        if (to != Long.MIN_VALUE) total += to - from;
        from = iv[i][0];
        to = iv[i][1];
      } else {
        to = Math.max(to, iv[i][1]);
      }
    }
    if (to != Long.MIN_VALUE) total += to - from;
    return total;
  }

  /** Every model's parameters, resolved before any data is touched; every problem collected. */
  private Map<String, Params> params(List<TrainJob> models, Task task) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Params> out = new LinkedHashMap<>();
    for (TrainJob m : models) {
      if (out.containsKey(m.name())) {
        problems.add(new Problem(Where.none(), m.name(), "duplicate_model", "two models are named '" + m.name() + "'"));
        continue;
      }
      try {
        ModelFamily family = families.get(m.family());
        if (task == Task.MULTICLASS && !family.tasks().contains(task)) {
          List<String> supporting = new ArrayList<>();
          for (ModelFamily f : families.all().values()) if (f.tasks().contains(task)) supporting.add(f.name());
          supporting.sort(null);
          problems.add(new Problem(Where.none(), m.family(), "task_not_supported", "model '" + m.name() + "': family '" + m.family()
              + "' does not support " + task.name().toLowerCase(Locale.ROOT) + " labels (families that do: " + String.join(", ", supporting) + ")"));
          continue;
        }
        out.put(m.name(), family.params(m.variant(), m.overrides()));
      } catch (BadInputException e) {
        for (Problem p : e.problems()) {
          problems.add(new Problem(p.where(), p.value(), p.rule(), "model '" + m.name() + "': " + p.message() + (e.fix().isEmpty() ? "" : " (" + e.fix() + ")")));
        }
      }
    }
    if (models.isEmpty()) problems.add(new Problem(Where.none(), "", "no_models", "no model to backtest"));
    if (!problems.isEmpty()) throw new BadInputException(problems, "fix the models above (see quiver families)");
    return out;
  }

  /** A fold's test rows, gathered once and shared by every model. */
  private static final class TestRows {
    final float[] y;
    final double[] nextReturn;
    final int[] symbol;
    final long[] time;

    TestRows(Dataset data, double[] nextReturns, Rows rows) {
      y = FoldRows.gather(data.y(), rows);
      nextReturn = FoldRows.gather(nextReturns, rows);
      for (int i = 0; i < nextReturn.length; i++) if (Double.isNaN(nextReturn[i])) nextReturn[i] = 0;
      symbol = FoldRows.gather(data.symbolIndex(), rows);
      time = FoldRows.gather(data.time(), rows);
    }
  }

  private record Pooled(List<FoldResult> folds, Map<String, Double> metrics, ReturnMetrics returns, long trades, long[] time, double[] portfolio) {}

  private record Scored(Pooled pooled, double[] foldPeriodSharpes, String error) {}

  /** One fold's simulation, trading metrics and per-fold figures; run inside the fold's job. */
  private record FoldScore(SimulatedTrading sim, TradingMetrics trading, Map<String, Double> metrics) {}

  private static FoldScore scoreFold(Task task, TestRows t, double[] p, double[] probabilities, int classes, PositionRule rule, Costs costs,
      double ppy) {
    SimulatedTrading sim = TradingSimulator.simulate(p, t.nextReturn, t.symbol, t.time, rule, costs);
    TradingMetrics tm = TradingMetrics.of(sim, p, t.nextReturn, ppy);
    Map<String, Double> m = mlMetrics(task, t.y, p, probabilities, classes, t.nextReturn);
    putTrading(m, tm.returns(), tm.trades(), tm.turnover(), tm.exposure());
    return new FoldScore(sim, tm, m);
  }

  private static Scored score(Task task, List<Fold> folds, TestRows[] tests, double[][] predictions, double[][] probabilities, int classes,
      FoldScore[] scores, long[] fitNanos, double ppy) {
    List<FoldResult> foldResults = new ArrayList<>();
    int rows = 0;
    int periods = 0;
    SimulatedTrading[] sims = new SimulatedTrading[folds.size()];
    long trades = 0;
    double[] foldPeriodSharpes = new double[folds.size()];
    for (int f = 0; f < folds.size(); f++) {
      TestRows t = tests[f];
      double[] p = predictions[f];
      SimulatedTrading sim = scores[f].sim();
      sims[f] = sim;
      TradingMetrics tm = scores[f].trading();
      Map<String, Double> m = scores[f].metrics();
      Fold fold = folds.get(f);
      foldResults.add(new FoldResult(fold.name(), fold.trainRows(), fold.testRows(), t.time.length == 0 ? 0 : t.time[0],
          t.time.length == 0 ? 0 : t.time[t.time.length - 1], fitNanos[f] / 1e9, m));
      foldPeriodSharpes[f] = tm.returns().periodSharpe();
      rows += p.length;
      periods += sim.returns().length;
      trades += tm.trades();
    }
    float[] y = new float[rows];
    double[] p = new double[rows];
    double[] next = new double[rows];
    double[] pooledProbabilities = task == Task.MULTICLASS ? new double[rows * classes] : null;
    long[] time = new long[periods];
    double[] portfolio = new double[periods];
    double turnover = 0;
    double exposure = 0;
    int r = 0;
    int q = 0;
    for (int f = 0; f < folds.size(); f++) {
      int n = predictions[f].length;
      System.arraycopy(tests[f].y, 0, y, r, n);
      System.arraycopy(predictions[f], 0, p, r, n);
      System.arraycopy(tests[f].nextReturn, 0, next, r, n);
      if (pooledProbabilities != null) System.arraycopy(probabilities[f], 0, pooledProbabilities, r * classes, n * classes);
      r += n;
      SimulatedTrading s = sims[f];
      int k = s.returns().length;
      System.arraycopy(s.time(), 0, time, q, k);
      System.arraycopy(s.returns(), 0, portfolio, q, k);
      for (int i = 0; i < k; i++) {
        turnover += s.portfolioTurnover()[i];
        exposure += s.exposure()[i];
      }
      q += k;
    }
    ReturnMetrics pooled = ReturnMetrics.of(portfolio, ppy);
    Map<String, Double> m = mlMetrics(task, y, p, pooledProbabilities, classes, next);
    putTrading(m, pooled, trades, periods == 0 ? Double.NaN : turnover / periods, periods == 0 ? Double.NaN : exposure / periods);
    m.put("sortino", pooled.sortino());
    m.put("annual_return", pooled.annualReturn());
    m.put("calmar", pooled.calmar());
    if (task == Task.BINARY) {
      m.put("ic", InformationCoefficient.pearson(p, next));
      m.put("rank_ic", InformationCoefficient.spearman(p, next));
    }
    return new Scored(new Pooled(foldResults, m, pooled, trades, time, portfolio), foldPeriodSharpes, "");
  }

  /** For a multiclass task, {@code p} is the score P(last class) - P(first class) and {@code probabilities} the class probabilities. */
  private static Map<String, Double> mlMetrics(Task task, float[] y, double[] p, double[] probabilities, int classes, double[] nextReturn) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (task == Task.MULTICLASS) {
      MulticlassMetrics c = MulticlassMetrics.of(y, probabilities, classes);
      m.put("auc", c.macroAuc());
      m.put("accuracy", c.accuracy());
      m.put("macro_f1", c.macroF1());
      m.put("log_loss", c.logLoss());
      m.put("ic", InformationCoefficient.pearson(p, nextReturn));
      m.put("rank_ic", InformationCoefficient.spearman(p, nextReturn));
    } else if (task == Task.BINARY) {
      ClassificationMetrics c = ClassificationMetrics.of(y, p);
      m.put("auc", c.auc());
      m.put("accuracy", c.accuracy());
      m.put("brier", c.brier());
      m.put("log_loss", c.logLoss());
    } else {
      RegressionMetrics c = RegressionMetrics.of(y, p);
      float[] up = new float[y.length];
      for (int i = 0; i < y.length; i++) up[i] = y[i] > 0 ? 1f : 0f;
      m.put("rmse", c.rmse());
      m.put("ic", InformationCoefficient.pearson(p, nextReturn));
      m.put("rank_ic", InformationCoefficient.spearman(p, nextReturn));
      m.put("auc", ClassificationMetrics.of(up, p).auc());
    }
    return m;
  }

  private static void putTrading(Map<String, Double> m, ReturnMetrics r, long trades, double turnover, double exposure) {
    m.put("sharpe", r.sharpe());
    m.put("max_drawdown", r.maxDrawdown());
    m.put("hit_rate", r.hitRate());
    m.put("total_return", r.totalReturn());
    m.put("trades", (double) trades);
    m.put("turnover", turnover);
    m.put("exposure", exposure);
  }

  private static double[] foldSharpes(List<FoldResult> folds) {
    double[] s = new double[folds.size()];
    for (int f = 0; f < s.length; f++) s[f] = folds.get(f).metric("sharpe");
    return s;
  }

  /**
   * The variance of the per-period Sharpe ratios of the configurations tried, estimated from the
   * pooled Sharpe ratios of the models that scored; NaN when fewer than two have one (then each
   * model's own fold-to-fold variance stands in). 0 for a single configuration: no selection.
   */
  private static double trialVariance(List<Scored> scored, long trials) {
    if (trials <= 1) return 0;
    List<Double> sharpes = new ArrayList<>();
    for (Scored s : scored) {
      if (s.pooled != null && Double.isFinite(s.pooled.returns.periodSharpe())) sharpes.add(s.pooled.returns.periodSharpe());
    }
    if (sharpes.size() < 2) return Double.NaN;
    double[] v = new double[sharpes.size()];
    for (int i = 0; i < v.length; i++) v[i] = sharpes.get(i);
    return SharpeInference.variance(v);
  }

  private static double ownFoldVariance(Scored s) {
    List<Double> finite = new ArrayList<>();
    for (double x : s.foldPeriodSharpes) if (Double.isFinite(x)) finite.add(x);
    double[] v = new double[finite.size()];
    for (int i = 0; i < v.length; i++) v[i] = finite.get(i);
    return SharpeInference.variance(v);
  }

  /** The splitter and its settings, for a person, e.g. {@code walk-forward (train 20000, test 5000, step 5000 rows, rolling)}. */
  public static String describe(Splitter s) {
    if (s instanceof WalkForward w) {
      return String.format(Locale.ROOT, "walk-forward (train %d, test %d, step %d rows, %s)", w.trainSize(), w.testSize(), w.step(), w.expanding() ? "expanding" : "rolling");
    }
    if (s instanceof CalendarWalkForward w) {
      return String.format(Locale.ROOT, "walk-forward (train %d, test %d, step %d days, %s)", w.trainDays(), w.testDays(), w.stepDays(), w.expanding() ? "expanding" : "rolling");
    }
    if (s instanceof PurgedKFold k) return String.format(Locale.ROOT, "purged-kfold (%d folds, embargo %s)", k.folds(), k.embargoPct());
    if (s instanceof CombinatorialPurgedCv c) return String.format(Locale.ROOT, "cpcv (%d groups, %d test groups, embargo %s)", c.groups(), c.testGroups(), c.embargoPct());
    if (s instanceof Holdout) return "holdout";
    if (s instanceof TimeSeriesSplit) return "time-series-split";
    return s.getClass().getSimpleName();
  }

  /** The position rule, for a person. */
  public static String describe(PositionRule rule) {
    if (rule instanceof PositionRule.Thresholds t) {
      return t.lower() == Double.NEGATIVE_INFINITY ? "long at p >= " + t.upper() + ", else flat"
          : "long at p >= " + t.upper() + ", short at p <= " + t.lower() + ", else flat";
    }
    if (rule instanceof PositionRule.ConfidenceSized c) return "sized by confidence, scale " + c.scale();
    if (rule instanceof PositionRule.ScoreBand b) return "long at score P(up) - P(down) > " + b.band() + ", short at < -" + b.band() + ", else flat";
    return "sign of the forecast";
  }

  /** The costs, for a person. */
  public static String describe(Costs c) {
    return String.format(Locale.ROOT, "%s bp fee + %s bp slippage per unit turnover", num(c.feeBps()), num(c.slippageBps()));
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
