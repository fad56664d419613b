package dev.quiver.eval;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads a returns series from CSV (gzip when the name ends in {@code .gz}): a header row naming a
 * {@code return} column and optionally a {@code timestamp} column (names trimmed, any case; other
 * columns are ignored), then one row per period, comma-separated, blank lines skipped.
 *
 * <p>A return is a simple return as a decimal number (0.01 = +1%); empty, NaN or infinite values
 * are refused. A timestamp is ISO-8601 with {@code Z} or an offset, a local date-time ({@code T}
 * or a space between date and time) or a date, both read in {@code zone}, or an epoch number:
 * seconds below 1e11, milliseconds below 1e14. Timestamps must strictly increase. Every problem
 * is collected (file, line, column, value) and reported at once as a {@link BadInputException}.
 */
public final class ReturnsCsv {

  /** The series read: {@code time} (epoch ms) is null when the file has no timestamp column. */
  public record Series(Path file, long[] time, double[] returns) {
    public boolean hasTime() {
      return time != null;
    }
  }

  private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter(Locale.ROOT);
  private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(LOCAL).appendOffset("+HH:MM:ss", "Z").toFormatter(Locale.ROOT);
  private static final DateTimeFormatter OFFSET_COMPACT = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .append(LOCAL).appendOffset("+HHmm", "Z").toFormatter(Locale.ROOT);
  private static final int MAX_PROBLEMS = 100;

  private ReturnsCsv() {}

  /** Local timestamps in UTC. */
  public static Series read(Path file) {
    return read(file, java.time.ZoneOffset.UTC);
  }

  /** @param zone the zone of timestamps written without an offset */
  public static Series read(Path file, ZoneId zone) {
    try (BufferedReader in = open(file)) {
      return read(file, in, zone);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(file), "no such file", "check the path");
    } catch (IOException e) {
      throw new BadInputException(Where.file(file), "cannot read: " + e.getMessage(), "check the file is a readable CSV (or gzip of one)");
    }
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      InputStream s = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      return new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  private static Series read(Path file, BufferedReader in, ZoneId zone) throws IOException {
    String header = in.readLine();
    long line = 1;
    while (header != null && header.isBlank()) {
      header = in.readLine();
      line++;
    }
    if (header == null) throw new BadInputException(Where.file(file), "the file is empty", "give a CSV with a header row naming a 'return' column");
    if (header.startsWith("\uFEFF")) header = header.substring(1);
    String[] names = fields(header);
    int returnCol = -1;
    int timeCol = -1;
    for (int j = 0; j < names.length; j++) {
      String name = names[j].toLowerCase(Locale.ROOT);
      if (name.equals("return") && returnCol < 0) returnCol = j;
      if (name.equals("timestamp") && timeCol < 0) timeCol = j;
    }
    if (returnCol < 0) {
      throw new BadInputException(List.of(new Problem(Where.line(file, line), header, "no_return_column",
          "no 'return' column in the header " + Arrays.toString(names))), "name the column of per-period returns 'return' (and the time column, if any, 'timestamp')");
    }
    int need = Math.max(returnCol, timeCol) + 1;
    List<Problem> problems = new ArrayList<>();
    long skipped = 0;
    double[] returns = new double[1024];
    long[] time = timeCol >= 0 ? new long[1024] : null;
    int n = 0;
    for (String text; (text = in.readLine()) != null; ) {
      line++;
      if (text.isBlank()) continue;
      String[] f = fields(text);
      if (f.length < need) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new Problem(Where.line(file, line), text, "missing_field", "the row has " + f.length + " fields, the header " + names.length));
        } else skipped++;
        continue;
      }
      if (n == returns.length) {
        returns = Arrays.copyOf(returns, n * 2);
        if (time != null) time = Arrays.copyOf(time, n * 2);
      }
      String r = f[returnCol];
      double v = parseReturn(r);
      if (!Double.isFinite(v)) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new Problem(Where.cell(file, line, names[returnCol]), r, "bad_return",
              r.isEmpty() ? "missing return" : "return '" + r + "' is not a finite number"));
        } else skipped++;
      }
      returns[n] = v;
      if (time != null) {
        String t = f[timeCol];
        long ms = parseTime(t, zone);
        if (ms == Long.MIN_VALUE) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(Where.cell(file, line, names[timeCol]), t, "bad_timestamp",
                t.isEmpty() ? "missing timestamp" : "timestamp '" + t + "' is neither ISO-8601 nor epoch seconds or milliseconds"));
          } else skipped++;
        } else if (n > 0 && time[n - 1] != Long.MIN_VALUE && ms <= time[n - 1]) {
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(Where.cell(file, line, names[timeCol]), t, "timestamp_not_increasing",
                "timestamp '" + t + "' is not after the previous row's"));
          } else skipped++;
        }
        time[n] = ms;
      }
      n++;
    }
    if (skipped > 0) {
      problems.add(new Problem(Where.file(file), "", "more_problems", "and " + skipped + " more problems not listed"));
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "fix the rows above: one finite decimal return per row" + (time != null ? ", timestamps increasing" : ""));
    if (n == 0) throw new BadInputException(Where.file(file), "no data rows after the header", "give one return per row");
    return new Series(file, time == null ? null : Arrays.copyOf(time, n), Arrays.copyOf(returns, n));
  }

  /** Fields split on commas; a field wholly in double quotes is unquoted ({@code ""} inside is a quote). Trimmed. */
  static String[] fields(String line) {
    List<String> out = new ArrayList<>(4);
    int i = 0;
    int len = line.length();
    while (true) {
      while (i < len && line.charAt(i) == ' ') i++;
      StringBuilder sb = new StringBuilder();
      if (i < len && line.charAt(i) == '"') {
        i++;
        while (i < len) {
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < len && line.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else break;
          } else sb.append(c);
        }
        while (i < len && line.charAt(i) != ',') sb.append(line.charAt(i++));
      } else {
        while (i < len && line.charAt(i) != ',') sb.append(line.charAt(i++));
      }
      out.add(sb.toString().trim());
      if (i >= len) break;
      i++;
    }
    return out.toArray(new String[0]);
  }

  private static double parseReturn(String s) {
    if (s.isEmpty()) return Double.NaN;
    char c = s.charAt(s.length() - 1);
    if (!(Character.isDigit(c) || c == '.')) return Double.NaN; // refuses "NaN", "Infinity", "1d", "1f"
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Epoch milliseconds, or Long.MIN_VALUE when the text is not a timestamp. */
  static long parseTime(String s, ZoneId zone) {
    if (s.isEmpty()) return Long.MIN_VALUE;
    if (s.length() >= 10 && s.charAt(4) == '-') {
      try {
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(zone).toInstant().toEpochMilli();
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        int plus = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
        if (last == 'Z' || plus > 10) {
          try {
            return OffsetDateTime.parse(s, OFFSET).toInstant().toEpochMilli();
          } catch (DateTimeException e) {
            return OffsetDateTime.parse(s, OFFSET_COMPACT).toInstant().toEpochMilli();
          }
        }
        return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant().toEpochMilli();
      } catch (DateTimeException e) {
        return Long.MIN_VALUE;
      }
    }
    double v = parseReturn(s);
    if (!Double.isFinite(v)) return Long.MIN_VALUE;
    double a = Math.abs(v);
    if (a < 1e11) return (long) Math.floor(v * 1000);
    if (a < 1e14) return (long) Math.floor(v);
    return Long.MIN_VALUE;
  }
}
