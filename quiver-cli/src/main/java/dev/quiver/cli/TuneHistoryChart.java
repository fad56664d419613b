package dev.quiver.cli;

import dev.quiver.data.AtomicFile;
import dev.quiver.tune.TrialRecord;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The optimisation history of a study as a PNG of {@value #WIDTH} x {@value #HEIGHT} pixels: each
 * complete trial's metric by trial number (dots), each pruned trial at the last value it reported
 * (grey crosses; failed trials have no value and are left out), and the best complete value so far
 * (a step line, higher or lower being better as the metric says). The file appears whole or not
 * at all (written to a temporary file, then renamed).
 */
final class TuneHistoryChart {

  static final int WIDTH = 1000;
  static final int HEIGHT = 500;

  private TuneHistoryChart() {}

  /** Writes the chart of {@code trials} (by number) to {@code target}. */
  static void write(List<TrialRecord> trials, String metric, boolean maximize, String study, Path target) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Optimisation history of study " + study)
        .xAxisTitle("trial").yAxisTitle(metric + (maximize ? " (higher is better)" : " (lower is better)")).build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    List<Integer> completeX = new ArrayList<>();
    List<Double> completeY = new ArrayList<>();
    List<Integer> prunedX = new ArrayList<>();
    List<Double> prunedY = new ArrayList<>();
    List<Integer> bestX = new ArrayList<>();
    List<Double> bestY = new ArrayList<>();
    double best = Double.NaN;
    for (TrialRecord t : trials) {
      if (!Double.isFinite(t.value())) continue;
      if (t.state() == TrialRecord.State.PRUNED) {
        prunedX.add(t.number());
        prunedY.add(t.value());
      } else if (t.state() == TrialRecord.State.COMPLETE) {
        completeX.add(t.number());
        completeY.add(t.value());
        if (Double.isNaN(best) || (maximize ? t.value() > best : t.value() < best)) best = t.value();
      }
      if (!Double.isNaN(best)) {
        bestX.add(t.number());
        bestY.add(best);
      }
    }
    if (!completeX.isEmpty()) {
      XYSeries s = chart.addSeries("complete", completeX, completeY);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(new Color(31, 119, 180));
    }
    if (!prunedX.isEmpty()) {
      XYSeries s = chart.addSeries("pruned (last reported value)", prunedX, prunedY);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CROSS);
      s.setMarkerColor(Color.GRAY);
    }
    if (!bestX.isEmpty()) {
      XYSeries s = chart.addSeries("best so far", bestX, bestY);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(214, 39, 40));
    }
    if (completeX.isEmpty() && prunedX.isEmpty()) {
      XYSeries s = chart.addSeries("no trial with a value", List.of(0), List.of(0.0));
      s.setMarker(SeriesMarkers.NONE);
    }
    AtomicFile.write(target, temp -> Files.write(temp, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG)));
  }
}
