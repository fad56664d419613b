package dev.quiver.forecast;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads one numeric column of a CSV (gzip when the name ends in {@code .gz}) as a series, oldest
 * row first: a header row naming the column (matched trimmed, any case), comma-separated rows,
 * blank lines skipped, no quoting. Every value must be a finite decimal number; all problems are
 * collected (file, line, column, value) and thrown at once as a {@link BadInputException}.
 */
public final class SeriesCsv {

  private static final int MAX_PROBLEMS = 100;

  private SeriesCsv() {}

  public static double[] read(Path file, String column) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream s = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader in = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16)) {
      return read(file, in, column);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(file), "no such file", "check the path");
    } catch (IOException e) {
      throw new BadInputException(Where.file(file), "cannot read: " + e.getMessage(), "give a readable CSV (or gzip of one)");
    }
  }

  private static double[] read(Path file, BufferedReader in, String column) throws IOException {
    String header = in.readLine();
    long line = 1;
    while (header != null && header.isBlank()) {
      header = in.readLine();
      line++;
    }
    if (header == null) throw new BadInputException(Where.file(file), "the file is empty", "give a CSV with a header row naming the '" + column + "' column");
    if (header.startsWith("\uFEFF")) header = header.substring(1);
    String[] names = header.split(",", -1);
    int col = -1;
    for (int j = 0; j < names.length; j++) {
      names[j] = names[j].trim();
      if (col < 0 && names[j].equalsIgnoreCase(column)) col = j;
    }
    if (col < 0) {
      throw new BadInputException(Where.line(file, line), "no column '" + column + "' in the header " + Arrays.toString(names),
          "name the series column '" + column + "' or pass --column with one of " + Arrays.toString(names));
    }
    List<Problem> problems = new ArrayList<>();
    long more = 0;
    double[] out = new double[1024];
    int n = 0;
    for (String text; (text = in.readLine()) != null; ) {
      line++;
      if (text.isBlank()) continue;
      String[] f = text.split(",", -1);
      String v = f.length > col ? f[col].trim() : "";
      double x = parse(v);
      if (!Double.isFinite(x)) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(new Problem(Where.cell(file, line, names[col]), v, "bad_value",
              v.isEmpty() ? "missing value" : "'" + v + "' is not a finite number"));
        } else more++;
        continue;
      }
      if (n == out.length) out = Arrays.copyOf(out, n * 2);
      out[n++] = x;
    }
    if (more > 0) problems.add(new Problem(Where.file(file), "", "more_problems", "and " + more + " more problems not listed"));
    if (!problems.isEmpty()) throw new BadInputException(problems, "give one finite decimal number per row in column '" + names[col] + "'");
    if (n == 0) throw new BadInputException(Where.file(file), "no data rows after the header", "give one value per row");
    return Arrays.copyOf(out, n);
  }

  private static double parse(String s) {
    if (s.isEmpty()) return Double.NaN;
    char c = s.charAt(s.length() - 1);
    if (!(Character.isDigit(c) || c == '.')) return Double.NaN; // refuses NaN, Infinity, 1d, 1f
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
