package dev.quiver.deep;

import dev.quiver.model.Task;

/**
 * How targets map to the net's output: binary targets are learned as logits (P = sigmoid(out));
 * regression targets are standardized with the training rows' mean and population std (ddof 0;
 * std 1 when they do not vary) and forecasts are mapped back. Immutable.
 */
record TargetScale(Task task, double mean, double std) {

  static TargetScale fit(Task task, float[] y) {
    if (task == Task.BINARY) return new TargetScale(task, 0, 1);
    double sum = 0;
    long n = 0;
    for (float v : y) {
      if (Float.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    double mean = n == 0 ? 0 : sum / n;
    double sq = 0;
    for (float v : y) if (Float.isFinite(v)) sq += (v - mean) * (v - mean);
    double std = n == 0 ? 0 : Math.sqrt(sq / n);
    return new TargetScale(task, mean, std > 0 && Double.isFinite(std) ? std : 1.0);
  }

  float toNet(float y) {
    return task == Task.BINARY ? y : (float) ((y - mean) / std);
  }

  double fromNet(float out) {
    if (task == Task.REGRESSION) return mean + std * out;
    return out >= 0 ? 1.0 / (1.0 + Math.exp(-out)) : Math.exp(out) / (1.0 + Math.exp(out));
  }

  /** The learning curve's metric: log loss for binary targets, mean squared error (target units) for regression. */
  String metric() {
    return task == Task.BINARY ? "log_loss" : "mse";
  }

  /** The metric of net outputs {@code out} against targets {@code y[viewRow(i)]}. */
  double score(float[] out, float[] y, Samples samples) {
    double sum = 0;
    int n = out.length;
    for (int i = 0; i < n; i++) {
      float t = y[samples.viewRow(i)];
      if (task == Task.BINARY) {
        double p = Math.min(Math.max(fromNet(out[i]), 1e-15), 1 - 1e-15);
        sum -= t == 1f ? Math.log(p) : Math.log(1 - p);
      } else {
        double d = fromNet(out[i]) - t;
        sum += d * d;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The training loss DJL reports (mean BCE on logits; 0.5 x mean squared error on standardized targets) in {@link #metric()} units. */
  double lossInMetricUnits(double loss) {
    return task == Task.BINARY ? loss : 2 * loss * std * std;
  }
}
