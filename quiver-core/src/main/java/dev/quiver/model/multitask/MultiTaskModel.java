package dev.quiver.model.multitask;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Durability;
import dev.quiver.model.FileSync;
import dev.quiver.model.FittedModel;
import dev.quiver.model.Json;
import dev.quiver.model.Matrix;
import dev.quiver.model.ModelFamilies;
import dev.quiver.model.ModelStore;
import dev.quiver.model.Predictions;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One fitted model per target, all over the same features. Immutable; thread-safe for {@link
 * #predict} as its models are. Saved as a directory: {@value #INDEX} (base family and target names
 * in order) and one {@link ModelStore} directory per target, {@code target-0}, {@code target-1},
 * ..., each with its own manifest and SHA-256 checksums; the whole directory is staged and renamed
 * into place, so a crash leaves either no model or a whole one.
 */
public final class MultiTaskModel implements AutoCloseable {

  public static final String INDEX = "multitask.json";
  static final String FORMAT = "quiver-multitask/1";

  private final String baseFamily;
  private final Map<String, FittedModel> models;

  record Index(String format, String baseFamily, List<String> targets) {}

  MultiTaskModel(String baseFamily, Map<String, FittedModel> models) {
    this.baseFamily = baseFamily;
    this.models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
  }

  public String baseFamily() {
    return baseFamily;
  }

  /** Target names in fit order. */
  public List<String> targets() {
    return List.copyOf(models.keySet());
  }

  public FittedModel model(String target) {
    FittedModel m = models.get(target);
    if (m == null) throw BadInputException.unknown("target", target, models.keySet());
    return m;
  }

  /** Each target's predictions for the rows of x, in target order. */
  public Map<String, Predictions> predict(Matrix x) {
    Map<String, Predictions> out = new LinkedHashMap<>();
    for (Map.Entry<String, FittedModel> e : models.entrySet()) out.put(e.getKey(), e.getValue().predict(x));
    return out;
  }

  /** Saves as the new directory {@code dir} (see the class comment). */
  public void save(Path dir, Durability durability) {
    Path parent = dir.toAbsolutePath().getParent();
    Path staging = null;
    try {
      Files.createDirectories(parent);
      if (Files.exists(dir)) throw new BadInputException(Where.file(dir), "a model is already saved here", "choose another directory or delete it");
      staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".staging-");
      int k = 0;
      for (FittedModel m : models.values()) {
        Path sub = staging.resolve("target-" + k++);
        Files.createDirectory(sub);
        ModelStore.writeInto(m, baseFamily, sub, durability);
        if (durability == Durability.FSYNC) FileSync.directory(sub);
      }
      Path index = staging.resolve(INDEX);
      Files.write(index, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Index(FORMAT, baseFamily, targets())));
      if (durability == Durability.FSYNC) {
        FileSync.file(index);
        FileSync.directory(staging);
      }
      try {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, dir);
      }
      staging = null;
      if (durability == Durability.FSYNC) FileSync.directory(parent);
    } catch (IOException e) {
      throw new InternalException("cannot save multitask model to " + dir + ": " + e.getMessage(), e);
    } finally {
      if (staging != null) deleteQuietly(staging);
    }
  }

  /** Loads a directory written by {@link #save}, verifying every target model's checksums. */
  public static MultiTaskModel load(Path dir, ModelFamilies families) {
    Path indexFile = dir.resolve(INDEX);
    Index index;
    try {
      index = Json.MAPPER.readValue(Files.readAllBytes(indexFile), Index.class);
    } catch (IOException e) {
      throw new BadInputException(Where.file(indexFile), "no readable multitask index: " + e.getMessage(), "pass a directory written by MultiTaskModel.save");
    }
    if (!FORMAT.equals(index.format()) || index.targets() == null || index.targets().isEmpty()) {
      throw new BadInputException(Where.file(indexFile), "unsupported multitask format " + index.format(), "re-save the model with this Quiver version");
    }
    Map<String, FittedModel> models = new LinkedHashMap<>();
    List<String> targets = new ArrayList<>(index.targets());
    for (int k = 0; k < targets.size(); k++) models.put(targets.get(k), ModelStore.load(dir.resolve("target-" + k), families));
    return new MultiTaskModel(index.baseFamily(), models);
  }

  @Override
  public void close() throws Exception {
    for (FittedModel m : models.values()) if (m instanceof AutoCloseable c) c.close();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover staging directory is hidden and never read as a model
    }
  }
}
