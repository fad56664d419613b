package dev.quiver.ensemble;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quiver.error.InternalException;
import dev.quiver.model.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Online, regime-aware weights for a fixed list of models, updated from each model's realised
 * results as bars close. Per regime and model it keeps exponentially decayed sums (each update
 * multiplies the old sums by {@code decay}): wins, trades and profit in basis points. A model's
 * base weight in a regime is
 * <pre>
 *   winRate = (wins + prior / 2) / (trades + prior)          (shrunk towards 1/2)
 *   profit  = profitBps / (trades + prior)                     (decayed mean, bps)
 *   q       = profit / profitScaleBps
 *   base    = exp(winSharpness * (winRate - 1/2) + profitSharpness * q / sqrt(1 + q^2))
 * </pre>
 * so a model with no history in a regime starts at weight 1 (equal), and each regime learns
 * separately.
 *
 * <p><b>Agreement.</b> A prediction above {@code center} votes up, below it down. When the
 * base-weighted majority holds at least {@code confidence} of the weight and the confident
 * majority of this regime has been right (its decayed hit rate {@code r}, shrunk like winRate, is
 * above 1/2), a model voting against it is multiplied by {@code 1 - agreementPenalty * (2r - 1)}.
 * Whether the majority was right is learned from the updates that follow a {@link #combine}
 * call: a model's direction and its {@code won} give the outcome's direction.
 *
 * <p>Weights sum to 1. {@link #updatePerformance} and {@link #combine} allocate nothing. The whole
 * state, including the last call's votes, is {@link #state() exported} as a record of arrays
 * and restored exactly by {@link #restore}. Not thread-safe: one combiner per stream of bars.
 */
public final class DynamicCombiner {

  /**
   * @param decay weight of the past at each update, in (0, 1]; 0.97 gives a half-life of about 23 updates
   * @param prior pseudo-trades that shrink win rates towards 1/2
   * @param winSharpness how strongly the win-rate edge moves the weight
   * @param profitSharpness how strongly the decayed mean profit moves the weight
   * @param profitScaleBps the profit, in bps, at which its effect is 1/sqrt(2) of its most
   * @param agreementPenalty how much a dissenting model loses against a majority that is always right, in [0, 1]
   * @param confidence share of the weight a majority needs to count as confident, in [0.5, 1]
   * @param center the prediction value that separates up from down (0.5 for probabilities, 0 for return forecasts)
   */
  public record Settings(double decay, double prior, double winSharpness, double profitSharpness, double profitScaleBps,
      double agreementPenalty, double confidence, double center) {

    public static final Settings DEFAULT = new Settings(0.97, 5, 8, 1, 10, 0.5, 0.6, 0.5);

    public Settings {
      if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
      if (!(prior > 0)) throw new IllegalArgumentException("prior must be positive, got " + prior);
      if (!(profitScaleBps > 0)) throw new IllegalArgumentException("profitScaleBps must be positive, got " + profitScaleBps);
      if (!(agreementPenalty >= 0 && agreementPenalty <= 1)) throw new IllegalArgumentException("agreementPenalty must be in [0, 1], got " + agreementPenalty);
      if (!(confidence >= 0.5 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0.5, 1], got " + confidence);
    }
  }

  /**
   * Everything a combiner knows, for saving: per regime r and model m, index {@code r * models + m}.
   * {@code lastVote} is each model's vote at the last {@link #combine} (+1, -1, 0), {@code
   * lastRegime} that call's regime (-1 before any), {@code lastMajority} the confident majority's
   * vote (0 when there was none) and {@code majorityScored} whether an update has scored it yet.
   */
  public record State(List<String> models, int regimes, Settings settings, double[] wins, double[] trades, double[] profitBps,
      double[] majorityHits, double[] majorityCalls, int[] lastVote, int lastRegime, int lastMajority, boolean majorityScored) {

    public State {
      models = List.copyOf(models);
    }
  }

  private final List<String> models;
  private final Map<String, Integer> index = new HashMap<>();
  private final int m;
  private final int regimes;
  private final Settings s;
  private final double[] wins;
  private final double[] trades;
  private final double[] profit;
  private final double[] majorityHits;
  private final double[] majorityCalls;
  private final int[] lastVote;
  private int lastRegime = -1;
  private int lastMajority;
  private boolean majorityScored = true;
  private final double[] weights;

  /** A combiner with no history: every model has weight 1/models in every regime. */
  public DynamicCombiner(List<String> models, int regimes, Settings settings) {
    this(new State(models, regimes, settings, new double[regimes * models.size()], new double[regimes * models.size()],
        new double[regimes * models.size()], new double[regimes], new double[regimes], new int[models.size()], -1, 0, true));
  }

  private DynamicCombiner(State st) {
    this.models = st.models();
    this.m = models.size();
    this.regimes = st.regimes();
    this.s = st.settings();
    if (m == 0 || regimes < 1) throw new IllegalArgumentException("a dynamic combiner needs models and at least 1 regime");
    for (int i = 0; i < m; i++) {
      if (index.put(models.get(i), i) != null) throw new IllegalArgumentException("model " + models.get(i) + " listed twice");
    }
    int cells = regimes * m;
    if (st.wins().length != cells || st.trades().length != cells || st.profitBps().length != cells || st.majorityHits().length != regimes
        || st.majorityCalls().length != regimes || st.lastVote().length != m || st.lastRegime() < -1 || st.lastRegime() >= regimes) {
      throw new BadInputException(Where.none(), "dynamic combiner state does not fit " + m + " models and " + regimes + " regimes", "re-save the combiner");
    }
    this.wins = st.wins().clone();
    this.trades = st.trades().clone();
    this.profit = st.profitBps().clone();
    this.majorityHits = st.majorityHits().clone();
    this.majorityCalls = st.majorityCalls().clone();
    this.lastVote = st.lastVote().clone();
    this.lastRegime = st.lastRegime();
    this.lastMajority = st.lastMajority();
    this.majorityScored = st.majorityScored();
    this.weights = new double[m];
  }

  /** A combiner in exactly the state {@code state} describes. */
  public static DynamicCombiner restore(State state) {
    return new DynamicCombiner(state);
  }

  public State state() {
    return new State(models, regimes, s, wins.clone(), trades.clone(), profit.clone(), majorityHits.clone(), majorityCalls.clone(),
        lastVote.clone(), lastRegime, lastMajority, majorityScored);
  }

  /** The state as JSON; {@link #fromJson} restores it exactly (doubles round-trip). */
  public String toJson() {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state());
    } catch (JsonProcessingException e) {
      throw new InternalException("cannot write the dynamic combiner state: " + e.getMessage(), e);
    }
  }

  /** A combiner restored from {@link #toJson}'s text ({@code source} names it in errors). */
  public static DynamicCombiner fromJson(String json, String source) {
    State st;
    try {
      st = Json.MAPPER.readValue(json, State.class);
    } catch (JsonProcessingException e) {
      throw new BadInputException(Where.file(source), "not a dynamic combiner state: " + e.getOriginalMessage(), "restore the file from a good copy");
    }
    return restore(fromJsonState(st, source));
  }

  /** {@code st} as read from JSON, checked to be complete and consistent. */
  static State fromJsonState(State st, String source) {
    if (st.models() == null || st.settings() == null || st.wins() == null || st.trades() == null || st.profitBps() == null
        || st.majorityHits() == null || st.majorityCalls() == null || st.lastVote() == null) {
      throw new BadInputException(Where.file(source), "the dynamic combiner state misses fields", "restore the file from a good copy");
    }
    return restore(st).state();
  }

  public List<String> models() {
    return models;
  }

  public int regimes() {
    return regimes;
  }

  /** Records a realised result of {@code model} in {@code regime}: whether its call won and the profit in basis points. */
  public void updatePerformance(String model, boolean won, double profitBps, int regime) {
    updatePerformance(indexOf(model), won, profitBps, regime);
  }

  /** {@link #updatePerformance(String, boolean, double, int)} by the model's position in {@link #models()}. */
  public void updatePerformance(int model, boolean won, double profitBps, int regime) {
    checkRegime(regime);
    int c = regime * m + model;
    double d = s.decay();
    wins[c] = d * wins[c] + (won ? 1 : 0);
    trades[c] = d * trades[c] + 1;
    if (Double.isFinite(profitBps)) profit[c] = d * profit[c] + profitBps;
    if (!majorityScored && regime == lastRegime && lastVote[model] != 0) {
      int outcome = won ? lastVote[model] : -lastVote[model];
      majorityHits[regime] = d * majorityHits[regime] + (outcome == lastMajority ? 1 : 0);
      majorityCalls[regime] = d * majorityCalls[regime] + 1;
      majorityScored = true;
    }
  }

  /**
   * The weights of {@code models} (a subset or reordering of {@link #models()}) in {@code regime}
   * for these {@code predictions} (one per listed model), renormalised over the listed models.
   * Allocates the result; {@link #combine} is the allocation-free path.
   */
  public double[] weights(int regime, List<String> models, double[] predictions) {
    if (predictions.length != models.size()) throw new IllegalArgumentException(predictions.length + " predictions for " + models.size() + " models");
    double[] all = new double[m];
    boolean[] listed = new boolean[m];
    for (int i = 0; i < models.size(); i++) {
      int k = indexOf(models.get(i));
      all[k] = predictions[i];
      listed[k] = true;
    }
    weightsInto(regime, all, listed);
    double[] out = new double[models.size()];
    for (int i = 0; i < out.length; i++) out[i] = weights[indexOf(models.get(i))];
    return out;
  }

  /**
   * The weighted prediction of all models (in {@link #models()} order) in {@code regime}; the
   * weights used stay readable through {@link #lastWeights}. Records the votes that the next
   * updates score the majority with.
   */
  public double combine(int regime, double[] predictions) {
    if (predictions.length != m) throw new IllegalArgumentException(predictions.length + " predictions for " + m + " models");
    weightsInto(regime, predictions, null);
    double out = 0;
    for (int i = 0; i < m; i++) out += weights[i] * predictions[i];
    return out;
  }

  /** The weights of the last {@link #combine} or {@link #weights} call (a copy). */
  public double[] lastWeights() {
    return weights.clone();
  }

  private void weightsInto(int regime, double[] predictions, boolean[] listed) {
    checkRegime(regime);
    double prior = s.prior();
    double up = 0;
    double down = 0;
    for (int i = 0; i < m; i++) {
      if (listed != null && !listed[i]) {
        weights[i] = 0;
        lastVote[i] = 0;
        continue;
      }
      int c = regime * m + i;
      double n = trades[c] + prior;
      double winRate = (wins[c] + prior / 2) / n;
      double meanProfit = profit[c] / n;
      double q = meanProfit / s.profitScaleBps();
      double w = Math.exp(s.winSharpness() * (winRate - 0.5) + s.profitSharpness() * q / Math.sqrt(1 + q * q));
      weights[i] = w;
      double p = predictions[i];
      int vote = p > s.center() ? 1 : p < s.center() ? -1 : 0;
      lastVote[i] = vote;
      if (vote > 0) up += w;
      else if (vote < 0) down += w;
    }
    double total = 0;
    for (int i = 0; i < m; i++) total += weights[i];
    int majority = 0;
    if (up >= s.confidence() * total && up > down) majority = 1;
    else if (down >= s.confidence() * total && down > up) majority = -1;
    lastRegime = regime;
    lastMajority = majority;
    majorityScored = majority == 0;
    if (majority != 0) {
      double r = (majorityHits[regime] + prior / 2) / (majorityCalls[regime] + prior);
      if (r > 0.5) {
        double factor = 1 - s.agreementPenalty() * (2 * r - 1);
        for (int i = 0; i < m; i++) if (lastVote[i] == -majority) weights[i] *= factor;
      }
    }
    double sum = 0;
    for (int i = 0; i < m; i++) sum += weights[i];
    if (sum > 0) {
      for (int i = 0; i < m; i++) weights[i] /= sum;
    }
  }

  private int indexOf(String model) {
    Integer k = index.get(model);
    if (k == null) throw BadInputException.unknown("model", model, models);
    return k;
  }

  private void checkRegime(int regime) {
    if (regime < 0 || regime >= regimes) throw new IllegalArgumentException("regime " + regime + " is outside [0, " + regimes + ")");
  }
}
