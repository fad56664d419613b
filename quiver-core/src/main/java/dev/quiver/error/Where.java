package dev.quiver.error;

import java.nio.file.Path;

/**
 * Where a problem is: a file, and when known a 1-based line and a column name.
 * {@code line} is 0 and {@code column} is empty when not known.
 */
public record Where(String file, long line, String column) {

  public Where {
    file = file == null ? "" : file;
    column = column == null ? "" : column;
  }

  public static Where file(Path file) {
    return new Where(String.valueOf(file), 0, "");
  }

  public static Where file(String file) {
    return new Where(file, 0, "");
  }

  public static Where line(Path file, long line) {
    return new Where(String.valueOf(file), line, "");
  }

  public static Where cell(Path file, long line, String column) {
    return new Where(String.valueOf(file), line, column);
  }

  public static Where cell(String file, long line, String column) {
    return new Where(file, line, column);
  }

  public static Where none() {
    return new Where("", 0, "");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) sb.append(sb.isEmpty() ? "" : ":").append("line ").append(line);
    if (!column.isEmpty()) sb.append(sb.isEmpty() ? "" : ", ").append("column '").append(column).append('\'');
    return sb.toString();
  }
}
