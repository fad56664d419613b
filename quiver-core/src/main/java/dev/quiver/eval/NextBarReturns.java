package dev.quiver.eval;

import dev.quiver.data.Bars;
import dev.quiver.dataset.Dataset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The return each dataset row's position earns in {@link TradingSimulator}: for row i of symbol
 * s at bar k of that symbol's bars, {@code close[k+1]/close[k] - 1}, the next bar of the same
 * symbol (whatever the label's horizon). NaN where that bar has no next bar. Equals
 * {@link Dataset#forwardReturn()} when the label's horizon is one bar. Stateless and thread-safe.
 */
public final class NextBarReturns {

  private NextBarReturns() {}

  /**
   * @param data the dataset
   * @param bars the bars the dataset was built from, one per symbol of {@code data.symbols()}
   *     (matched by symbol name, any order), at the dataset's timeframe
   * @throws IllegalArgumentException when a symbol has no bars or a row's time is not one of its symbol's bar times
   */
  public static double[] of(Dataset data, List<Bars> bars) {
    Map<String, Bars> bySymbol = new HashMap<>();
    for (Bars b : bars) bySymbol.put(b.symbol(), b);
    List<String> symbols = data.symbols();
    Bars[] ofIndex = new Bars[symbols.size()];
    for (int s = 0; s < ofIndex.length; s++) {
      ofIndex[s] = bySymbol.get(symbols.get(s));
      if (ofIndex[s] == null) throw new IllegalArgumentException("no bars for symbol " + symbols.get(s) + " among " + bySymbol.keySet());
    }
    long[] time = data.time();
    int[] symbolIndex = data.symbolIndex();
    double[] out = new double[data.rows()];
    for (int i = 0; i < out.length; i++) {
      Bars b = ofIndex[symbolIndex[i]];
      int k = Arrays.binarySearch(b.time(), time[i]);
      if (k < 0) throw new IllegalArgumentException("row " + i + " of " + b.symbol() + " at time " + time[i] + " is not one of its bars");
      double[] close = b.close();
      out[i] = k + 1 < close.length ? close[k + 1] / close[k] - 1 : Double.NaN;
    }
    return out;
  }
}
