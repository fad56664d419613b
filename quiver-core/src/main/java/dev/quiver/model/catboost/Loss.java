package dev.quiver.model.catboost;

import dev.quiver.model.Task;

/**
 * The two objectives, on raw scores (log-odds for {@code LOGLOSS}): first and second derivatives
 * of the per-row loss with respect to the raw score, the starting constant, and the metric the
 * learning curve records (mean log-loss, or root mean squared error). Stateless.
 */
enum Loss {

  /** Binary cross-entropy on log-odds; targets 0/1. */
  LOGLOSS("logloss") {
    @Override
    void derivatives(double[] approx, float[] y, double[] g, double[] h) {
      for (int i = 0; i < approx.length; i++) {
        double p = sigmoid(approx[i]);
        g[i] = p - y[i];
        h[i] = p * (1 - p);
      }
    }

    @Override
    void accumulate(double approx, float y, double w, double[] sumG, double[] sumH, int k) {
      double p = sigmoid(approx);
      sumG[k] += w * (p - y);
      sumH[k] += w * (p * (1 - p));
    }

    @Override
    double metric(double[] approx, float[] y) {
      double s = 0;
      for (int i = 0; i < approx.length; i++) {
        double a = approx[i];
        double softplus = a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
        s += softplus - y[i] * a;
      }
      return s / approx.length;
    }

    @Override
    double start(float[] y) {
      double pos = 0;
      for (float v : y) pos += v;
      double rate = Math.min(Math.max(pos / y.length, 1e-6), 1 - 1e-6);
      return Math.log(rate / (1 - rate));
    }
  },

  /** Squared error; real targets. */
  RMSE("rmse") {
    @Override
    void derivatives(double[] approx, float[] y, double[] g, double[] h) {
      for (int i = 0; i < approx.length; i++) {
        g[i] = approx[i] - y[i];
        h[i] = 1;
      }
    }

    @Override
    void accumulate(double approx, float y, double w, double[] sumG, double[] sumH, int k) {
      sumG[k] += w * (approx - y);
      sumH[k] += w;
    }

    @Override
    double metric(double[] approx, float[] y) {
      double s = 0;
      for (int i = 0; i < approx.length; i++) {
        double d = approx[i] - y[i];
        s += d * d;
      }
      return Math.sqrt(s / approx.length);
    }

    @Override
    double start(float[] y) {
      double s = 0;
      for (float v : y) s += v;
      return s / y.length;
    }
  };

  final String metricName;

  Loss(String metricName) {
    this.metricName = metricName;
  }

  static Loss of(Task task) {
    return task == Task.BINARY ? LOGLOSS : RMSE;
  }

  static double sigmoid(double a) {
    return a >= 0 ? 1.0 / (1.0 + Math.exp(-a)) : Math.exp(a) / (1.0 + Math.exp(a));
  }

  /** Fills g and h with the derivatives at every row. */
  abstract void derivatives(double[] approx, float[] y, double[] g, double[] h);

  /** Adds {@code w} times one row's first and second derivative to {@code sumG[k]} and {@code sumH[k]}. */
  abstract void accumulate(double approx, float y, double w, double[] sumG, double[] sumH, int k);

  /** The learning-curve metric of raw scores {@code approx} against {@code y}; lower is better. */
  abstract double metric(double[] approx, float[] y);

  /** The best constant raw score: log-odds of the positive rate, or the mean. */
  abstract double start(float[] y);
}
