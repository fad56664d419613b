package dev.quiver.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a committed artifact's files. Every read verifies the file's SHA-256 against the
 * manifest and fails, naming the file, on a mismatch or a file the manifest does not list.
 */
public final class ArtifactReader {

  private final Path dir;
  private final ModelManifest manifest;
  /** File-name prefix of a nested model's files ("" at the top level). */
  private final String prefix;

  ArtifactReader(Path dir, ModelManifest manifest) {
    this(dir, manifest, "");
  }

  private ArtifactReader(Path dir, ModelManifest manifest, String prefix) {
    this.dir = dir;
    this.manifest = manifest;
    this.prefix = prefix;
  }

  /**
   * Loads a model saved inside this artifact by {@link ArtifactWriter#writeModel} under {@code
   * prefix}, with the family its nested manifest names; its manifest and files are verified like
   * any other.
   */
  public FittedModel readModel(String prefix, ModelFamilies families) {
    ModelManifest nested = readJson(prefix + "." + ModelStore.MANIFEST, ModelManifest.class);
    return families.get(nested.family()).load(new ArtifactReader(dir, nested, this.prefix + prefix + "."));
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public byte[] read(String name) {
    String expected = manifest.files().get(name);
    Path file = dir.resolve(prefix + name);
    if (expected == null) throw new BadInputException(Where.file(file), "the artifact's manifest does not list " + name, "re-save the model");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException(Where.file(file), "cannot read model file: " + e.getMessage(), "re-save the model");
    }
    String actual = Checksums.sha256(bytes);
    if (!actual.equals(expected)) {
      throw new BadInputException(Where.file(file), "SHA-256 mismatch: expected " + expected + ", found " + actual
          + "; the file was changed or corrupted after saving", "restore the artifact from a good copy or retrain");
    }
    return bytes;
  }

  public String readText(String name) {
    return new String(read(name), StandardCharsets.UTF_8);
  }

  public <T> T readJson(String name, Class<T> type) {
    try {
      return Json.MAPPER.readValue(read(name), type);
    } catch (IOException e) {
      throw new InternalException("cannot parse " + dir.resolve(prefix + name) + ": " + e.getMessage(), e);
    }
  }

  public Map<String, Object> readJsonMap(String name) {
    try {
      return Json.MAPPER.readValue(read(name), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new InternalException("cannot parse " + dir.resolve(prefix + name) + ": " + e.getMessage(), e);
    }
  }
}
