package dev.quiver.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multivariate tree-structured Parzen estimator (as Optuna's {@code multivariate=True, group=True}):
 * the dimensions are sampled jointly, in groups by the active set. The first group is every
 * unconditional dimension; once its values are chosen, the conditional dimensions they switch on
 * form the next group, and so on down the conditions. For one group, the finished trials in which
 * every dimension of the group was active are split into the best {@code min(ceil(0.1 n), 25)}
 * ("below") and the rest; each side becomes one density over the group's joint internal
 * coordinates: an equal-weight mixture of product kernels, one per trial plus a prior. A numeric
 * coordinate's kernel is a Gaussian truncated to the range with bandwidth {@code 0.2 * range *
 * m^(-1/(d+4))} (Scott's rule; {@code m} trials on that side, {@code d} dimensions in the group,
 * at least {@code range / 100}); a categorical's puts weight 1 on the trial's choice plus a uniform
 * prior of weight {@code 1/(m+1)} spread over the choices. The prior component is a Gaussian of
 * width {@code range} at the centre and the uniform distribution over the choices. 24 joint
 * candidates drawn from the "below" density are scored by {@code log l(x) - log g(x)} and the best
 * is proposed, so values that were good together stay together, which the per-dimension
 * {@link TpeSampler} cannot see. Until {@code startup} trials have finished, and for a group with
 * fewer than 2 trials where it was active, it draws uniformly like {@link RandomSampler}.
 * Stateless and thread-safe.
 */
public final class MultivariateTpeSampler implements Sampler {

  private static final int CANDIDATES = 24;
  private final int startup;

  public MultivariateTpeSampler() {
    this(10);
  }

  /** @param startup finished trials before the first model-based proposal (>= 1) */
  public MultivariateTpeSampler(int startup) {
    if (startup < 1) throw new IllegalArgumentException("startup must be >= 1, got " + startup);
    this.startup = startup;
  }

