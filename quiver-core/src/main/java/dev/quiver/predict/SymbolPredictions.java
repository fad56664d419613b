package dev.quiver.predict;

import dev.quiver.model.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's predictions for one symbol: {@code values[i]} is for the bar that opened at {@code
 * time[i]} (epoch ms) and uses that bar and earlier ones only, so it is known at that bar's close.
 * For {@link Task#BINARY} a value is P(class 1), for {@link Task#REGRESSION} the forecast.
 * Warm-up bars, before every feature of the model has a value, have no prediction. {@code heads}
 * holds a multi-output model's extra forecasts ({@link dev.quiver.model.MultiOutput}) on the same
 * bars, by head name; empty for other models.
 */
public record SymbolPredictions(String symbol, Task task, long[] time, double[] values, Map<String, double[]> heads) {

  public SymbolPredictions {
    if (time.length != values.length) throw new IllegalArgumentException(time.length + " times for " + values.length + " values");
    heads = heads == null || heads.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    for (Map.Entry<String, double[]> h : heads.entrySet()) {
      if (h.getValue().length != values.length) throw new IllegalArgumentException("head " + h.getKey() + " has " + h.getValue().length + " values for " + values.length + " bars");
    }
  }

  /** Predictions without heads. */
  public SymbolPredictions(String symbol, Task task, long[] time, double[] values) {
    this(symbol, task, time, values, Map.of());
  }

  public int size() {
    return time.length;
  }
}
