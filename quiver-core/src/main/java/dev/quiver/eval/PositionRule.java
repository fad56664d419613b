package dev.quiver.eval;

/**
 * How one prediction becomes a position, a signed fraction of the capital given to that symbol:
 * +1 fully long, -1 fully short, 0 flat. The position decided from the prediction of bar i is
 * held over the next bar (see {@link TradingSimulator}). Implementations are immutable and
 * thread-safe; a NaN prediction is refused by the simulator before a rule sees it.
 */
public sealed interface PositionRule permits PositionRule.Thresholds, PositionRule.ForecastSign, PositionRule.ConfidenceSized,
    PositionRule.ScoreBand {

  /** The position for one prediction, in [-1, 1]. */
  double position(double prediction);

  /**
   * For probabilities p = P(up): long (+1) when {@code p >= upper}, short (-1) when {@code p <=
   * lower}, flat (0) strictly between. Both ends inclusive. {@code lower} may be
   * {@code Double.NEGATIVE_INFINITY} for a long-only rule.
   */
  record Thresholds(double lower, double upper) implements PositionRule {

    public Thresholds {
      if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
        throw new IllegalArgumentException("thresholds need lower < upper, got lower " + lower + ", upper " + upper);
      }
    }

    /** Long at {@code p >= 0.5 + band}, short at {@code p <= 0.5 - band}; band in (0, 0.5]. */
    public static Thresholds symmetric(double band) {
      if (!(band > 0 && band <= 0.5)) throw new IllegalArgumentException("band must be in (0, 0.5], got " + band);
      return new Thresholds(0.5 - band, 0.5 + band);
    }

    /** Long at {@code p >= upper}, otherwise flat: never short. */
    public static Thresholds longOnly(double upper) {
      return new Thresholds(Double.NEGATIVE_INFINITY, upper);
    }

    @Override
    public double position(double p) {
      return p >= upper ? 1.0 : p <= lower ? -1.0 : 0.0;
    }
  }

  /** For return forecasts f: +1 when f > 0, -1 when f < 0, 0 when f == 0. */
  record ForecastSign() implements PositionRule {
    @Override
    public double position(double f) {
      return f > 0 ? 1.0 : f < 0 ? -1.0 : 0.0;
    }
  }

  /**
   * For probabilities, sized by confidence: {@code clip((p - 0.5) * 2 * scale, -1, 1)}. At scale
   * 1 the position is linear in p from -1 at p = 0 to +1 at p = 1; at scale 10 it is full size
   * from p = 0.55 up (and -1 from 0.45 down). Scale must be positive and finite.
   */
  record ConfidenceSized(double scale) implements PositionRule {

    public ConfidenceSized {
      if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
    }

    @Override
    public double position(double p) {
      return Math.max(-1.0, Math.min(1.0, (p - 0.5) * 2 * scale));
    }
  }

  /**
   * For multiclass scores s = P(up) - P(down) in [-1, 1] ({@link dev.quiver.model.Predictions}):
   * long (+1) when {@code s > band}, short (-1) when {@code s < -band}, flat (0) otherwise (both
   * ends exclusive, so at band 0 a score of exactly 0 is flat). {@code band} in [0, 1).
   */
  record ScoreBand(double band) implements PositionRule {

    /** The default band of a multiclass backtest: 0.05. */
    public static final double DEFAULT_BAND = 0.05;

    public ScoreBand {
      if (!(band >= 0 && band < 1)) throw new IllegalArgumentException("score band must be in [0, 1), got " + band);
    }

    @Override
    public double position(double s) {
      return s > band ? 1.0 : s < -band ? -1.0 : 0.0;
    }
  }
}