  @Override
  public Map<String, Object> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
    List<Trial> done = new ArrayList<>();
    for (Trial t : history) if (t.complete()) done.add(t);
    Map<String, Object> out = new LinkedHashMap<>();
    if (done.size() < startup) {
      for (Dimension d : space.dimensions()) if (SearchSpace.active(d, out)) out.put(d.name(), RandomSampler.uniform(d, random));
      return out;
    }
    List<Dimension> group = new ArrayList<>();
    while (true) {
      group.clear();
      for (Dimension d : space.dimensions()) if (!out.containsKey(d.name()) && SearchSpace.active(d, out)) group.add(d);
      if (group.isEmpty()) return out;
      sampleGroup(group, done, out, random);
    }
  }

  private static void sampleGroup(List<Dimension> group, List<Trial> done, Map<String, Object> out, SplittableRandom random) {
    int dims = group.size();
    int n = 0;
    double[] xs = new double[done.size() * dims];
    double[] losses = new double[done.size()];
    for (Trial t : done) {
      boolean all = true;
      for (int j = 0; j < dims && all; j++) all = t.params().get(group.get(j).name()) != null;
      if (!all) continue;
      for (int j = 0; j < dims; j++) xs[n * dims + j] = group.get(j).internal(t.params().get(group.get(j).name()));
      losses[n++] = t.value();
    }
    if (n < 2) {
      for (Dimension d : group) out.put(d.name(), RandomSampler.uniform(d, random));
      return;
    }
    int nBelow = Math.min((int) Math.ceil(0.1 * n), 25);
    boolean[] isBelow = new boolean[n];
    for (int b = 0; b < nBelow; b++) { // the nBelow smallest losses, earliest trial first on ties
      int pick = -1;
      for (int i = 0; i < n; i++) if (!isBelow[i] && (pick < 0 || losses[i] < losses[pick])) pick = i;
      isBelow[pick] = true;
    }
    double[] below = new double[nBelow * dims];
    double[] above = new double[(n - nBelow) * dims];
    int nb = 0;
    int na = 0;
    for (int i = 0; i < n; i++) {
      if (isBelow[i]) System.arraycopy(xs, i * dims, below, dims * nb++, dims);
      else System.arraycopy(xs, i * dims, above, dims * na++, dims);
    }
    JointParzen l = new JointParzen(group, below, nBelow);
    JointParzen g = new JointParzen(group, above, n - nBelow);
    double[] candidate = new double[dims];
    double[] best = new double[dims];
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < CANDIDATES; c++) {
      l.draw(random, candidate);
      double score = l.logDensity(candidate) - g.logDensity(candidate);
      if (c == 0 || score > bestScore) {
        bestScore = score;
        System.arraycopy(candidate, 0, best, 0, dims);
      }
    }
    for (int j = 0; j < dims; j++) out.put(group.get(j).name(), group.get(j).value(best[j]));
  }

  /**
   * An equal-weight mixture of {@code m + 1} product kernels over {@code d} coordinates: one per
   * point (row-major {@code points}) and the prior, last. Numeric coordinates keep their kernel's
   * log normaliser per component; categorical ones the log probability of each choice.
   */
  private static final class JointParzen {
    private final int dims;
    private final int components;
    private final boolean[] categorical;
    private final double[] lo;
    private final double[] hi;
    private final double[] sigma; // per component and dimension, row-major
    private final double[] mu;
    private final double[] logNorm; // numeric: log normaliser of the truncated kernel
    private final double[][] logProb; // categorical dimension j: component * choices + choice
    private final int[] choices;
    private final double logWeight;

    JointParzen(List<Dimension> group, double[] points, int m) {
      dims = group.size();
      components = m + 1;
      categorical = new boolean[dims];
      lo = new double[dims];
      hi = new double[dims];
      choices = new int[dims];
      mu = new double[components * dims];
      sigma = new double[components * dims];
      logNorm = new double[components * dims];
      logProb = new double[dims][];
      logWeight = -Math.log(components);
      double shrink = Math.pow(Math.max(m, 1), -1.0 / (dims + 4));
      for (int j = 0; j < dims; j++) {
        Dimension d = group.get(j);
        if (d.kind() == Dimension.Kind.CATEGORICAL) {
          categorical[j] = true;
          int k = d.choices().size();
          choices[j] = k;
          double prior = 1.0 / components;
          double[] lp = new double[components * k];
          double logOther = Math.log(prior / (1 + k * prior));
          double logOwn = Math.log((1 + prior) / (1 + k * prior));
          for (int i = 0; i < m; i++) {
            int own = (int) points[i * dims + j];
            for (int c = 0; c < k; c++) lp[i * k + c] = c == own ? logOwn : logOther;
            mu[i * dims + j] = own;
          }
          for (int c = 0; c < k; c++) lp[m * k + c] = -Math.log(k);
          logProb[j] = lp;
          continue;
        }
        lo[j] = d.internalLow();
        hi[j] = d.internalHigh();
        double range = hi[j] - lo[j];
        double bandwidth = Math.max(range / 100, 0.2 * range * shrink);
        for (int i = 0; i < m; i++) {
          mu[i * dims + j] = points[i * dims + j];
          sigma[i * dims + j] = bandwidth;
        }
        mu[m * dims + j] = 0.5 * (lo[j] + hi[j]);
        sigma[m * dims + j] = range;
        for (int i = 0; i < components; i++) {
          logNorm[i * dims + j] = TruncatedGaussian.logNorm(mu[i * dims + j], sigma[i * dims + j], lo[j], hi[j]);
        }
      }
    }

    /** Writes a draw into {@code x}: a component chosen uniformly, then each coordinate from its kernel. */
    void draw(SplittableRandom random, double[] x) {
      int i = random.nextInt(components);
      for (int j = 0; j < dims; j++) {
        if (categorical[j]) {
          int k = choices[j];
          double u = random.nextDouble();
          int pick = 0;
          double[] lp = logProb[j];
          while (pick < k - 1) {
            u -= Math.exp(lp[i * k + pick]);
            if (u < 0) break;
            pick++;
          }
          x[j] = pick;
        } else {
          x[j] = TruncatedGaussian.draw(mu[i * dims + j], sigma[i * dims + j], lo[j], hi[j], random);
        }
      }
    }

    double logDensity(double[] x) {
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (int i = 0; i < components; i++) {
        double term = logWeight;
        int base = i * dims;
        for (int j = 0; j < dims; j++) {
          if (categorical[j]) {
            term += logProb[j][i * choices[j] + (int) x[j]];
          } else {
            double z = (x[j] - mu[base + j]) / sigma[base + j];
            term += logNorm[base + j] - 0.5 * z * z;
          }
        }
        // streaming log-sum-exp: rescale the running sum when a larger term arrives
        if (term > max) {
          sum = sum * Math.exp(max - term) + 1;
          max = term;
        } else {
          sum += Math.exp(term - max);
        }
      }
      return max + Math.log(sum);
    }
  }
}
