package dev.quiver.eval;

/**
 * Trading costs in basis points (1 bp = 0.0001) per unit of turnover, where the turnover of a
 * bar is {@code |pos_i - pos_(i-1)|} (going from flat to fully long is 1; flipping from long to
 * short is 2). {@code feeBps} covers commission and fees, {@code slippageBps} the price moving
 * against the order; both are charged on the same turnover and deducted from that bar's return:
 * {@code cost_i = |pos_i - pos_(i-1)| * (feeBps + slippageBps) / 10_000}.
 */
public record Costs(double feeBps, double slippageBps) {

  /** No costs. */
  public static final Costs NONE = new Costs(0, 0);

  public Costs {
    if (!(feeBps >= 0) || Double.isInfinite(feeBps)) throw new IllegalArgumentException("fee must be >= 0 bps and finite, got " + feeBps);
    if (!(slippageBps >= 0) || Double.isInfinite(slippageBps)) {
      throw new IllegalArgumentException("slippage must be >= 0 bps and finite, got " + slippageBps);
    }
  }

  /** The return lost per unit of turnover: {@code (feeBps + slippageBps) / 10_000}. */
  public double perUnitTurnover() {
    return (feeBps + slippageBps) / 10_000.0;
  }
}
