package dev.quiver.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluated point: its 0-based {@code number} in the study, the parameters (inactive
 * conditional ones absent; values Integer, Double or String), and the objective {@code value}
 * (NaN when the trial failed). Immutable.
 */
public record Trial(int number, Map<String, Object> params, double value) {

  public Trial {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public boolean complete() {
    return !Double.isNaN(value);
  }
}
