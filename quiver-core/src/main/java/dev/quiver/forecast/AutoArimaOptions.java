package dev.quiver.forecast;

import dev.quiver.error.BadInputException;

/**
 * Bounds of the automatic order search: {@code 0..maxP} AR lags, {@code 0..maxQ} MA lags, and
 * either a fixed differencing {@code d} ({@code fixedD >= 0}) or at most {@code maxD} differences
 * chosen by KPSS tests ({@code fixedD = -1}); {@code fullGrid} tries every (p, q) instead of the
 * stepwise search.
 */
public record AutoArimaOptions(int maxP, int maxQ, int maxD, int fixedD, boolean fullGrid) {

  public AutoArimaOptions {
    if (maxP < 0 || maxQ < 0 || maxP > ArimaOrder.MAX_LAGS || maxQ > ArimaOrder.MAX_LAGS) {
      throw new BadInputException("--max-p and --max-q must be in 0.." + ArimaOrder.MAX_LAGS + ", got " + maxP + " and " + maxQ);
    }
    if (maxD < 0 || maxD > ArimaOrder.MAX_D) throw new BadInputException("--max-d must be in 0.." + ArimaOrder.MAX_D + ", got " + maxD);
    if (fixedD < -1 || fixedD > ArimaOrder.MAX_D) throw new BadInputException("--d must be in 0.." + ArimaOrder.MAX_D + ", got " + fixedD);
  }

  /** auto.arima's defaults for non-seasonal data here: p, q up to 3, d up to 1 by KPSS, stepwise. */
  public static AutoArimaOptions defaults() {
    return new AutoArimaOptions(3, 3, 1, -1, false);
  }
}
