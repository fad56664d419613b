package dev.quiver.features;

import dev.quiver.data.AtomicFile;
import dev.quiver.data.CsvText;
import dev.quiver.data.SourceInfo;
import dev.quiver.data.TimestampWriter;
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
 * Writes feature frames as CSV: columns {@code timestamp,symbol,<feature names>}, one row per
 * bar, symbol after symbol; timestamps as the source wrote them (bar OPEN times); values in
 * full double precision (they read back to the same double); a value that does not exist (NaN)
 * as an empty field. A name ending in {@code .gz} is gzip-compressed. The file appears whole or
 * not at all.
 */
public final class FeatureCsv {

  private FeatureCsv() {}

  /** Writes {@code frames} (all with the same feature names) to {@code out}; returns the rows written. */
  public static long write(List<FeatureFrame> frames, Path out, SourceInfo source) {
    boolean gzip = out.getFileName().toString().toLowerCase().endsWith(".gz");
    long[] rows = {0};
    AtomicFile.write(out, temp -> {
      TimestampWriter times = TimestampWriter.of(source);
      try (OutputStream raw = Files.newOutputStream(temp);
          OutputStream body = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
          Writer w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("timestamp,symbol");
        List<String> names = frames.isEmpty() ? List.of() : frames.get(0).names();
        for (String n : names) CsvText.text(sb.append(','), n);
        w.append(sb).append('\n');
        for (FeatureFrame f : frames) {
          if (!f.names().equals(names)) throw new IllegalArgumentException("frames differ in feature names");
          double[][] cols = f.columns().toArray(new double[0][]);
          for (int i = 0; i < f.rows(); i++) {
            sb.setLength(0);
            times.append(sb, f.time()[i]);
            CsvText.text(sb.append(','), f.symbol());
            for (double[] c : cols) CsvText.number(sb.append(','), c[i]);
            w.append(sb).append('\n');
          }
          rows[0] += f.rows();
        }
      }
    });
    return rows[0];
  }
}
