package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model settings {@code quiver train} takes besides the model list: the default variant
 * ({@code --variant}, else the {@code QUIVER_MODEL_VARIANT} environment variable, else
 * balanced) and {@code --set FAMILY.KEY=VALUE} overrides, which apply to every model of that
 * family and win over the experiment file's params. Every problem is collected and reported at
 * once, before any data is read: a malformed setting, an unknown family or key (with a
 * did-you-mean), a bad value, or a family that no model of the run uses.
 */
final class ModelOverrides {

  static final String VARIANT_ENV = "QUIVER_MODEL_VARIANT";

  private ModelOverrides() {}

  /** The flag's variant, else the environment's (when not blank), else null (the config's default, balanced). */
  static String defaultVariant(String flag, Map<String, String> env) {
    if (flag != null) return flag;
    String v = env.get(VARIANT_ENV);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** {@code models} with every {@code --set} applied to the models of its family. */
  static List<ExperimentConfig.ModelSpec> apply(List<String> sets, List<ExperimentConfig.ModelSpec> models, ModelFamilies families) {
    if (sets == null || sets.isEmpty()) return models;
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<String, String>> byFamily = new LinkedHashMap<>();
    for (String s : sets) {
      int eq = s.indexOf('=');
      int dot = s.indexOf('.');
      if (eq < 0 || dot < 1 || dot > eq || dot == eq - 1) {
        problems.add(new Problem(Where.cell("--set", 0, ""), s, "set_syntax", "--set '" + s + "' is not FAMILY.KEY=VALUE"));
        continue;
      }
      String family = s.substring(0, dot).trim();
      String key = s.substring(dot + 1, eq).trim();
      String value = s.substring(eq + 1);
      ModelFamily f;
      try {
        f = families.get(family);
        // the key and value alone; rules across keys (checkpoint_every needs checkpoint_dir) are checked per family below
        f.params("balanced", Map.of()).override(Map.of(key, value));
      } catch (BadInputException e) {
        for (Problem p : e.problems()) {
          problems.add(new Problem(Where.cell("--set", 0, ""), s, p.rule(), "--set " + s + ": " + p.message() + (e.fix().isEmpty() ? "" : " (" + e.fix() + ")")));
        }
        continue;
      }
      if (models.stream().noneMatch(m -> m.family().equals(family))) {
        problems.add(new Problem(Where.cell("--set", 0, ""), s, "set_unused",
            "--set " + s + " names family " + family + ", but no model of that family is trained (models: "
                + String.join(", ", models.stream().map(ExperimentConfig.ModelSpec::family).distinct().toList()) + ")"));
        continue;
      }
      byFamily.computeIfAbsent(family, k -> new LinkedHashMap<>()).put(key, value);
    }
    for (Map.Entry<String, Map<String, String>> e : byFamily.entrySet()) {
      try {
        families.get(e.getKey()).params("balanced", e.getValue());
      } catch (BadInputException ex) {
        for (Problem p : ex.problems()) {
          problems.add(new Problem(Where.cell("--set", 0, ""), e.getKey() + ".*", p.rule(),
              "--set " + e.getKey() + ".*: " + p.message() + (ex.fix().isEmpty() ? "" : " (" + ex.fix() + ")")));
        }
      }
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "write --set FAMILY.KEY=VALUE with a family and key from 'quiver families'");
    List<ExperimentConfig.ModelSpec> out = new ArrayList<>();
    for (ExperimentConfig.ModelSpec m : models) {
      Map<String, String> set = byFamily.get(m.family());
      if (set == null) {
        out.add(m);
        continue;
      }
      Map<String, Object> params = new LinkedHashMap<>(m.params() == null ? Map.of() : m.params());
      params.putAll(set);
      out.add(new ExperimentConfig.ModelSpec(m.family(), m.variant(), m.name(), params));
    }
    return out;
  }
}
