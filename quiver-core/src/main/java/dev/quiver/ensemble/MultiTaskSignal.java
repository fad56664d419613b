package dev.quiver.ensemble;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Json;
import dev.quiver.model.Task;
import java.util.List;

/**
 * The multi-task strategy: one trading signal in [-1, 1] from models of several targets (next-bar
 * direction, forward return, triple barrier, ...). Each target's prediction is centred and scaled
 * to a score, {@code clamp((p - center) / scale, -1, 1)}: binary targets use center 0.5 and scale
 * 0.5 (P(up) 1 is +1); regression targets use center 0 and scale the root mean square of their
 * predictions on the training rows ({@link #calibrate}), so a typical forecast scores about 1. The
 * signal is the weighted mean of the scores, {@code sum(w * score) / sum(|w|)}; a negative weight
 * flips a target whose high values mean down (a drawdown forecast). Immutable and thread-safe;
 * {@link #toJson} / {@link #fromJson} save and restore it exactly.
 */
public record MultiTaskSignal(List<String> targets, List<Task> tasks, double[] centers, double[] scales, double[] weights) {

  public MultiTaskSignal {
    targets = List.copyOf(targets);
    tasks = List.copyOf(tasks);
    int k = targets.size();
    if (k == 0 || tasks.size() != k || centers.length != k || scales.length != k || weights.length != k) {
      throw new IllegalArgumentException("a multi-task signal needs one task, center, scale and weight per target");
    }
    double sum = 0;
    for (int t = 0; t < k; t++) {
      if (!(scales[t] > 0)) throw new IllegalArgumentException("scale of target " + targets.get(t) + " must be positive, got " + scales[t]);
      sum += Math.abs(weights[t]);
    }
    if (!(sum > 0)) throw new IllegalArgumentException("multi-task weights are all zero");
  }

  /**
   * Centers and scales from the models' predictions on the training rows, {@code
   * trainPredictions[target][row]}.
   */
  public static MultiTaskSignal calibrate(List<String> targets, List<Task> tasks, double[][] trainPredictions, double[] weights) {
    int k = targets.size();
    double[] centers = new double[k];
    double[] scales = new double[k];
    for (int t = 0; t < k; t++) {
      if (tasks.get(t) == Task.BINARY) {
        centers[t] = 0.5;
        scales[t] = 0.5;
      } else {
        double s = 0;
        int n = 0;
        for (double p : trainPredictions[t]) {
          if (Double.isFinite(p)) {
            s += p * p;
            n++;
          }
        }
        scales[t] = n == 0 || s == 0 ? 1.0 : Math.sqrt(s / n);
      }
    }
    return new MultiTaskSignal(targets, tasks, centers, scales, weights);
  }

  /** The signal per row from {@code predictions[target][row]}. */
  public double[] signal(double[][] predictions) {
    int k = targets.size();
    if (predictions.length != k) throw new IllegalArgumentException(predictions.length + " prediction arrays for " + k + " targets");
    int n = predictions[0].length;
    double norm = 0;
    for (double w : weights) norm += Math.abs(w);
    double[] out = new double[n];
    for (int t = 0; t < k; t++) {
      double[] p = predictions[t];
      if (p.length != n) throw new IllegalArgumentException("target " + targets.get(t) + " has " + p.length + " predictions, not " + n);
      double w = weights[t] / norm;
      double c = centers[t];
      double inv = 1.0 / scales[t];
      for (int r = 0; r < n; r++) out[r] += w * Math.max(-1.0, Math.min(1.0, (p[r] - c) * inv));
    }
    return out;
  }

  public String toJson() {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new InternalException("cannot write the multi-task signal: " + e.getMessage(), e);
    }
  }

  public static MultiTaskSignal fromJson(String json, String source) {
    try {
      return Json.MAPPER.readValue(json, MultiTaskSignal.class);
    } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
      throw new BadInputException(Where.file(source), "not a multi-task signal: " + e.getMessage(), "restore the file from a good copy");
    }
  }
}
