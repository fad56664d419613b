package dev.quiver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionRulesTest {

  static final VersionFacts BASE = new VersionFacts(List.of("a", "b"), "1m", "binary", "direction", "lightgbm", "balanced",
      Map.of("num_leaves", "31"), 42, "data1", "files1");

  static VersionFacts with(List<String> features, String timeframe, String task, String label, Map<String, String> params, long seed,
      String data, String files) {
    return new VersionFacts(features, timeframe, task, label, "lightgbm", "balanced", params, seed, data, files);
  }

  @Test
  void versions_parse_order_and_bump() {
    assertThat(SemVer.parse("1.10.0")).isGreaterThan(SemVer.parse("1.9.7"));
    assertThat(SemVer.parse("v2.0.0")).isEqualTo(new SemVer(2, 0, 0));
    assertThat(new SemVer(1, 4, 2).next(Bump.MAJOR)).isEqualTo(new SemVer(2, 0, 0));
    assertThat(new SemVer(1, 4, 2).next(Bump.MINOR)).isEqualTo(new SemVer(1, 5, 0));
    assertThat(new SemVer(1, 4, 2).next(Bump.PATCH)).isEqualTo(new SemVer(1, 4, 3));
    for (String bad : new String[] {"1.0", "1.0.0.0", "01.0.0", "1.-1.0", "a.b.c", "", "1.0.0-rc1"}) {
      assertThatThrownBy(() -> SemVer.parse(bad)).as(bad).isInstanceOf(BadInputException.class).hasMessageContaining("MAJOR.MINOR.PATCH");
    }
  }

  @Test
  void input_schema_timeframe_task_or_label_changes_are_major() {
    assertThat(VersionRules.decide(BASE, with(List.of("a", "c"), "1m", "binary", "direction", BASE.params(), 42, "data1", "files1")).bump())
        .isEqualTo(Bump.MAJOR);
    assertThat(VersionRules.decide(BASE, with(List.of("b", "a"), "1m", "binary", "direction", BASE.params(), 42, "data1", "files1")).reasons())
        .containsExactly("input schema changed: reordered");
    assertThat(VersionRules.decide(BASE, with(BASE.features(), "5m", "binary", "direction", BASE.params(), 42, "data1", "files1")).bump())
        .isEqualTo(Bump.MAJOR);
    assertThat(VersionRules.decide(BASE, with(BASE.features(), "1m", "regression", "return:5", BASE.params(), 42, "data1", "files1")).reasons())
        .containsExactly("task changed: binary -> regression", "label changed: direction -> return:5");
  }

  @Test
  void retraining_changes_are_minor_and_the_rest_is_patch() {
    VersionChange params = VersionRules.decide(BASE, with(BASE.features(), "1m", "binary", "direction", Map.of("num_leaves", "15"), 42, "data1", "files2"));
    assertThat(params.describe()).isEqualTo("minor: params changed: num_leaves 31 -> 15");
    assertThat(VersionRules.decide(BASE, with(BASE.features(), "1m", "binary", "direction", BASE.params(), 7, "data1", "files1")).bump()).isEqualTo(Bump.MINOR);
    assertThat(VersionRules.decide(BASE, with(BASE.features(), "1m", "binary", "direction", BASE.params(), 42, "data2", "files1")).bump()).isEqualTo(Bump.MINOR);
    assertThat(VersionRules.decide(BASE, with(BASE.features(), "1m", "binary", "direction", BASE.params(), 42, "data1", "files2")).reasons())
        .containsExactly("model files changed");
    assertThat(VersionRules.decide(BASE, BASE).describe()).isEqualTo("patch: metadata only");
  }

  @Test
  void refs_name_a_version_an_alias_or_the_latest() {
    assertThat(ModelRef.parse("m@1.2.0").version()).isEqualTo(new SemVer(1, 2, 0));
    assertThat(ModelRef.parse("m@production").alias()).isEqualTo("production");
    assertThat(ModelRef.parse("m").selector()).isEmpty();
    assertThatThrownBy(() -> ModelRef.parse("@1.0.0")).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> ModelRef.parse("a b@1.0.0")).isInstanceOf(BadInputException.class).hasMessageContaining("bad model name");
    assertThat(ModelNames.sanitize("demo-lightgbm:aggressive")).isEqualTo("demo-lightgbm-aggressive");
  }

  @Test
  void grades_order_from_s_to_f_and_ungraded_passes_no_minimum() {
    assertThat(Grade.atLeast("A-", "B+")).isTrue();
    assertThat(Grade.atLeast("B", "B+")).isFalse();
    assertThat(Grade.atLeast("ungraded", "F")).isFalse();
    assertThat(new Grade("a+", Map.of(), "").letter()).isEqualTo("A+");
    assertThat(ModelKinds.of("lightgbm")).isEqualTo("gbdt");
    assertThat(ModelKinds.of("logistic")).isEqualTo("linear");
    assertThat(ModelKinds.of("something-new")).isEqualTo("other");
  }
}
