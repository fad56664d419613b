package dev.quiver.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.error.BadInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
  }

  @Test
  void yaml_declares_int_float_log_float_categorical_and_conditional_dimensions() throws Exception {
    SearchSpace s = SearchSpace.parse(yaml("""
        bagging_fraction: {type: float, low: 0.5, high: 0.9, when: {boosting: rf}}
        num_leaves: {type: int, low: 8, high: 256, log: true}
        learning_rate: {type: log-float, low: 0.01, high: 0.3}
        boosting: {type: categorical, choices: [gbdt, rf]}
        """), "space.yaml");
    assertThat(s.dimensions()).extracting(Dimension::name).containsExactly("num_leaves", "learning_rate", "boosting", "bagging_fraction");
    assertThat(s.get("num_leaves").kind()).isEqualTo(Dimension.Kind.INT);
    assertThat(s.get("num_leaves").log()).isTrue();
    assertThat(s.get("learning_rate").log()).isTrue();
    assertThat(s.get("boosting").choices()).containsExactly("gbdt", "rf");
    assertThat(s.get("bagging_fraction").parent()).isEqualTo("boosting");
    assertThat(s.get("bagging_fraction").parentValues()).containsExactly("rf");
  }

  @Test
  void every_problem_is_reported_at_once_naming_the_file_and_parameter() throws Exception {
    assertThatThrownBy(() -> SearchSpace.parse(yaml("""
        a: {type: int, low: 9, high: 2}
        b: {type: log-float, low: 0, high: 1}
        c: {type: categorical, choices: []}
        d: {type: float, low: 0, high: 1, when: {zzz: x}}
        e: {type: decimal, low: 0, high: 1}
        f: {type: float, lo: 0, high: 1}
        """), "space.yaml")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("space.yaml")
        .hasMessageContaining("space.a").hasMessageContaining("low <= high")
        .hasMessageContaining("space.b").hasMessageContaining("low > 0")
        .hasMessageContaining("space.c").hasMessageContaining("non-empty")
        .hasMessageContaining("space.d").hasMessageContaining("zzz")
        .hasMessageContaining("space.e").hasMessageContaining("decimal")
        .hasMessageContaining("space.f").hasMessageContaining("unknown key 'lo'");
  }
}
