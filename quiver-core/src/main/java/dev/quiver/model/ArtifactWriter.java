package dev.quiver.model;

import dev.quiver.error.InternalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects a model's files (in its library's native format, plus JSON) under a staging
 * directory, recording the SHA-256 of each. {@link ModelStore#save} commits the directory
 * atomically with a manifest. With {@link Durability#FSYNC} every file is forced to disk as it is
 * written. Not thread-safe.
 */
public final class ArtifactWriter {

  private final Path dir;
  private final Durability durability;
  private final Map<String, String> sha256 = new LinkedHashMap<>();
  /** File-name prefix of a nested model's files ("" at the top level). */
  private final String prefix;

  ArtifactWriter(Path dir, Durability durability) {
    this(dir, durability, "");
  }

  private ArtifactWriter(Path dir, Durability durability, String prefix) {
    this.dir = dir;
    this.durability = durability;
    this.prefix = prefix;
  }

  /** Writes a file named {@code name} (no directories) into the artifact. */
  public void write(String name, byte[] bytes) {
    checkName(name);
    Path file = dir.resolve(prefix + name);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new InternalException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (durability == Durability.FSYNC) FileSync.file(file);
    record(name, Checksums.sha256(bytes));
  }

  private static void checkName(String name) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(ModelStore.MANIFEST)) {
      throw new IllegalArgumentException("bad artifact file name " + name);
    }
  }

  private void record(String name, String sha) {
    if (sha256.put(name, sha) != null) throw new IllegalArgumentException("artifact file " + prefix + name + " written twice");
  }

  /**
   * Saves {@code model} (an ensemble's member) inside this artifact as a nested model: its files
   * are written here, flat, named {@code <prefix>.<file>}, with its own manifest in {@code
   * <prefix>.manifest.json}. This artifact's manifest lists every file (so a folder check sees
   * no stranger) and the nested manifest lists the member's own, under their unprefixed names. The folder stays flat, as the model registry needs. {@link
   * ArtifactReader#readModel} reads it back with the family named in the member's provenance.
   *
   * @param prefix a file-name-safe name, unique within this artifact (e.g. {@code member-0})
   */
  public void writeModel(String prefix, FittedModel model) {
    checkName(prefix);
    if (prefix.contains(".")) throw new IllegalArgumentException("nested model prefix " + prefix + " must not contain '.'");
    ArtifactWriter child = new ArtifactWriter(dir, durability, this.prefix + prefix + ".");
    model.save(child);
    for (Map.Entry<String, String> e : child.sha256.entrySet()) record(prefix + "." + e.getKey(), e.getValue());
    ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, model.provenance().family(), model.inputSchema(),
        model.provenance(), child.checksums());
    writeJson(prefix + "." + ModelStore.MANIFEST, manifest);
  }

  public void writeText(String name, String text) {
    write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code value} as pretty JSON. */
  public void writeJson(String name, Object value) {
    try {
      write(name, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scratch path for libraries that only save to files; call {@link #adopt} after writing it. */
  public Path path(String name) {
    checkName(name);
    return dir.resolve(prefix + name);
  }

  /** Records the checksum of a file a library wrote at {@link #path}. */
  public void adopt(String name) {
    Path file = dir.resolve(prefix + name);
    if (durability == Durability.FSYNC) FileSync.file(file);
    try {
      record(name, Checksums.sha256(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new InternalException("cannot read " + file, e);
    }
  }

  Map<String, String> checksums() {
    return Map.copyOf(sha256);
  }
}
