package dev.quiver.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes series as CSV (optionally gzip-compressed), series after series, cells as
 * {@link CsvText} writes them.
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
          CsvText.text(sb, columns.names().get(c));
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
              case SeriesAssembler.OPEN -> CsvText.number(sb, b.open()[i]);
              case SeriesAssembler.HIGH -> CsvText.number(sb, b.high()[i]);
              case SeriesAssembler.LOW -> CsvText.number(sb, b.low()[i]);
              case SeriesAssembler.CLOSE -> CsvText.number(sb, b.close()[i]);
              case SeriesAssembler.VOLUME -> CsvText.number(sb, b.volume()[i]);
              case SeriesAssembler.SYMBOL -> CsvText.text(sb, b.symbol());
              default -> {
                if (extra[c] != null) CsvText.number(sb, extra[c][i]);
              }
            }
          }
          w.append(sb).append('\n');
        }
      }
    }
  }
}
