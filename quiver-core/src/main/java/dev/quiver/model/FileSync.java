package dev.quiver.model;

import dev.quiver.error.InternalException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces files and directories to stable storage (fsync). A rename is durable only once the
 * directory holding the new name is synced, so atomic writes sync the file, then its folder
 * after the rename. Directory sync is skipped where the platform cannot open a directory (Windows).
 */
public final class FileSync {

  private FileSync() {}

  /** fsync of a regular file's content and metadata. */
  public static void file(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      throw new InternalException("cannot sync " + file + " to disk: " + e.getMessage(), e);
    }
  }

  /** fsync of a directory, so that names created, renamed or removed in it survive a power loss. */
  public static void directory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (System.getProperty("os.name", "").startsWith("Windows")) return;
      throw new InternalException("cannot sync folder " + dir + " to disk: " + e.getMessage(), e);
    }
  }
}
