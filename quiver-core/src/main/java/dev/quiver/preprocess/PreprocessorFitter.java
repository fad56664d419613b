package dev.quiver.preprocess;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.model.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link PreprocessSpec} on training rows: each step's statistics come from the training
 * rows as the steps before it left them (so scaling after imputation sees the imputed values),
 * ignoring NaN. Never sees validation or test rows: the caller passes the training segment only.
 * Stateless.
 */
public final class PreprocessorFitter {

  private PreprocessorFitter() {}

  /** Fits {@code spec} on {@code x} with targets {@code y} (used by {@code select=top:K} only). */
  public static Preprocessor fit(PreprocessSpec spec, Matrix x, float[] y) {
    int rows = x.rows();
    int cols = x.cols();
    if (rows == 0) throw new BadInputException(Where.none(), "cannot fit preprocessing " + spec + " on no training rows", "give the training segment rows");
    float[] data = new float[rows * cols];
    System.arraycopy(x.data(), x.offset() * cols, data, 0, rows * cols);
    List<String> names = new ArrayList<>(x.names());
    List<FittedStep> steps = new ArrayList<>();
    for (PreprocessSpec.Step s : spec.steps()) {
      FittedStep f = switch (s.kind()) {
        case "impute" -> impute(s.argument(), data, rows, cols);
        case "scale" -> scale(s.argument(), data, rows, cols);
        case "clip" -> clip(s.argument(), data, rows, cols);
        case "select" -> select(s.argument(), data, rows, cols, names, y);
        default -> throw new IllegalStateException("unknown step " + s.kind());
      };
      cols = f.apply(data, rows, cols);
      if (f.kind().equals("select")) {
        List<String> kept = new ArrayList<>();
        for (int k : f.keep()) kept.add(names.get(k));
        names = kept;
      }
      steps.add(f);
    }
    return new Preprocessor(Preprocessor.FORMAT, spec.toString(), x.names(), names, steps);
  }

  private static FittedStep impute(String method, float[] data, int rows, int cols) {
    double[] fill = new double[cols];
    for (int j = 0; j < cols; j++) {
      double[] v = finite(data, rows, cols, j);
      fill[j] = v.length == 0 || method.equals("zero") ? 0.0 : method.equals("mean") ? mean(v) : quantile(v, 0.5);
    }
    return new FittedStep("impute", method, fill, null, null);
  }

  private static FittedStep scale(String method, float[] data, int rows, int cols) {
    double[] center = new double[cols];
    double[] spread = new double[cols];
    for (int j = 0; j < cols; j++) {
      double[] v = finite(data, rows, cols, j);
      double c = 0;
      double s = 1;
      if (v.length > 0) {
        if (method.equals("standard")) {
          c = mean(v);
          double ss = 0;
          for (double d : v) ss += (d - c) * (d - c);
          s = Math.sqrt(ss / v.length);
        } else {
          c = quantile(v, 0.5);
          s = quantile(v, 0.75) - quantile(v, 0.25);
        }
      }
      center[j] = c;
      spread[j] = s > 0 && Double.isFinite(s) ? s : 1.0;
    }
    return new FittedStep("scale", method, center, spread, null);
  }

  private static FittedStep clip(String argument, float[] data, int rows, int cols) {
    double q = Double.parseDouble(argument);
    double[] lo = new double[cols];
    double[] hi = new double[cols];
    for (int j = 0; j < cols; j++) {
      double[] v = finite(data, rows, cols, j);
      lo[j] = v.length == 0 ? -Double.MAX_VALUE : quantile(v, q);
      hi[j] = v.length == 0 ? Double.MAX_VALUE : quantile(v, 1 - q);
    }
    return new FittedStep("clip", argument, lo, hi, null);
  }

  private static FittedStep select(String argument, float[] data, int rows, int cols, List<String> names, float[] y) {
    int[] keep;
    if (argument.startsWith("names:")) {
      List<String> wanted = List.of(argument.substring(6).split("\\|"));
      List<String> unknown = new ArrayList<>();
      boolean[] on = new boolean[cols];
      for (String w : wanted) {
        int i = names.indexOf(w.trim());
        if (i < 0) unknown.add(w.trim());
        else on[i] = true;
      }
      if (!unknown.isEmpty()) {
        throw new BadInputException(Where.none(), "select=names: unknown column(s) " + unknown, "columns at that step: " + String.join(", ", names));
      }
      keep = indices(on);
    } else {
      int k = Integer.parseInt(argument.substring(4));
      if (y == null || y.length != rows) throw new IllegalArgumentException("select=top:K needs one target per training row");
      double[] score = new double[cols];
      for (int j = 0; j < cols; j++) score[j] = Math.abs(correlation(data, rows, cols, j, y));
      Integer[] order = new Integer[cols];
      for (int j = 0; j < cols; j++) order[j] = j;
      Arrays.sort(order, (p, q) -> score[q] != score[p] ? Double.compare(score[q], score[p]) : Integer.compare(p, q));
      boolean[] on = new boolean[cols];
      for (int i = 0; i < Math.min(k, cols); i++) on[order[i]] = true;
      keep = indices(on);
    }
    return new FittedStep("select", argument, null, null, keep);
  }

  private static int[] indices(boolean[] on) {
    int n = 0;
    for (boolean b : on) if (b) n++;
    int[] out = new int[n];
    for (int j = 0, i = 0; j < on.length; j++) if (on[j]) out[i++] = j;
    return out;
  }

  /** Pearson correlation of column j with y over rows where both are finite; 0 when undefined. */
  private static double correlation(float[] data, int rows, int cols, int j, float[] y) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;
    for (int r = 0; r < rows; r++) {
      double a = data[r * cols + j];
      double b = y[r];
      if (!Double.isFinite(a) || !Double.isFinite(b)) continue;
      n++;
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
    if (n < 2) return 0;
    double cov = sxy - sx * sy / n;
    double vx = sxx - sx * sx / n;
    double vy = syy - sy * sy / n;
    return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
  }

  private static double[] finite(float[] data, int rows, int cols, int j) {
    double[] v = new double[rows];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      float f = data[r * cols + j];
      if (Float.isFinite(f)) v[n++] = f;
    }
    return n == rows ? v : Arrays.copyOf(v, n);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) s += d;
    return s / v.length;
  }

  /** Linear interpolation between order statistics at position q * (n - 1) (numpy's default); sorts {@code v}. */
  static double quantile(double[] v, double q) {
    Arrays.sort(v);
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }
}
