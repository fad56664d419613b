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

  ArtifactWriter(Path dir, Durability durability) {
    this.dir = dir;
    this.durability = durability;
  }

  /** Writes a file named {@code name} (no directories) into the artifact. */
  public void write(String name, byte[] bytes) {
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
    return dir.resolve(name);
  }

  /** Records the checksum of a file a library wrote at {@link #path}. */
  public void adopt(String name) {
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
