package dev.quiver.experiment;

import java.time.Instant;
import java.util.List;

/** What the models were trained and judged on: sizes, features, and the segments' time ranges (bar open times, inclusive). */
public record DatasetSummary(String file, List<String> symbols, String timeframe, List<String> higherTimeframes,
    String label, String task, int rows, List<String> features, Segment train, Segment validation, Segment test,
    String sha256) {

  public DatasetSummary {
    symbols = List.copyOf(symbols);
    higherTimeframes = List.copyOf(higherTimeframes);
    features = List.copyOf(features);
  }

  /** A chronological segment of the dataset: row count and first/last bar open times. */
  public record Segment(int rows, Instant from, Instant to) {}
}
