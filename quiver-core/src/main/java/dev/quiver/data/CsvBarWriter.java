package dev.quiver.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes series as CSV (optionally gzip-compressed), series after series. Numbers are written
 * so that they read back to the same double: whole numbers without a fraction, others as the
 * shortest decimal Java gives, never in exponent form; NaN as an empty field.
 */
final class CsvBarWriter {

  private CsvBarWriter() {}

  static void write(List<Bars> series, Path out, SourceInfo like, boolean gzip) throws IOException {
    OutputColumns columns = OutputColumns.of(series, like);
    TimestampWriter times = TimestampWriter.of(like);
    try (OutputStream raw = Files.newOutputStream(out);
        OutputStream body = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
      StringBuilder sb = new StringBuilder(256);
      if (like.header()) {
        for (int c = 0; c < columns.names().size(); c++) {
          if (c > 0) sb.append(',');
          text(sb, columns.names().get(c));
        }
        w.append(sb).append('\n');
      }
      int[] roles = columns.roles();
      for (Bars b : series) {
        double[][] extra = new double[roles.length][];
        for (int c = 0; c < roles.length; c++) {
          if (roles[c] == SeriesAssembler.EXTRA) extra[c] = b.extras().get(columns.names().get(c));
        }
        for (int i = 0; i < b.size(); i++) {
          sb.setLength(0);
          for (int c = 0; c < roles.length; c++) {
            if (c > 0) sb.append(',');
            switch (roles[c]) {
              case SeriesAssembler.TIMESTAMP -> times.append(sb, b.time()[i]);
              case SeriesAssembler.OPEN -> number(sb, b.open()[i]);
              case SeriesAssembler.HIGH -> number(sb, b.high()[i]);
              case SeriesAssembler.LOW -> number(sb, b.low()[i]);
              case SeriesAssembler.CLOSE -> number(sb, b.close()[i]);
              case SeriesAssembler.VOLUME -> number(sb, b.volume()[i]);
              case SeriesAssembler.SYMBOL -> text(sb, b.symbol());
              default -> {
                if (extra[c] != null) number(sb, extra[c][i]);
              }
            }
          }
          w.append(sb).append('\n');
        }
      }
    }
  }

  /** Appends v so that {@link Double#parseDouble} gives v back; NaN appends nothing. */
  static void number(StringBuilder sb, double v) {
    if (Double.isNaN(v)) return;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      if (v == 0 && 1 / v < 0) sb.append("-0");
      else sb.append((long) v);
      return;
    }
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0 && Double.isFinite(v)) s = new BigDecimal(s).toPlainString();
    sb.append(s);
  }

  private static void text(StringBuilder sb, String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      sb.append(s);
    } else {
      sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
  }
}
