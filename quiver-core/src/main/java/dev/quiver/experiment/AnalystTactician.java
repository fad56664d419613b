package dev.quiver.experiment;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.data.Bars;
import dev.quiver.data.LoadedData;
import dev.quiver.data.MarketData;
import dev.quiver.data.ResampleOptions;
import dev.quiver.data.Resampler;
import dev.quiver.data.Timeframe;
import dev.quiver.dataset.Dataset;
import dev.quiver.dataset.DatasetBuilder;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.eval.ClassificationMetrics;
import dev.quiver.exec.ExecutorOptions;
import dev.quiver.exec.FamilyCosts;
import dev.quiver.exec.JobResult;
import dev.quiver.exec.LocalExecutor;
import dev.quiver.exec.Slice;
import dev.quiver.exec.TrainJob;
import dev.quiver.features.FeatureFrame;
import dev.quiver.features.FeatureSet;
import dev.quiver.labels.Labelers;
import dev.quiver.labels.Targets;
import dev.quiver.model.Cancellation;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Params;
import dev.quiver.model.Task;
import dev.quiver.model.TrainSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-timeframe analyst/tactician preset. Analysts: one {@code random_forest} per
 * timeframe 1h, 15m, 5m and 1m on that timeframe's seed12 features, predicting the next bar's
 * direction. Tactician: {@code gradient_boosting} on the 1m seed12 features plus the four
 * analysts' probabilities, each joined as of its bar's close (the last analyst bar closed at or
 * before the 1m bar's close), predicting the next 1m bar's direction.
 *
 * <p>One time {@code T} (the 1m row at {@code trainFraction}) cuts every timeframe: a model
 * trains on the rows whose label bar closes at or before {@code T}, and is scored on the rows
 * opening at or after {@code T}. The analysts' inputs to the tactician are never in-sample:
 * on the training segment they are out-of-fold predictions of a time-series CV ({@code
 * cvSplits} expanding folds, one-row gap, as scikit-learn's TimeSeriesSplit); after it they come
 * from the analyst fitted on the whole training segment. Training rows without every analyst
 * input (before the first CV block) are left out of the tactician's training. Every CV fold,
 * final fit and the tactician's own CV are jobs on the {@link LocalExecutor}; the analysts'
 * jobs run side by side within the budget, then the tactician's.
 *
 * <p>Causal: every feature and joined prediction at a 1m row depends on bars that had closed by
 * that row's close. Stateless; one run per call.
 */
public final class AnalystTactician {

  /** Analyst timeframes, longest first, and the tactician's. */
  public static final List<String> TIMEFRAMES = List.of("1h", "15m", "5m", "1m");

  public static final String ANALYST_FAMILY = "random_forest";
  public static final String TACTICIAN_FAMILY = "gradient_boosting";

  /**
   * What to run: the data file and symbol (null: the file's first), the seed, how jobs run, the
   * parameter overrides of the analysts and of the tactician, the CV folds, the training share
   * and where to save the models (null: nowhere).
   */
  public record Options(String data, String symbol, long seed, ExecutorOptions exec, Map<String, String> analystOverrides,
      Map<String, String> tacticianOverrides, int cvSplits, double trainFraction, Path saveDir) {

    public Options {
      analystOverrides = Map.copyOf(analystOverrides);
      tacticianOverrides = Map.copyOf(tacticianOverrides);
      if (cvSplits < 2) throw new IllegalArgumentException("cvSplits must be >= 2, got " + cvSplits);
      if (!(trainFraction > 0 && trainFraction < 1)) throw new IllegalArgumentException("trainFraction must be in (0, 1), got " + trainFraction);
    }
  }

  /**
   * The five models in order analyst_1h, analyst_15m, analyst_5m, analyst_1m, tactician_1m, the
   * wall time, and the tactician's joined inputs: per 1m dataset row (open times in {@code
   * minuteTime}), each analyst's out-of-sample probability by name (NaN where none had closed).
   * The arrays are shared, not copied.
   */
  public record Result(String symbol, List<PresetModel> models, double seconds, long[] minuteTime, Map<String, double[]> analystInputs) {

    public Result {
      models = List.copyOf(models);
      analystInputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(analystInputs));
    }
  }

  private final ModelFamilies families;

  public AnalystTactician(ModelFamilies families) {
    this.families = families;
  }

  public Result run(Options o, RunObserver observer) {
    long start = System.nanoTime();
    Params analystParams = families.get(ANALYST_FAMILY).params("balanced", o.analystOverrides());
    Params tacticianParams = families.get(TACTICIAN_FAMILY).params("balanced", o.tacticianOverrides());
    observer.planned(3, TIMEFRAMES.size() * (o.cvSplits() + 1) + o.cvSplits() + 1);

    LoadedData loaded = MarketData.load(Path.of(o.data()), ExperimentRunner.readOptions(new ExperimentConfig.Data(o.data(), null, null, "UTC", "fail", List.of())));
    Bars base = ExperimentRunner.toTimeframe(pick(loaded.series(), o.symbol(), o.data()), Timeframe.parse("1m"), o.data());
    List<Frame> frames = new ArrayList<>();
    for (String tf : TIMEFRAMES) {
      Timeframe t = Timeframe.parse(tf);
      Bars b = t == base.timeframe() ? base : Resampler.resample(base, t, ResampleOptions.defaults()).bars();
      frames.add(frame(b));
    }
    observer.stage(String.format(java.util.Locale.ROOT, "%s: %,d 1m bars resampled to %s, seed12 features and next-bar direction on each",
        base.symbol(), base.size(), TIMEFRAMES));
    Frame minute = frames.get(TIMEFRAMES.size() - 1);
    long cut = minute.data.time()[(int) (minute.data.rows() * o.trainFraction())];

    // analysts: CV folds (out-of-fold inputs for the tactician) and a final fit each
    List<TrainJob> jobs = new ArrayList<>();
    Map<String, TrainSet[]> sets = new HashMap<>();
    Map<String, int[]> blocks = new HashMap<>();
    for (Frame f : frames) {
      f.trainRows = trainRows(f, cut);
      f.testFrom = firstAtOrAfter(f.data.time(), cut);
      if (f.trainRows < (o.cvSplits() + 1) * 20 || f.testFrom >= f.data.rows()) {
        throw new BadInputException(Where.file(o.data()), "too few " + f.timeframe + " bars for the preset: " + f.trainRows + " training rows",
            "use a longer data file or a smaller --cv-splits");
      }
      addCv(jobs, sets, blocks, "analyst_" + f.timeframe.label(), ANALYST_FAMILY, f.data, 0, f.trainRows, o, f.timeframe.label(), base.symbol());
    }
    Map<String, FittedModel> fitted = new HashMap<>();
    Map<String, String> errors = new HashMap<>();
    runJobs(jobs, sets, Map.of(ANALYST_FAMILY, analystParams), o, fitted, errors, observer, frames.get(frames.size() - 1).data);
    observer.stage("analysts fitted: " + TIMEFRAMES.size() + " timeframes x (" + o.cvSplits() + " CV folds + final)");

    List<PresetModel> out = new ArrayList<>();
    List<double[]> inputs = new ArrayList<>();
    for (Frame f : frames) {
      String name = "analyst_" + f.timeframe.label();
      out.add(report(name, ANALYST_FAMILY, f.timeframe.label(), f.data, 0, f.trainRows, f.testFrom, fitted, errors, blocks.get(name), o.cvSplits()));
      double[] series = analystSeries(name, f, fitted, blocks.get(name), o.cvSplits());
      inputs.add(series == null ? null : asOf(minute, f, series));
    }

    // tactician: 1m features + analysts' out-of-sample probabilities
    if (inputs.contains(null)) {
      out.add(failed("tactician_1m", "an analyst failed, so the tactician has no inputs"));
    } else {
      Dataset tact = withColumns(minute.data, inputs, frames);
      int first = 0;
      outer:
      for (; first < minute.trainRows; first++) {
        for (double[] in : inputs) if (Double.isNaN(in[first])) continue outer;
        break;
      }
      List<TrainJob> tJobs = new ArrayList<>();
      addCv(tJobs, sets, blocks, "tactician_1m", TACTICIAN_FAMILY, tact, first, minute.trainRows, o, "1m", base.symbol());
      runJobs(tJobs, sets, Map.of(TACTICIAN_FAMILY, tacticianParams), o, fitted, errors, observer, tact);
      out.add(report("tactician_1m", TACTICIAN_FAMILY, "1m", tact, first, minute.trainRows, minute.testFrom, fitted, errors,
          blocks.get("tactician_1m"), o.cvSplits()));
    }
    if (o.saveDir() != null) {
      for (PresetModel m : out) if (m.model() != null) ModelStore.save(m.model(), m.family(), o.saveDir().resolve(m.name()));
    }
    observer.stage("tactician fitted and every model scored on the test segment" + (o.saveDir() == null ? "" : "; saved in " + o.saveDir()));
    Map<String, double[]> joined = new LinkedHashMap<>();
    for (int i = 0; i < frames.size(); i++) if (inputs.get(i) != null) joined.put("analyst_" + frames.get(i).timeframe.label(), inputs.get(i));
    return new Result(base.symbol(), out, (System.nanoTime() - start) / 1e9, minute.data.time(), joined);
  }

  /** One timeframe's dataset (single symbol, warm-up and unlabeled rows dropped). */
  private static final class Frame {
    final Timeframe timeframe;
    final Dataset data;
    int trainRows;
    int testFrom;

    Frame(Timeframe timeframe, Dataset data) {
      this.timeframe = timeframe;
      this.data = data;
    }
  }

  private static Frame frame(Bars b) {
    FeatureSet set = FeatureSet.parse("seed12", b.extras().keySet());
    FeatureFrame f = set.compute(b);
    Targets t = Labelers.parse("direction").label(b);
    int first = set.lookback();
    outer:
    for (; first < f.rows(); first++) {
      for (double[] c : f.columns()) if (Double.isNaN(c[first])) continue outer;
      break;
    }
    return new Frame(b.timeframe(), DatasetBuilder.build(List.of(f), List.of(t), first));
  }

  /** Rows [0, n) whose label bar closes at or before {@code cut}. */
  private static int trainRows(Frame f, long cut) {
    long len = f.timeframe.millis();
    int n = 0;
    while (n < f.data.rows() && f.data.time()[f.data.labelEnd()[n]] + len <= cut) n++;
    return n;
  }

  private static int firstAtOrAfter(long[] time, long t) {
    int i = Arrays.binarySearch(time, t);
    return i >= 0 ? i : -i - 1;
  }

  /**
   * Adds the CV jobs {@code name/cv-k} on rows [from, to) and the final job {@code name}; remembers
   * each job's train set (and the CV fold's test block in {@code blocks}: start, end per fold).
   */
  private static void addCv(List<TrainJob> jobs, Map<String, TrainSet[]> sets, Map<String, int[]> blocks, String name, String family,
      Dataset d, int from, int to, Options o, String tf, String symbol) {
    int n = to - from;
    int k = o.cvSplits();
    int test = n / (k + 1);
    int[] b = new int[2 * k];
    for (int s = 0; s < k; s++) {
      int testStart = from + n - (k - s) * test;
      b[2 * s] = testStart;
      b[2 * s + 1] = testStart + test;
      String job = name + "/cv-" + s;
      jobs.add(TrainJob.planned(job, family, "balanced", Map.of(), new Slice(o.data(), tf, symbol, "time-series-split-" + s), o.seed()));
      sets.put(job, new TrainSet[] {d.trainSet(from, testStart - 1), d.trainSet(testStart, testStart + test)});
    }
    blocks.put(name, b);
    jobs.add(TrainJob.planned(name, family, "balanced", Map.of(), new Slice(o.data(), tf, symbol, "train"), o.seed()));
    sets.put(name, new TrainSet[] {d.trainSet(from, to), null});
  }

  private void runJobs(List<TrainJob> jobs, Map<String, TrainSet[]> sets, Map<String, Params> params, Options o,
      Map<String, FittedModel> fitted, Map<String, String> errors, RunObserver observer, Dataset shape) {
    ExecutorOptions exec = o.exec().withCosts(job -> new FamilyCosts(sets.get(job.name())[0].rows(), shape.featureNames().size()).estimate(job));
    List<JobResult> results = new LocalExecutor(exec, Cancellation.none()).run(jobs, (job, ctx) ->
        families.get(job.family()).trainer(params.get(job.family())).fit(sets.get(job.name())[0], null, ctx,
            new FitInfo("balanced", shape.sha256(), job.slice().fold())), observer);
    for (JobResult r : results) {
      if (r.status() == JobResult.Status.OK) fitted.put(r.job().name(), r.model());
      else errors.put(r.job().name(), r.error());
    }
  }

  private static PresetModel report(String name, String family, String tf, Dataset d, int from, int trainTo, int testFrom,
      Map<String, FittedModel> fitted, Map<String, String> errors, int[] blocks, int k) {
    FittedModel m = fitted.get(name);
    if (m == null) return failed(name, errors.getOrDefault(name, "not fitted"));
    TrainSet test = d.trainSet(testFrom, d.rows());
    ClassificationMetrics c = ClassificationMetrics.of(test.y(), m.predict(test.x()).values(), 0.5);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", c.accuracy());
    metrics.put("precision", c.precision());
    metrics.put("recall", c.recall());
    metrics.put("f1", c.f1());
    metrics.put("auc", c.auc());
    List<Double> cv = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      FittedModel f = fitted.get(name + "/cv-" + s);
      if (f == null) continue;
      TrainSet block = d.trainSet(blocks[2 * s], blocks[2 * s + 1]);
      cv.add(ClassificationMetrics.of(block.y(), f.predict(block.x()).values(), 0.5).accuracy());
    }
    Map<String, Double> importance = m.importance().map(i -> i.values()).orElse(Map.of());
    return new PresetModel(name, family, tf, "ok", metrics, cv, importance, trainTo - from, test.rows(), m, "");
  }

  private static PresetModel failed(String name, String error) {
    String family = name.startsWith("analyst") ? ANALYST_FAMILY : TACTICIAN_FAMILY;
    return new PresetModel(name, family, name.substring(name.indexOf('_') + 1), "failed", Map.of(), List.of(), Map.of(), 0, 0, null, error);
  }

  /**
   * The analyst's probability per row of its timeframe, never in-sample: out-of-fold on the CV
   * blocks, the final model's after the training rows, NaN before the first block; null when a
   * fit failed.
   */
  private static double[] analystSeries(String name, Frame f, Map<String, FittedModel> fitted, int[] blocks, int k) {
    FittedModel last = fitted.get(name);
    if (last == null) return null;
    double[] out = new double[f.data.rows()];
    Arrays.fill(out, Double.NaN);
    for (int s = 0; s < k; s++) {
      FittedModel m = fitted.get(name + "/cv-" + s);
      if (m == null) return null;
      int from = blocks[2 * s];
      int to = s == k - 1 ? f.trainRows : blocks[2 * s + 1];
      double[] p = m.predict(f.data.x().rows(from, to)).values();
      System.arraycopy(p, 0, out, from, p.length);
    }
    double[] p = last.predict(f.data.x().rows(f.trainRows, f.data.rows())).values();
    System.arraycopy(p, 0, out, f.trainRows, p.length);
    return out;
  }

  /** {@code series} of {@code f}'s rows joined onto the 1m rows: the last row of {@code f} closed by the 1m row's close. */
  private static double[] asOf(Frame minute, Frame f, double[] series) {
    long[] mt = minute.data.time();
    long[] ft = f.data.time();
    long mLen = minute.timeframe.millis();
    long fLen = f.timeframe.millis();
    double[] out = new double[mt.length];
    int k = -1;
    for (int i = 0; i < mt.length; i++) {
      long closes = mt[i] + mLen;
      while (k + 1 < ft.length && ft[k + 1] + fLen <= closes) k++;
      out[i] = k < 0 ? Double.NaN : series[k];
    }
    return out;
  }

  /** The 1m dataset with the analysts' columns appended (named {@code analyst_<tf>}). */
  private static Dataset withColumns(Dataset d, List<double[]> extra, List<Frame> frames) {
    int rows = d.rows();
    int cols = d.x().cols();
    int all = cols + extra.size();
    float[] x = new float[rows * all];
    float[] src = d.x().contiguous();
    for (int i = 0; i < rows; i++) {
      System.arraycopy(src, i * cols, x, i * all, cols);
      for (int j = 0; j < extra.size(); j++) x[i * all + cols + j] = (float) extra.get(j)[i];
    }
    List<String> names = new ArrayList<>(d.featureNames());
    for (Frame f : frames) names.add("analyst_" + f.timeframe.label());
    return new Dataset(new Matrix(x, rows, all, names), d.y(), Task.BINARY, d.time(), d.symbolIndex(), d.symbols(), d.labelEnd(),
        d.forwardReturn(), d.sha256(), d.auxiliary());
  }

  private static Bars pick(List<Bars> series, String symbol, String file) {
    if (series.isEmpty()) throw new BadInputException(Where.file(file), "no bars left after validation", "check the data");
    if (symbol == null) return series.get(0);
    for (Bars b : series) if (b.symbol().equals(symbol)) return b;
    throw BadInputException.unknown("symbol in " + file, symbol, series.stream().map(Bars::symbol).toList());
  }
}
