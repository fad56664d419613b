package dev.quiver.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiver.error.BadInputException;
import dev.quiver.preprocess.PreprocessSpec;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads experiment YAML into an {@link ExperimentConfig} with every default filled in. */
public final class ExperimentConfigs {

  public static final long DEFAULT_SEED = 42L;
  public static final String DEFAULT_FEATURES = "seed12";
  public static final String DEFAULT_LABEL = "direction";
  public static final List<String> DEFAULT_MODELS = List.of("lightgbm", "logistic");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private ExperimentConfigs() {}

  /** Parses {@code file}; a relative {@code data.path} is resolved against the file's folder. */
  public static ExperimentConfig read(Path file) {
    return read(file, null);
  }

  /**
   * As {@link #read(Path)}, with {@code defaultVariant} (null: balanced) for every model that
   * names no variant.
   */
  public static ExperimentConfig read(Path file, String defaultVariant) {
    ExperimentConfig raw;
    byte[] bytes = null;
    try {
      bytes = Files.readAllBytes(file);
      raw = YAML.readValue(bytes, ExperimentConfig.class);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(file), "experiment file not found", "check the path given to --config");
    } catch (UnrecognizedPropertyException e) {
      List<String> known = new ArrayList<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      Where at = where(file, e);
      long line = keyLine(file, e.getPropertyName());
      YamlKeyPositions positions = YamlKeyPositions.of(bytes);
      String column = "";
      if (positions.line(at.column()) > 0) {
        at = new Where(at.file(), positions.line(at.column()), at.column());
        column = " (column " + positions.column(at.column()) + ")";
      } else if (line > 0) {
        at = new Where(at.file(), line, at.column());
      }
      throw new BadInputException(at, "unknown key '" + e.getPropertyName() + "'" + column, "valid keys here: " + String.join(", ", known.stream().sorted().toList()));
    } catch (JsonProcessingException e) {
      throw new BadInputException(where(file, e), "invalid experiment YAML: " + e.getOriginalMessage(), "see the example in README.md");
    } catch (IOException e) {
      throw new BadInputException(Where.file(file), "cannot read experiment file: " + e.getMessage(), "check the file");
    }
    if (raw == null) throw new BadInputException(Where.file(file), "the experiment file is empty", "see the example in README.md");
    if (raw.data() == null || raw.data().path() == null || raw.data().path().isBlank()) {
      throw new BadInputException(Where.cell(file, 0, "data.path"), "the experiment names no data file", "add data: {path: FILE}");
    }
    if (raw.split() != null) SplitSectionCheck.check(file, YamlKeyPositions.of(bytes), raw.split());
    if (raw.select() != null) checkSelect(file, YamlKeyPositions.of(bytes), raw.select());
    Path base = file.toAbsolutePath().getParent();
    Path data = base.resolve(raw.data().path()).normalize();
    ExperimentConfig.Data d = raw.data();
    ExperimentConfig.Registry registry = raw.registry();
    if (registry != null) {
      if (registry.path() == null || registry.path().isBlank()) {
        throw new BadInputException(Where.cell(file, keyLine(file, "registry"), "registry.path"), "the registry names no folder", "write registry: DIR or registry: {path: DIR}");
      }
      registry = new ExperimentConfig.Registry(base.resolve(registry.path()).normalize().toString(), registry.maxVersions());
    }
    if (raw.preprocess() != null) {
      try {
        PreprocessSpec.parse(raw.preprocess());
      } catch (BadInputException e) {
        throw new BadInputException(Where.cell(file, keyLine(file, "preprocess"), "preprocess"), e.problems().get(0).message(), e.fix());
      }
    }
    return withDefaults(new ExperimentConfig(raw.name(), raw.seed(), raw.threads(),
        new ExperimentConfig.Data(data.toString(), d.columns(), d.timestampFormat(), d.zone(), d.policy(), d.symbols()),
        raw.timeframe(), raw.higherTimeframes(), raw.features(), raw.higherFeatures(), raw.label(), raw.split(), raw.models(), registry, raw.preprocess(),
        raw.select(), raw.ensemble()), defaultVariant);
  }

  /** Fills every unset field with its default and checks the model list. */
  public static ExperimentConfig withDefaults(ExperimentConfig c) {
    return withDefaults(c, null);
  }

  /** As {@link #withDefaults(ExperimentConfig)}, with {@code defaultVariant} (null: balanced) for every model that names no variant. */
  public static ExperimentConfig withDefaults(ExperimentConfig c, String defaultVariant) {
    ExperimentConfig.Data d = c.data();
    ExperimentConfig.Split s = c.split() == null ? new ExperimentConfig.Split(null, null, null, null) : c.split();
    List<ExperimentConfig.ModelSpec> models = c.models() == null || c.models().isEmpty()
        ? DEFAULT_MODELS.stream().map(f -> new ExperimentConfig.ModelSpec(f, null, null, null)).toList()
        : c.models();
    List<ExperimentConfig.ModelSpec> filled = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      ExperimentConfig.ModelSpec m = models.get(i);
      if (m.family() == null || m.family().isBlank()) {
        problems.add(new Problem(Where.cell("experiment", 0, "models[" + i + "].family"), "", "missing_family", "model " + (i + 1) + " names no family"));
        continue;
      }
      String variant = m.variant() != null ? m.variant() : defaultVariant != null ? defaultVariant : "balanced";
      String name = m.name() == null ? (variant.equals("balanced") ? m.family() : m.family() + ":" + variant) : m.name();
      filled.add(new ExperimentConfig.ModelSpec(m.family(), variant, name, m.params() == null ? Map.of() : new LinkedHashMap<>(m.params())));
    }
    List<String> names = filled.stream().map(ExperimentConfig.ModelSpec::name).toList();
    for (String n : names) {
      if (names.indexOf(n) != names.lastIndexOf(n) && problems.stream().noneMatch(p -> p.value().equals(n))) {
        problems.add(new Problem(Where.cell("experiment", 0, "models"), n, "duplicate_model_name", "two models are named '" + n + "'"));
      }
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "give every model a family and a distinct name");
    if (c.registry() != null && c.registry().maxVersions() != null && c.registry().maxVersions() < 0) {
      throw new BadInputException(Where.cell("experiment", 0, "registry.max_versions"), "registry.max_versions must be >= 0, got "
          + c.registry().maxVersions(), "use 0 (or leave it out) to keep every version");
    }
    return new ExperimentConfig(
        c.name() == null ? "experiment" : c.name(),
        c.seed() == null ? DEFAULT_SEED : c.seed(),
        c.threads(),
        new ExperimentConfig.Data(d.path(), d.columns(), d.timestampFormat(), d.zone() == null ? "UTC" : d.zone(),
            d.policy() == null ? "fail" : d.policy(), d.symbols() == null ? List.of() : d.symbols()),
        c.timeframe() == null ? "1m" : c.timeframe(),
        c.higherTimeframes() == null ? List.of() : c.higherTimeframes(),
        c.features() == null ? DEFAULT_FEATURES : c.features(),
        c.higherFeatures(),
        c.label() == null ? DEFAULT_LABEL : c.label(),
        new ExperimentConfig.Split(s.train() == null ? 0.7 : s.train(), s.validation() == null ? 0.2 : s.validation(),
            s.test() == null ? 0.1 : s.test(), s.minSamples() == null ? 100 : s.minSamples(), s.walkForward(), s.purgedKfold(), s.cpcv(),
            s.timeSeriesSplit()),
        List.copyOf(filled), c.registry(), c.preprocess() == null ? null : PreprocessSpec.parse(c.preprocess()).toString(), c.select(),
        c.ensemble());
  }

  /** Checks the select section's values, every problem located at its key in {@code file}. */
  private static void checkSelect(Path file, YamlKeyPositions positions, ExperimentConfig.Select select) {
    try {
      select.settings();
    } catch (BadInputException e) {
      List<Problem> located = new ArrayList<>();
      for (Problem p : e.problems()) {
        String key = "select." + p.where().column();
        located.add(at(file, positions, key, p.value(), p.rule(), p.message()));
      }
      throw new BadInputException(located, "fix the select section (keys: method, k, step, min_features, folds, cv, embargo_pct, family, variant, metric)");
    }
  }

  /**
   * A problem located at {@code key} (a dotted path such as {@code select.family} or {@code ensemble})
   * of {@code file}: its line, and its column appended to the message; line 0 when the key is not
   * written there. For checks that need more than the config package knows (model families,
   * ensemble specs), so their errors still point into the file.
   */
  public static Problem problemAt(Path file, String key, String value, String rule, String message) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Problem(Where.cell(file, 0, key), value, rule, message);
    }
    return at(file, YamlKeyPositions.of(bytes), key, value, rule, message);
  }

  private static Problem at(Path file, YamlKeyPositions positions, String key, String value, String rule, String message) {
    long column = positions.column(key);
    return new Problem(Where.cell(file, positions.line(key), key), value, rule, message + (column > 0 ? " (column " + column + ")" : ""));
  }

  /** The one line where {@code key} is written as a YAML key, or 0 when none or several. */
  private static long keyLine(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      java.util.regex.Pattern p = java.util.regex.Pattern.compile("^[\\s-]*\\{?\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:.*|.*[{,]\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:.*");
      long found = 0;
      for (int i = 0; i < lines.size(); i++) {
        if (p.matcher(lines.get(i)).matches()) {
          if (found > 0) return 0;
          found = i + 1;
        }
      }
      return found;
    } catch (IOException e) {
      return 0;
    }
  }

  private static Where where(Path file, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    StringBuilder key = new StringBuilder();
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
      for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) key.append(key.isEmpty() ? "" : ".").append(r.getFieldName());
        else if (r.getIndex() >= 0) key.append('[').append(r.getIndex()).append(']');
      }
    }
    return new Where(file.toString(), loc == null ? 0 : loc.getLineNr(), key.toString());
  }
}
