package dev.quiver.model;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Saves a fitted model as a directory: its files plus {@code manifest.json} with SHA-256
 * checksums. A save is staged in a sibling directory and renamed into place, so a crash leaves
 * either no model or a whole one; with {@link Durability#FSYNC} (the default) files and folders
 * are synced so that holds across a power loss too. Loading verifies every checksum.
 */
public final class ModelStore {

  public static final String MANIFEST = "manifest.json";

  private ModelStore() {}

  /** Saves with {@link Durability#FSYNC}. */
  public static void save(FittedModel model, String family, Path dir) {
    save(model, family, dir, Durability.FSYNC);
  }

  /**
   * Saves {@code model} as the new directory {@code dir}: its files and manifest are written to a
   * hidden sibling, synced when {@code durability} asks, and renamed to {@code dir} in one step.
   */
  public static void save(FittedModel model, String family, Path dir, Durability durability) {
    Path parent = dir.toAbsolutePath().getParent();
    Path staging = null;
    try {
      Files.createDirectories(parent);
      if (Files.exists(dir)) throw new BadInputException(Where.file(dir), "a model is already saved here", "choose another directory or delete it");
      staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".staging-");
      writeInto(model, family, staging, durability);
      if (durability == Durability.FSYNC) FileSync.directory(staging);
      try {
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, dir);
      }
      staging = null;
      if (durability == Durability.FSYNC) FileSync.directory(parent);
    } catch (IOException e) {
      throw new InternalException("cannot save model to " + dir + ": " + e.getMessage(), e);
    } finally {
      if (staging != null) deleteQuietly(staging);
    }
  }

  /**
   * Writes {@code model}'s files and {@value #MANIFEST} into the existing, empty directory {@code
   * dir} and returns the manifest; nothing is renamed. Callers that commit the directory
   * themselves (the model registry) use this; with {@link Durability#FSYNC} every file is synced,
   * the directory itself is not.
   */
  public static ModelManifest writeInto(FittedModel model, String family, Path dir, Durability durability) {
    ArtifactWriter writer = new ArtifactWriter(dir, durability);
    model.save(writer);
    ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, family, model.inputSchema(),
        model.provenance(), writer.checksums());
    Path file = dir.resolve(MANIFEST);
    try {
      Files.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    } catch (IOException e) {
      throw new InternalException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (durability == Durability.FSYNC) FileSync.file(file);
    return manifest;
  }

  /** Opens a saved model's files, verifying the manifest is readable. */
  public static ArtifactReader open(Path dir) {
    Path manifestFile = dir.resolve(MANIFEST);
    try {
      ModelManifest manifest = Json.MAPPER.readValue(Files.readAllBytes(manifestFile), ModelManifest.class);
      if (manifest.formatVersion() != ModelManifest.FORMAT_VERSION) {
        throw new BadInputException(Where.file(manifestFile), "unsupported model format version " + manifest.formatVersion(), "use the Quiver version that saved it");
      }
      return new ArtifactReader(dir, manifest);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(manifestFile), "no saved model here (manifest.json is missing)", "pass a directory written by a model save");
    } catch (IOException e) {
      throw new BadInputException(Where.file(manifestFile), "unreadable model manifest: " + e.getMessage(), "re-save the model");
    }
  }

  /** Loads a saved model with the family named in its manifest. */
  public static FittedModel load(Path dir, ModelFamilies families) {
    return load(open(dir), families);
  }

  /**
   * Loads an opened artifact with the family named in its manifest; when the artifact holds a
   * fitted preprocessor the model comes back wrapped in it, as it was saved.
   */
  public static FittedModel load(ArtifactReader reader, ModelFamilies families) {
    if (reader.has(dev.quiver.preprocess.Preprocessor.FILE)) return dev.quiver.preprocess.PreprocessedModel.load(reader, families);
    return families.get(reader.manifest().family()).load(reader);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a leftover staging directory is hidden and never read as a model
    }
  }
}
