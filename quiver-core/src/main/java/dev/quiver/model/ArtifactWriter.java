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
 * written. A model made of models (an ensemble, one booster per quantile) saves each member with
 * {@link #writeMember}: the member's files land in the same directory under a name prefix, and the
 * artifact's manifest checksums them all. Not thread-safe.
 */
public final class ArtifactWriter {

  private final Path dir;
  private final Durability durability;
  private final String prefix;
  private final ArtifactWriter parent;
  private final Map<String, String> sha256 = new LinkedHashMap<>();

  ArtifactWriter(Path dir, Durability durability) {
    this(dir, durability, "", null);
  }

  private ArtifactWriter(Path dir, Durability durability, String prefix, ArtifactWriter parent) {
    this.dir = dir;
    this.durability = durability;
    this.prefix = prefix;
    this.parent = parent;
  }

  /**
   * Saves {@code model} (of {@code family}) into this artifact with each of its file names
   * prefixed by {@code prefix} (letters, digits, '_', '-' and '.', e.g. {@code "q0."}), and returns
   * the member's manifest (file names without the prefix, with their SHA-256). Store the manifest
   * (e.g. in a JSON file of this artifact) to load the member back with {@link ArtifactReader#member}.
   */
  public ModelManifest writeMember(String prefix, String family, FittedModel model) {
    if (prefix.isEmpty() || !prefix.matches("[A-Za-z0-9_.-]+")) throw new IllegalArgumentException("bad member prefix '" + prefix + "'");
    ArtifactWriter member = new ArtifactWriter(dir, durability, this.prefix + prefix, this);
    model.save(member);
    return new ModelManifest(ModelManifest.FORMAT_VERSION, family, model.inputSchema(), model.provenance(), member.sha256);
  }

  /**
   * Saves {@code model} as a self-describing member named {@code name}: its files go in under the
   * prefix {@code name + "."} (see {@link #writeMember}) and its manifest in {@code
   * name + ".member.json"}, so {@link ArtifactReader#readModel} needs nothing but the name.
   */
  public void writeModel(String name, FittedModel model) {
    ModelManifest member = writeMember(name + ".", model.provenance().family(), model);
    writeJson(name + MEMBER_MANIFEST_SUFFIX, member);
  }

  static final String MEMBER_MANIFEST_SUFFIX = ".member.json";

  private void record(String name, String sha) {
    sha256.put(name, sha);
    if (parent != null) parent.record(prefix.substring(parent.prefix.length()) + name, sha);
  }

  /** Writes a file named {@code name} (no directories) into the artifact. */
  public void write(String name, byte[] bytes) {
    if (name.contains("/") || name.contains("\\") || (prefix + name).equals(ModelStore.MANIFEST)) {
      throw new IllegalArgumentException("bad artifact file name " + name);
    }
    Path file = dir.resolve(prefix + name);
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new InternalException("cannot write " + file + ": " + e.getMessage(), e);
    }
    if (durability == Durability.FSYNC) FileSync.file(file);
    record(name, Checksums.sha256(bytes));
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
