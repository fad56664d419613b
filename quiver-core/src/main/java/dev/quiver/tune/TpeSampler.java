package dev.quiver.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen estimator (Bergstra et al. 2011), independent per dimension: the
 * finished trials where a dimension was active are split into the best {@code min(ceil(0.1 n), 25)}
 * ("below") and the rest; each group becomes a Parzen density (one truncated Gaussian per point
 * plus a wide prior, bandwidth the larger gap to a neighbour, clipped to
 * [range / min(100, n + 1), range]; categorical: counts plus a uniform prior of weight 1); 24
 * candidates drawn from the "below" density are scored by {@code log l(x) - log g(x)} and the
 * best is proposed. Until {@code startup} trials have finished, and for a dimension with fewer
 * than 2 observations, it draws uniformly like {@link RandomSampler}. Stateless and thread-safe.
 */
public final class TpeSampler implements Sampler {

  private static final int CANDIDATES = 24;
  private final int startup;

  public TpeSampler() {
    this(10);
  }

  /** @param startup finished trials before the first model-based proposal (>= 1) */
  public TpeSampler(int startup) {
    if (startup < 1) throw new IllegalArgumentException("startup must be >= 1, got " + startup);
    this.startup = startup;
  }

  @Override
  public Map<String, Object> sample(SearchSpace space, List<Trial> history, SplittableRandom random) {
    List<Trial> done = new ArrayList<>();
    for (Trial t : history) if (t.complete()) done.add(t);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Dimension d : space.dimensions()) {
      if (!SearchSpace.active(d, out)) continue;
      if (done.size() < startup) {
        out.put(d.name(), RandomSampler.uniform(d, random));
        continue;
      }
      int n = 0;
      double[] xs = new double[done.size()];
      double[] losses = new double[done.size()];
      for (Trial t : done) {
        Object v = t.params().get(d.name());
        if (v == null) continue;
        xs[n] = d.internal(v);
        losses[n] = t.value();
        n++;
      }
      if (n < 2) {
        out.put(d.name(), RandomSampler.uniform(d, random));
        continue;
      }
      int nBelow = Math.min((int) Math.ceil(0.1 * n), 25);
      boolean[] isBelow = new boolean[n];
      for (int b = 0; b < nBelow; b++) { // the nBelow smallest losses, earliest trial first on ties
        int pick = -1;
        for (int i = 0; i < n; i++) if (!isBelow[i] && (pick < 0 || losses[i] < losses[pick])) pick = i;
        isBelow[pick] = true;
      }
      double[] below = new double[nBelow];
      double[] above = new double[n - nBelow];
      int nb = 0;
      int na = 0;
      for (int i = 0; i < n; i++) {
        if (isBelow[i]) below[nb++] = xs[i];
        else above[na++] = xs[i];
      }
      double x = d.kind() == Dimension.Kind.CATEGORICAL ? categorical(d, below, above, random) : continuous(d, below, above, random);
      out.put(d.name(), d.value(x));
    }
    return out;
  }

  private static double categorical(Dimension d, double[] below, double[] above, SplittableRandom random) {
    int k = d.choices().size();
    double[] lw = new double[k];
    double[] gw = new double[k];
    for (int i = 0; i < k; i++) {
      lw[i] = 1.0 / k;
      gw[i] = 1.0 / k;
    }
    for (double v : below) lw[(int) v] += 1;
    for (double v : above) gw[(int) v] += 1;
    double ls = 0;
    double gs = 0;
    for (int i = 0; i < k; i++) {
      ls += lw[i];
      gs += gw[i];
    }
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < CANDIDATES; c++) {
      double u = random.nextDouble() * ls;
      int pick = 0;
      while (pick < k - 1 && u >= lw[pick]) u -= lw[pick++];
      double score = Math.log(lw[pick] / ls) - Math.log(gw[pick] / gs);
      if (score > bestScore) {
        bestScore = score;
        best = pick;
      }
    }
    return best;
  }

  private static double continuous(Dimension d, double[] below, double[] above, SplittableRandom random) {
    double lo = d.internalLow();
    double hi = d.internalHigh();
    Parzen l = new Parzen(below, lo, hi);
    Parzen g = new Parzen(above, lo, hi);
    double best = Double.NaN;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < CANDIDATES; c++) {
      double x = l.draw(random);
      double score = l.logDensity(x) - g.logDensity(x);
      if (score > bestScore || Double.isNaN(best)) {
        bestScore = score;
        best = x;
      }
    }
    return best;
  }

  /** A mixture of Gaussians truncated to [lo, hi]: one per point plus a prior at the centre with the range as its width. */
  private static final class Parzen {
    final double[] mu;
    final double[] sigma;
    final double[] logNorm; // log of weight / (sigma * sqrt(2 pi) * truncated mass)
    final double lo;
    final double hi;

    Parzen(double[] points, double lo, double hi) {
      this.lo = lo;
      this.hi = hi;
      int k = points.length;
      int n = k + 1;
      mu = new double[n];
      sigma = new double[n];
      logNorm = new double[n];
      double[] sorted = points.clone();
      Arrays.sort(sorted);
      double range = hi - lo;
      double minSigma = range / Math.min(100.0, n);
      for (int i = 0; i < k; i++) {
        mu[i] = sorted[i];
        double left = i > 0 ? sorted[i] - sorted[i - 1] : sorted[i] - lo;
        double right = i < k - 1 ? sorted[i + 1] - sorted[i] : hi - sorted[i];
        sigma[i] = Math.max(minSigma, Math.min(range, Math.max(left, right)));
      }
      mu[k] = 0.5 * (lo + hi); // the prior
      sigma[k] = range;
      for (int i = 0; i < n; i++) logNorm[i] = -Math.log(n) + TruncatedGaussian.logNorm(mu[i], sigma[i], lo, hi);
    }

    double draw(SplittableRandom random) {
      int i = random.nextInt(mu.length);
      return TruncatedGaussian.draw(mu[i], sigma[i], lo, hi, random);
    }

    double logDensity(double x) {
      double max = Double.NEGATIVE_INFINITY;
      int n = mu.length;
      for (int i = 0; i < n; i++) {
        double z = (x - mu[i]) / sigma[i];
        double term = logNorm[i] - 0.5 * z * z;
        if (term > max) max = term;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        double z = (x - mu[i]) / sigma[i];
        double term = logNorm[i] - 0.5 * z * z - max;
        if (term > -40) s += Math.exp(term);
      }
      return max + Math.log(s);
    }
  }
}
