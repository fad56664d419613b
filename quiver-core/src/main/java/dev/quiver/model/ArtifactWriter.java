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
  private final Map<String, String> sha256;
  private final String prefix;

  ArtifactWriter(Path dir, Durability durability) {
    this(dir, durability, new LinkedHashMap<>(), "");
  }

  private ArtifactWriter(Path dir, Durability durability, Map<String, String> sha256, String prefix) {
    this.dir = dir;
    this.durability = durability;
    this.sha256 = sha256;
    this.prefix = prefix;
  }

  /**
   * A writer into the same artifact whose file names all start with {@code prefix} (letters,
   * digits, '-', '_' and '.'), for a model made of models: each part saves itself through its own
   * nested writer and the files land side by side, every one checksummed in the one manifest.
   */
  public ArtifactWriter nested(String prefix) {
    if (!prefix.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("bad artifact prefix " + prefix);
    return new ArtifactWriter(dir, durability, sha256, this.prefix + prefix);
  }

  /** Writes a file named {@code name} (no directories) into the artifact. */
  public void write(String name, byte[] bytes) {
    name = prefix + name;
    if (name.contains("/") || name.contains("\\") || name.equals(ModelStore.MANIFEST)) {
      throw new IllegalArgumentException("bad artifact file name " + name);
    }
    try {
      Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new InternalException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
    }
    if (durability == Durability.FSYNC) FileSync.file(dir.resolve(name));
    sha256.put(name, Checksums.sha256(bytes));
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
    name = prefix + name;
    if (durability == Durability.FSYNC) FileSync.file(dir.resolve(name));
    try {
      sha256.put(name, Checksums.sha256(Files.readAllBytes(dir.resolve(name))));
    } catch (IOException e) {
      throw new InternalException("cannot read " + dir.resolve(name), e);
    }
  }

  Map<String, String> checksums() {
    return Map.copyOf(sha256);
  }
}
