package dev.quiver.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.testing.TestData;
import org.junit.jupiter.api.Test;

/** The benchmark behind {@code quiver benchmark ingest} times each run (figures belong in benchmarks, not tests). */
class IngestBenchmarkTest {

  @Test
  void run_returns_one_positive_duration_per_timed_run() {
    long[] nanos = IngestBenchmark.run(TestData.file(TestData.FUTURES_1M), 1, 3);
    assertThat(nanos).hasSize(3);
    for (long n : nanos) assertThat(n).isPositive();
    double median = IngestBenchmark.median(nanos);
    long min = Math.min(nanos[0], Math.min(nanos[1], nanos[2]));
    long max = Math.max(nanos[0], Math.max(nanos[1], nanos[2]));
    assertThat(median).isBetween((double) min, (double) max);
    assertThat(IngestBenchmark.median(new long[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThatThrownBy(() -> IngestBenchmark.run(TestData.file(TestData.FUTURES_1M), 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
