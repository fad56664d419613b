package dev.quiver.data;

import java.util.List;

/**
 * A read file: what it looked like, one {@link Bars} per symbol (in order of first appearance)
 * and the validation report.
 */
public record LoadedData(SourceInfo source, List<Bars> series, ValidationReport report) {

  public LoadedData {
    series = List.copyOf(series);
  }

  /** The series of one symbol, or null when the file has none of that symbol. */
  public Bars series(String symbol) {
    for (Bars b : series) if (b.symbol().equals(symbol)) return b;
    return null;
  }

  /** Bars in all series together. */
  public long totalBars() {
    long n = 0;
    for (Bars b : series) n += b.size();
    return n;
  }
}
