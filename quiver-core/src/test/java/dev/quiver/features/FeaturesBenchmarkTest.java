package dev.quiver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesBenchmarkTest {

  @Test
  void run_returns_one_positive_duration_per_timed_run() {
    long[] nanos = FeaturesBenchmark.run(List.of(TestData.futures("ICL8.cfe").slice(0, 2_000)), FeatureSet.parse("seed12", List.of()), 2, 5);
    assertThat(nanos).hasSize(5);
    for (long t : nanos) assertThat(t).isPositive();
  }

  @Test
  void run_rejects_zero_runs() {
    assertThatThrownBy(() -> FeaturesBenchmark.run(TestData.futures(), FeatureSet.parse("seed12", List.of()), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
