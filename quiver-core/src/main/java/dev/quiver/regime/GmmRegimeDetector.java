package dev.quiver.regime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quiver.data.Bars;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Market regimes from a Gaussian mixture over {@link RegimeFeatures} (return, volatility, trend).
 * {@link #fit} learns on one segment of bars only: features are standardized with that
 * segment's mean and population std, the number of regimes is chosen by BIC ({@link MixtureFit}),
 * and regimes are numbered by their mean volatility, 0 the calmest, so the numbers mean the same
 * thing after a refit. {@link #labels} then gives every bar the most probable regime of its own
 * causal features: the regime of bar i depends on bars {@code 0..i} (and the fitted segment) only.
 * Bars without features (the first {@code window}) are {@value #UNKNOWN}.
 *
 * <p>Immutable and thread-safe. {@link #toJson} / {@link #fromJson} save and restore it exactly.
 */
public final class GmmRegimeDetector {

  public static final int UNKNOWN = -1;

  private final int window;
  private final double[] mean;
  private final double[] std;
  private final GaussianMixture mixture;

  private GmmRegimeDetector(int window, double[] mean, double[] std, GaussianMixture mixture) {
    this.window = window;
    this.mean = mean.clone();
    this.std = std.clone();
    this.mixture = mixture;
  }

  /** The saved form. */
  record Saved(String format, int window, double[] mean, double[] std, double[] weights, double[][] means, double[][][] covariances) {}

  static final String FORMAT = "quiver-gmm-regimes/1";

  /**
   * Fits on bars {@code [from, to)} of {@code bars} (their features only, which read back {@code
   * window} bars before {@code from} at most).
   *
   * @param maxRegimes the most regimes BIC may choose (from 1)
   */
  public static GmmRegimeDetector fit(Bars bars, int from, int to, int window, int maxRegimes) {
    return fit(RegimeFeatures.compute(bars.slice(0, to), window), from, to, window, 1, maxRegimes);
  }

  /** Fits on feature rows {@code [from, to)} with between {@code minRegimes} and {@code maxRegimes} regimes. */
  public static GmmRegimeDetector fit(double[][] features, int from, int to, int window, int minRegimes, int maxRegimes) {
    List<double[]> rows = new ArrayList<>();
    for (int i = from; i < to; i++) if (finite(features[i])) rows.add(features[i]);
    if (rows.size() < 10) {
      throw new BadInputException(Where.none(), "bars [" + from + ", " + to + ") have " + rows.size() + " bars with regime features (window " + window + ")",
          "fit the regime detector on more bars");
    }
    int d = RegimeFeatures.COUNT;
    double[] mean = new double[d];
    double[] std = new double[d];
    for (double[] r : rows) for (int j = 0; j < d; j++) mean[j] += r[j];
    for (int j = 0; j < d; j++) mean[j] /= rows.size();
    for (double[] r : rows) for (int j = 0; j < d; j++) std[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
    for (int j = 0; j < d; j++) {
      double s = Math.sqrt(std[j] / rows.size());
      std[j] = s > 0 ? s : 1.0;
    }
    double[][] z = new double[rows.size()][d];
    for (int i = 0; i < z.length; i++) for (int j = 0; j < d; j++) z[i][j] = (rows.get(i)[j] - mean[j]) / std[j];
    GaussianMixture g = MixtureFit.byBic(z, minRegimes, maxRegimes, RegimeFeatures.VOLATILITY).mixture();
    return new GmmRegimeDetector(window, mean, std, byVolatility(g));
  }

  private static GaussianMixture byVolatility(GaussianMixture g) {
    double[][] mu = g.means();
    Integer[] order = new Integer[mu.length];
    for (int j = 0; j < order.length; j++) order[j] = j;
    Arrays.sort(order, (a, b) -> Double.compare(mu[a][RegimeFeatures.VOLATILITY], mu[b][RegimeFeatures.VOLATILITY]));
    int[] o = new int[order.length];
    for (int j = 0; j < o.length; j++) o[j] = order[j];
    return g.reordered(o);
  }

  private static boolean finite(double[] row) {
    for (double v : row) if (!Double.isFinite(v)) return false;
    return true;
  }

  public int regimes() {
    return mixture.components();
  }

  public int window() {
    return window;
  }

  /** Mean volatility of each regime in the features' own units (per-bar log-return std), ascending. */
  public double[] volatility() {
    double[][] mu = mixture.means();
    double[] out = new double[mu.length];
    for (int j = 0; j < out.length; j++) out[j] = mean[RegimeFeatures.VOLATILITY] + std[RegimeFeatures.VOLATILITY] * mu[j][RegimeFeatures.VOLATILITY];
    return out;
  }

  /** The regime of every bar ({@value #UNKNOWN} where it has no features). */
  public int[] labels(Bars bars) {
    return labels(RegimeFeatures.compute(bars, window));
  }

  /** The regime of each feature row ({@value #UNKNOWN} where a feature is not finite). */
  public int[] labels(double[][] features) {
    int[] out = new int[features.length];
    double[] z = new double[RegimeFeatures.COUNT];
    double[] scratch = new double[mixture.components()];
    for (int i = 0; i < out.length; i++) out[i] = label(features[i], z, scratch);
    return out;
  }

  /** The regime of one feature row; {@code z} and {@code scratch} are work buffers of {@link RegimeFeatures#COUNT} and {@link #regimes()} values. */
  public int label(double[] features, double[] z, double[] scratch) {
    for (int j = 0; j < z.length; j++) {
      z[j] = (features[j] - mean[j]) / std[j];
      if (!Double.isFinite(z[j])) return UNKNOWN;
    }
    return mixture.classify(z, scratch);
  }

  public String toJson() {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
          new Saved(FORMAT, window, mean, std, mixture.weights(), mixture.means(), mixture.covariances()));
    } catch (JsonProcessingException e) {
      throw new InternalException("cannot write the regime detector: " + e.getMessage(), e);
    }
  }

  public static GmmRegimeDetector fromJson(String json, String source) {
    Saved s;
    try {
      s = Json.MAPPER.readValue(json, Saved.class);
    } catch (JsonProcessingException e) {
      throw new BadInputException(Where.file(source), "not a regime detector: " + e.getOriginalMessage(), "restore the file from a good copy");
    }
    if (!FORMAT.equals(s.format()) || s.mean() == null || s.std() == null || s.weights() == null || s.means() == null || s.covariances() == null) {
      throw new BadInputException(Where.file(source), "not a regime detector file (format " + s.format() + ")", "re-save it with this Quiver version");
    }
    return new GmmRegimeDetector(s.window(), s.mean(), s.std(), new GaussianMixture(s.weights(), s.means(), s.covariances()));
  }
}
