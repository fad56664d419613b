package dev.quiver.cli;

import dev.quiver.data.AtomicFile;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.experiment.BacktestResult;
import dev.quiver.experiment.ModelBacktest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a backtest's charts as PNG files into a folder: {@code equity.png}, the compounded
 * out-of-sample wealth of every model (1 = the starting capital), and {@code drawdown.png}, its
 * fall below the running peak (0 to -1). The x axis is the bar time when the pooled series runs
 * forward in time (walk-forward, purged k-fold), else the period number (CPCV tests a bar in
 * several splits). Each file appears whole or not at all (written to a temporary file, then
 * renamed). Long series are thinned to at most {@value #MAX_POINTS} points per model, keeping
 * each bucket's lowest point so drawdowns are not hidden.
 */
final class BacktestCharts {

  static final int MAX_POINTS = 4_000;

  private BacktestCharts() {}

  /** The files written, in order. */
  static List<Path> write(BacktestResult result, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException(Where.file(dir.toString()), "cannot create the report folder: " + e.getMessage(), "choose a folder you can write");
    }
    XYChart equity = chart("Out-of-sample equity (" + result.splitter() + ")", "wealth");
    XYChart drawdown = chart("Drawdown", "drawdown");
    boolean anySeries = false;
    for (ModelBacktest m : result.models()) {
      if (!m.ok() || m.returns().length == 0) continue;
      double[] wealth = new double[m.returns().length];
      double[] dd = new double[wealth.length];
      double w = 1;
      double peak = 1;
      for (int i = 0; i < wealth.length; i++) {
        w *= 1 + m.returns()[i];
        peak = Math.max(peak, w);
        wealth[i] = w;
        dd[i] = w / peak - 1;
      }
      boolean forward = increasing(m.time());
      add(equity, m.model(), m.time(), wealth, forward);
      add(drawdown, m.model(), m.time(), dd, forward);
      anySeries = true;
    }
    if (!anySeries) return List.of();
    Path e = dir.resolve("equity.png");
    Path d = dir.resolve("drawdown.png");
    png(equity, e);
    png(drawdown, d);
    return List.of(e, d);
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart c = new XYChartBuilder().width(1000).height(500).title(title).yAxisTitle(yTitle).build();
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    c.getStyler().setDatePattern("yyyy-MM-dd");
    return c;
  }

  private static void add(XYChart chart, String name, long[] time, double[] y, boolean byTime) {
    int n = y.length;
    int bucket = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    List<Double> ys = new ArrayList<>();
    List<Date> dates = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int from = 0; from < n; from += bucket) {
      int to = Math.min(n, from + bucket);
      int pick = from;
      for (int i = from + 1; i < to; i++) if (y[i] < y[pick]) pick = i;
      ys.add(y[pick]);
      dates.add(new Date(time[pick]));
      index.add(pick);
    }
    var series = byTime ? chart.addSeries(name, dates, ys) : chart.addSeries(name, index, ys);
    series.setMarker(SeriesMarkers.NONE);
  }

  private static boolean increasing(long[] t) {
    for (int i = 1; i < t.length; i++) if (t[i] <= t[i - 1]) return false;
    return true;
  }

  private static void png(XYChart chart, Path target) {
    AtomicFile.write(target, temp -> Files.write(temp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG)));
  }
}
