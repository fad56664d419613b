package dev.quiver.predict;

import dev.quiver.model.Task;

/**
 * A model's predictions for one symbol: {@code values[i]} is for the bar that opened at {@code
 * time[i]} (epoch ms) and uses that bar and earlier ones only, so it is known at that bar's close.
 * For {@link Task#BINARY} a value is P(class 1), for {@link Task#REGRESSION} the forecast.
 * Warm-up bars, before every feature of the model has a value, have no prediction.
 */
public record SymbolPredictions(String symbol, Task task, long[] time, double[] values) {

  public SymbolPredictions {
    if (time.length != values.length) throw new IllegalArgumentException(time.length + " times for " + values.length + " values");
  }

  public int size() {
    return time.length;
  }
}
