package dev.quiver.predict;

import dev.quiver.model.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's predictions for one symbol: {@code values[i]} is for the bar that opened at {@code
 * time[i]} (epoch ms) and uses that bar and earlier ones only, so it is known at that bar's close.
 * For {@link Task#BINARY} a value is P(class 1), for {@link Task#REGRESSION} the forecast, for
 * {@link Task#MULTICLASS} the score P(last class) - P(first class); a multiclass prediction also
 * has the class probabilities (row-major, {@code size() x classes.size()}) and the class names in
 * class-id order ({@code probabilities} null and {@code classes} empty for the other tasks).
 * Warm-up bars, before every feature of the model has a value, have no prediction. {@code heads}
 * holds a multi-output model's extra forecasts ({@link dev.quiver.model.MultiOutput}) on the same
 * bars, by head name; empty for other models.
 */
public record SymbolPredictions(String symbol, Task task, long[] time, double[] values, double[] probabilities, List<String> classes,
    Map<String, double[]> heads) {

  public SymbolPredictions {
    if (time.length != values.length) throw new IllegalArgumentException(time.length + " times for " + values.length + " values");
    classes = List.copyOf(classes);
    if (probabilities != null && probabilities.length != (long) values.length * classes.size()) {
      throw new IllegalArgumentException(probabilities.length + " probabilities for " + values.length + " rows of " + classes.size() + " classes");
    }
    heads = heads == null || heads.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    for (Map.Entry<String, double[]> h : heads.entrySet()) {
      if (h.getValue().length != values.length) throw new IllegalArgumentException("head " + h.getKey() + " has " + h.getValue().length + " values for " + values.length + " bars");
    }
  }

  /** Predictions of a multiclass model (no heads). */
  public SymbolPredictions(String symbol, Task task, long[] time, double[] values, double[] probabilities, List<String> classes) {
    this(symbol, task, time, values, probabilities, classes, Map.of());
  }

  /** Predictions of a binary or regression model with a multi-output model's heads. */
  public SymbolPredictions(String symbol, Task task, long[] time, double[] values, Map<String, double[]> heads) {
    this(symbol, task, time, values, null, List.of(), heads);
  }

  /** Predictions without class probabilities or heads (binary or regression). */
  public SymbolPredictions(String symbol, Task task, long[] time, double[] values) {
    this(symbol, task, time, values, null, List.of(), Map.of());
  }

  public int size() {
    return time.length;
  }
}
