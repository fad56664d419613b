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
   * A reader of the part saved through {@link ArtifactWriter#nested} with the same prefix: its
   * file names are read with the prefix, checksums still come from this artifact's manifest, and
   * {@link #manifest()} is this one with the part's schema and provenance (which the enclosing
   * model records).
   */
  public ArtifactReader nested(String prefix, Schema schema, Provenance provenance) {
    if (!prefix.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("bad artifact prefix " + prefix);
    ModelManifest part = new ModelManifest(manifest.formatVersion(), provenance.family(), schema, provenance, manifest.files());
    return new ArtifactReader(dir, part, this.prefix + prefix);
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public byte[] read(String name) {
    name = prefix + name;
    String expected = manifest.files().get(name);
    Path file = dir.resolve(name);
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
      throw new InternalException("cannot parse " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
  }

  public Map<String, Object> readJsonMap(String name) {
    try {
      return Json.MAPPER.readValue(read(name), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new InternalException("cannot parse " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
  }
}
