package dev.quiver.model.catboost;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.EarlyStopping;
import dev.quiver.model.FitInfo;
import dev.quiver.model.FittedModel;
import dev.quiver.model.LearningCurve;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.Provenance;
import dev.quiver.model.Task;
import dev.quiver.model.TrainContext;
import dev.quiver.model.TrainSet;
import dev.quiver.model.Trainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits {@link CatBoostFamily}'s model: quantise, then grow oblivious trees by gradient boosting,
 * plain or ordered, each on Bayesian-bootstrap weights, under the overfitting detector.
 * Stateless, so one instance may fit concurrently; every random choice comes from {@link
 * TrainContext#seed()} and the result does not depend on the thread count.
 */
final class CatBoostTrainer implements Trainer {

  /** Pseudo-rows the prior of a categorical target statistic counts for. */
  static final double CTR_PRIOR_WEIGHT = 1.0;

  private final Params params;

  CatBoostTrainer(Params params) {
    this.params = params;
  }

  @Override
  public FittedModel fit(TrainSet train, TrainSet validation, TrainContext ctx, FitInfo info) {
    Task task = train.task();
    int n = train.rows();
    if (n < 2) throw new BadInputException(Where.none(), "catboost needs at least 2 training rows, got " + n, "use more data");
    if (task == Task.BINARY) {
      double pos = 0;
      for (float v : train.y()) pos += v;
      if (pos == 0 || pos == n) {
        throw new BadInputException(Where.none(), "catboost needs both classes in the training rows, got " + n + " rows all of class "
            + (pos == 0 ? 0 : 1), "use more data or another label");
      }
    }
    if (validation != null && validation.rows() == 0) validation = null;
    if (validation != null && validation.task() != task) {
      throw new BadInputException(Where.none(), "validation rows pose a " + validation.task() + " task but training rows a " + task,
          "label both segments the same way");
    }
    List<String> names = train.x().names();
    int cols = names.size();
    int[] catCols = CategoricalColumns.resolve(params.getString("cat_features"), names);
    SplittableRandom rnd = new SplittableRandom(ctx.seed());

    float[][] trainCols = columns(train.x());
    float[][] validCols = validation == null ? null : columns(validation.x());
    List<CategoricalFeature> categorical = new ArrayList<>();
    if (catCols.length > 0) {
      List<Problem> problems = new ArrayList<>();
      int[][] trainCodes = new int[catCols.length][];
      int[][] validCodes = new int[catCols.length][];
      for (int c = 0; c < catCols.length; c++) {
        trainCodes[c] = CategoricalColumns.codes(train.x(), catCols[c], "training rows", problems);
        if (validation != null) validCodes[c] = CategoricalColumns.codes(validation.x(), catCols[c], "validation rows", problems);
      }
      CategoricalColumns.failOn(problems);
      double prior = Loss.RMSE.start(train.y());
      int[] order = permutation(n, rnd);
      for (int c = 0; c < catCols.length; c++) {
        double[] ordered = OrderedTargetStatistics.ordered(trainCodes[c], train.y(), order, prior, CTR_PRIOR_WEIGHT);
        float[] col = trainCols[catCols[c]];
        for (int i = 0; i < n; i++) col[i] = (float) ordered[i];
        CategoryStatistics stats = OrderedTargetStatistics.fit(trainCodes[c], train.y(), prior, CTR_PRIOR_WEIGHT);
        categorical.add(new CategoricalFeature(catCols[c], stats));
        if (validation != null) {
          float[] v = validCols[catCols[c]];
          for (int i = 0; i < v.length; i++) v[i] = stats.value(validCodes[c][i]);
        }
      }
    }

    int borderCount = params.getInt("border_count");
    float[][] borders = new float[cols][];
    byte[][] bins = new byte[cols][];
    byte[][] validBins = validation == null ? null : new byte[cols][];
    int[] binCount = new int[cols];
    for (int j = 0; j < cols; j++) {
      borders[j] = Borders.of(trainCols[j], borderCount);
      bins[j] = Borders.bins(borders[j], trainCols[j]);
      binCount[j] = borders[j].length + 1;
      if (validation != null) validBins[j] = Borders.bins(borders[j], validCols[j]);
    }

    Loss loss = Loss.of(task);
    int iterations = params.getInt("iterations");
    boolean detector = params.getString("od_type").equals("Iter") && validation != null;
    ctx.progress().start("catboost", iterations);
    try (WorkerPool pool = new WorkerPool(ctx.threads())) {
      Boosting boosting = new Boosting(params, loss, train.y(), bins, binCount, borders, validation == null ? null : validation.y(),
          validBins, rnd, pool);
      LearningCurve curve = EarlyStopping.run(loss.metricName, false, iterations, detector ? params.getInt("od_wait") : 0,
          validation != null, ctx, boosting);
      List<ObliviousTree> trees = List.copyOf(boosting.trees.subList(0, curve.bestIteration()));
      double[] gain = boosting.gainUpTo(curve.bestIteration());
      Provenance provenance = new Provenance(CatBoostFamily.NAME, info.variant(), params.asStrings(), ctx.seed(), info.dataSha256(),
          names, info.fold(), Provenance.currentCodeVersion(), Provenance.runtimeWith(Map.of()), Instant.now());
      return new CatBoostModel(names, task, boosting.bias, borders, categorical, trees, gain, curve,
          params.getString("boosting_type"), provenance);
    }
  }

  private static float[][] columns(Matrix x) {
    int rows = x.rows();
    int cols = x.cols();
    float[] data = x.data();
    int offset = x.offset();
    float[][] out = new float[cols][rows];
    for (int r = 0; r < rows; r++) {
      int base = (offset + r) * cols;
      for (int j = 0; j < cols; j++) out[j][r] = data[base + j];
    }
    return out;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * The boosting state, one tree per {@link #add}.
   *
   * <p><b>Plain</b>: derivatives at the model's own raw scores on the training rows choose the
   * tree and set its leaves.
   *
   * <p><b>Ordered</b> (Prokhorenkova et al. 2018, section 4, with its exponential-prefix
   * approximation): {@code permutation_count} random permutations of the training rows are drawn
   * once. For each permutation a "supporting" raw score is kept per row, made of leaf values that
   * row never contributed to: a row at position p, with {@code 2^b <= p < 2^(b+1)}, receives in
   * each tree the leaf values computed (Newton step, {@code l2_leaf_reg}, learning rate) from only
   * the rows at positions {@code [0, 2^b)} of that permutation, with derivatives at their own
   * supporting scores; the row at position 0 receives nothing. Each tree picks one permutation at
   * random, and the derivatives at that permutation's supporting scores choose the tree's splits,
   * so no row's gradient comes from a model that saw the row. The tree's stored leaf values are
   * then computed from all rows at the model's own raw scores, as in CatBoost, and every
   * permutation's supporting scores are advanced (in parallel) with the new tree. Categorical
   * target statistics use one further permutation (see {@link OrderedTargetStatistics}), not one
   * per boosting permutation as CatBoost does.
   *
   * <p>Each tree draws Bayesian-bootstrap weights {@code w = (-ln u)^bagging_temperature}, u
   * uniform in (0, 1] (all 1 at temperature 0), which weight the derivative sums of the split
   * search and of every leaf value. With {@code rsm < 1} each level considers a random
   * {@code max(1, round(rsm * usable))} of the features that have borders.
   */
  private static final class Boosting implements EarlyStopping.Rounds<RuntimeException> {

    final List<ObliviousTree> trees = new ArrayList<>();
    final double bias;
    private final List<double[]> gainByTree = new ArrayList<>();
    private final Loss loss;
    private final float[] y;
    private final byte[][] bins;
    private final int[] binCount;
    private final float[][] borders;
    private final float[] validY;
    private final byte[][] validBins;
    private final SplittableRandom rnd;
    private final WorkerPool pool;
    private final int depth;
    private final double learningRate;
    private final double l2;
    private final double temperature;
    private final double rsm;
    private final boolean ordered;
    private final SplitSearch search;
    private final int n;
    private final double[] approx;
    private final double[] validApprox;
    private final int[][] permutations;
    private final float[][] permutedY;
    private final double[][] supporting;
    private final int[][] permutedLeaf;
    private final double[][] permutedWeight;
    private final double[] weight;
    private final double[] g;
    private final double[] h;
    private final double[] gh;
    private final double[] positionG;
    private final double[] positionH;
    private final int[] leaf;
    private final int[] validLeaf;
    private final int[] usable;

    Boosting(Params params, Loss loss, float[] y, byte[][] bins, int[] binCount, float[][] borders, float[] validY, byte[][] validBins,
        SplittableRandom rnd, WorkerPool pool) {
      this.loss = loss;
      this.y = y;
      this.bins = bins;
      this.binCount = binCount;
      this.borders = borders;
      this.validY = validY;
      this.validBins = validBins;
      this.rnd = rnd;
      this.pool = pool;
      this.depth = params.getInt("depth");
      this.learningRate = params.getDouble("learning_rate");
      this.l2 = params.getDouble("l2_leaf_reg");
      this.temperature = params.getDouble("bagging_temperature");
      this.rsm = params.getDouble("rsm");
      this.ordered = params.getString("boosting_type").equals("Ordered");
      this.n = y.length;
      this.bias = loss.start(y);
      this.search = new SplitSearch(bins, binCount, l2, 1 << (depth - 1), pool);
      this.approx = filled(n, bias);
      this.validApprox = validY == null ? null : filled(validY.length, bias);
      this.validLeaf = validY == null ? null : new int[validY.length];
      int perms = ordered ? params.getInt("permutation_count") : 0;
      this.permutations = new int[perms][];
      this.supporting = new double[perms][];
      this.permutedY = new float[perms][];
      this.permutedLeaf = new int[perms][];
      this.permutedWeight = new double[perms][];
      for (int p = 0; p < perms; p++) {
        int[] perm = permutation(n, rnd);
        permutations[p] = perm;
        supporting[p] = filled(n, bias);
        permutedY[p] = new float[n];
        for (int pos = 0; pos < n; pos++) permutedY[p][pos] = y[perm[pos]];
        permutedLeaf[p] = new int[n];
        permutedWeight[p] = new double[n];
      }
      this.weight = new double[n];
      this.g = new double[n];
      this.h = new double[n];
      this.gh = new double[2 * n];
      this.positionG = ordered ? new double[n] : null;
      this.positionH = ordered ? new double[n] : null;
      this.leaf = new int[n];
      int k = 0;
      int[] u = new int[bins.length];
      for (int j = 0; j < bins.length; j++) if (binCount[j] > 1) u[k++] = j;
      this.usable = java.util.Arrays.copyOf(u, k);
    }

    private static double[] filled(int n, double v) {
      double[] a = new double[n];
      java.util.Arrays.fill(a, v);
      return a;
    }

    @Override
    public boolean add() {
      if (usable.length == 0) return false;
      if (ordered) orderedDerivatives(rnd.nextInt(permutations.length));
      else loss.derivatives(approx, y, g, h);
      bootstrap();
      weigh();
      java.util.Arrays.fill(leaf, 0);
      int[] features = new int[depth];
      int[] splitBins = new int[depth];
      float[] splitBorders = new float[depth];
      double[] gain = new double[bins.length];
      for (int d = 0; d < depth; d++) {
        SplitSearch.Split s = search.best(leaf, gh, 1 << d, allowedFeatures());
        features[d] = s.feature();
        splitBins[d] = s.bin();
        splitBorders[d] = borders[s.feature()][s.bin()];
        gain[s.feature()] += Math.max(0.0, s.gain());
        byte[] col = bins[s.feature()];
        int bit = 1 << d;
        int border = s.bin();
        for (int i = 0; i < n; i++) if ((col[i] & 0xFF) > border) leaf[i] |= bit;
      }
      if (ordered) {
        loss.derivatives(approx, y, g, h);
        weigh();
      }
      int leaves = 1 << depth;
      double[] sumG = new double[leaves];
      double[] sumH = new double[leaves];
      for (int i = 0; i < n; i++) {
        sumG[leaf[i]] += gh[2 * i];
        sumH[leaf[i]] += gh[2 * i + 1];
      }
      double[] values = new double[leaves];
      for (int k = 0; k < leaves; k++) values[k] = leafValue(sumG[k], sumH[k]);
      for (int i = 0; i < n; i++) approx[i] += values[leaf[i]];
      if (ordered) pool.run(permutations.length, this::advanceSupporting);
      if (validApprox != null) {
        java.util.Arrays.fill(validLeaf, 0);
        for (int d = 0; d < depth; d++) {
          byte[] col = validBins[features[d]];
          int bit = 1 << d;
          int border = splitBins[d];
          for (int i = 0; i < validLeaf.length; i++) if ((col[i] & 0xFF) > border) validLeaf[i] |= bit;
        }
        for (int i = 0; i < validLeaf.length; i++) validApprox[i] += values[validLeaf[i]];
      }
      trees.add(new ObliviousTree(features, splitBorders, values));
      gainByTree.add(gain);
      return true;
    }

    /** The Newton step of a leaf, shrunk by the learning rate; 0 for a leaf with no curvature and no l2. */
    private double leafValue(double sumG, double sumH) {
      double d = sumH + l2;
      return d > 0 ? -learningRate * sumG / d : 0.0;
    }

    private void bootstrap() {
      if (temperature == 0) {
        java.util.Arrays.fill(weight, 1.0);
        return;
      }
      for (int i = 0; i < n; i++) {
        double e = -Math.log(1.0 - rnd.nextDouble());
        weight[i] = temperature == 1.0 ? e : Math.pow(e, temperature);
      }
    }

    private void weigh() {
      for (int i = 0; i < n; i++) {
        gh[2 * i] = weight[i] * g[i];
        gh[2 * i + 1] = weight[i] * h[i];
      }
    }

    /**
     * Derivatives of every row at permutation p's supporting scores (held in position order), into
     * g and h by row.
     */
    private void orderedDerivatives(int p) {
      int[] perm = permutations[p];
      double[] a = supporting[p];
      float[] py = permutedY[p];
      loss.derivatives(a, py, positionG, positionH);
      for (int pos = 0; pos < n; pos++) {
        int i = perm[pos];
        g[i] = positionG[pos];
        h[i] = positionH[pos];
      }
    }

    private boolean[] allowedFeatures() {
      boolean[] allowed = new boolean[bins.length];
      int take = rsm >= 1.0 ? usable.length : Math.max(1, (int) Math.round(rsm * usable.length));
      if (take >= usable.length) {
        for (int f : usable) allowed[f] = true;
        return allowed;
      }
      int[] candidates = usable.clone();
      for (int i = 0; i < take; i++) {
        int j = i + rnd.nextInt(candidates.length - i);
        int t = candidates[i];
        candidates[i] = candidates[j];
        candidates[j] = t;
        allowed[candidates[i]] = true;
      }
      return allowed;
    }

    /**
     * Advances permutation p's supporting scores by the new tree (see the class comment); reads
     * {@link #leaf} and {@link #weight}. Permutation p's scores and targets are held in position
     * order, so this pass reads them sequentially.
     */
    private void advanceSupporting(int p) {
      int[] perm = permutations[p];
      double[] a = supporting[p];
      float[] py = permutedY[p];
      int[] pl = permutedLeaf[p];
      double[] pw = permutedWeight[p];
      for (int pos = 0; pos < n; pos++) {
        int i = perm[pos];
        pl[pos] = leaf[i];
        pw[pos] = weight[i];
      }
      int leaves = 1 << depth;
      double[] sumG = new double[leaves];
      double[] sumH = new double[leaves];
      double[] values = new double[leaves];
      for (int pos = 0; pos < n; pos++) {
        if (pos > 0 && (pos & (pos - 1)) == 0) {
          for (int k = 0; k < leaves; k++) values[k] = leafValue(sumG[k], sumH[k]);
        }
        int k = pl[pos];
        double before = a[pos];
        loss.accumulate(before, py[pos], pw[pos], sumG, sumH, k);
        a[pos] = before + values[k];
      }
    }

    @Override
    public double trainScore() {
      return loss.metric(approx, y);
    }

    @Override
    public double validationScore() {
      return loss.metric(validApprox, validY);
    }

    double[] gainUpTo(int treeCount) {
      double[] total = new double[bins.length];
      for (int t = 0; t < treeCount; t++) {
        double[] gain = gainByTree.get(t);
        for (int j = 0; j < total.length; j++) total[j] += gain[j];
      }
      return total;
    }
  }
}
