package dev.quiver.features;

import dev.quiver.data.Bars;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;

/**
 * A numeric column of the input file other than OHLCV ({@link Bars#extras()}), passed through
 * unchanged: the user's own signal. It is the user's job that the column is causal (known at
 * the bar's close). Thread-safe.
 */
public record InputColumn(String column) implements Feature {

  public InputColumn {
    java.util.Objects.requireNonNull(column, "column");
  }

  @Override
  public String name() {
    return column;
  }

  @Override
  public int lookback() {
    return 0;
  }

  @Override
  public void compute(Bars bars, double[] out) {
    double[] values = bars.extras().get(column);
    if (values == null) {
      throw new BadInputException(Where.none(), "the input of " + bars.symbol() + " has no column '" + column + "'",
          bars.extras().isEmpty() ? "the input has no extra numeric columns" : "columns available: " + String.join(", ", bars.extras().keySet()));
    }
    System.arraycopy(values, 0, out, 0, values.length);
  }
}
