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
 * manifest and fails, naming the file, on a mismatch or a file the manifest does not list. A
 * member saved with {@link ArtifactWriter#writeMember} is read through {@link #member}, which
 * checks each file against both the member's manifest and this artifact's.
 */
public final class ArtifactReader {

  private final Path dir;
  private final ModelManifest manifest;
  private final String prefix;
  private final ArtifactReader parent;

  ArtifactReader(Path dir, ModelManifest manifest) {
    this(dir, manifest, "", null);
  }

  private ArtifactReader(Path dir, ModelManifest manifest, String prefix, ArtifactReader parent) {
    this.dir = dir;
    this.manifest = manifest;
    this.prefix = prefix;
    this.parent = parent;
  }

  /**
   * The reader of a member that {@link ArtifactWriter#writeMember} saved under {@code prefix},
   * given the manifest it returned; pass it to the member family's {@link ModelFamily#load}.
   */
  public ArtifactReader member(String prefix, ModelManifest memberManifest) {
    return new ArtifactReader(dir, memberManifest, this.prefix + prefix, this);
  }

  /** The checksum this artifact's outermost manifest lists for its file {@code fullName}, or null. */
  private String listed(String fullName) {
    return parent == null ? manifest.files().get(fullName) : parent.listed(fullName);
  }

  /**
   * Loads the member that {@link ArtifactWriter#writeModel} saved under {@code name}, with the
   * family its manifest names; every file is verified against this artifact's checksums.
   */
  public FittedModel readModel(String name, ModelFamilies families) {
    ModelManifest m = readJson(name + ArtifactWriter.MEMBER_MANIFEST_SUFFIX, ModelManifest.class);
    return families.get(m.family()).load(member(name + ".", m));
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public byte[] read(String name) {
    String expected = manifest.files().get(name);
    Path file = dir.resolve(prefix + name);
    if (expected == null || !expected.equals(listed(prefix + name))) {
      throw new BadInputException(Where.file(file), "the artifact's manifest does not list " + prefix + name, "re-save the model");
    }
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
