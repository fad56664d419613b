package dev.quiver.predict;

import dev.quiver.data.AtomicFile;
import dev.quiver.data.CsvText;
import dev.quiver.data.SourceInfo;
import dev.quiver.data.TimestampWriter;
import dev.quiver.model.Task;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes predictions as CSV, symbol after symbol: {@code timestamp,symbol,prediction,proba} for
 * binary models (prediction is 1 when proba, P(class 1), is at least {@value #THRESHOLD}, else 0)
 * and {@code timestamp,symbol,prediction} for regression models. Multiclass models write {@code
 * timestamp,symbol,prediction,p_NAME...,score}: the predicted class id (the most probable class,
 * the lowest id on a tie), one probability column per class named after the class in class-id
 * order (e.g. {@code p_down,p_flat,p_up}), and the trading score P(last class) - P(first class).
 * Then one column per head of a multi-output model (e.g. {@code tth,mdd,mfe}; {@link
 * SymbolPredictions#heads()}). Timestamps are bar OPEN times
 * written as the input wrote its timestamps; numbers in full double precision. A name ending in
 * {@code .gz} is gzip-compressed. The file appears whole or not at all.
 */
public final class PredictionCsv {

  public static final double THRESHOLD = 0.5;

  private PredictionCsv() {}

  /** Writes {@code predictions} (all of one task) to {@code out}; returns the rows written. */
  public static long write(List<SymbolPredictions> predictions, Path out, SourceInfo source) {
    boolean gzip = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    boolean binary = predictions.isEmpty() || predictions.get(0).task() == Task.BINARY;
    List<String> classes = predictions.isEmpty() ? List.of() : predictions.get(0).classes();
    int k = classes.size();
    long[] rows = {0};
    AtomicFile.write(out, temp -> {
      TimestampWriter times = TimestampWriter.of(source);
      try (OutputStream raw = Files.newOutputStream(temp);
          OutputStream body = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
          Writer w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
        List<String> heads = predictions.isEmpty() ? List.of() : List.copyOf(predictions.get(0).heads().keySet());
        StringBuilder header = new StringBuilder("timestamp,symbol,prediction");
        if (k > 0) {
          for (String c : classes) CsvText.text(header.append(','), "p_" + c);
          header.append(",score");
        } else if (binary) {
          header.append(",proba");
        }
        for (String h : heads) CsvText.text(header.append(','), h);
        w.append(header).append('\n');
        StringBuilder sb = new StringBuilder(96);
        for (SymbolPredictions s : predictions) {
          double[] v = s.values();
          long[] t = s.time();
          for (int i = 0; i < v.length; i++) {
            sb.setLength(0);
            times.append(sb, t[i]);
            CsvText.text(sb.append(','), s.symbol());
            if (k > 0) {
              double[] p = s.probabilities();
              int best = 0;
              for (int c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
              sb.append(',').append(best);
              for (int c = 0; c < k; c++) CsvText.number(sb.append(','), p[i * k + c]);
              CsvText.number(sb.append(','), v[i]);
            } else if (binary) {
              sb.append(',').append(v[i] >= THRESHOLD ? '1' : '0');
              CsvText.number(sb.append(','), v[i]);
            } else {
              CsvText.number(sb.append(','), v[i]);
            }
            for (String h : heads) CsvText.number(sb.append(','), s.heads().get(h)[i]);
            w.append(sb).append('\n');
          }
          rows[0] += v.length;
        }
      }
    });
    return rows[0];
  }
}
