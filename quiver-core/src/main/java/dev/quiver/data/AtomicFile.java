package dev.quiver.data;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes a file so that readers see the old file or the whole new one, never a part: the
 * content goes to a hidden temporary file in the same folder, which is then renamed over the
 * target (atomically where the file system can). On any failure the temporary file is deleted.
 * The new file gets the permissions of the file it replaces, or {@code rw-r--r--} for a new one
 * (a temporary file starts private to its owner), on file systems with POSIX permissions.
 */
public final class AtomicFile {

  /** Writes the content into the given (temporary) path. */
  public interface Content {
    void writeTo(Path temp) throws IOException;
  }

  private AtomicFile() {}

  private static void shareLikeTarget(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
    Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }

  public static void write(Path target, Content content) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw bad(target, "output_folder_missing", "the output folder " + dir + " does not exist", "create the folder first or choose another output path");
    }
    if (Files.isDirectory(abs)) throw bad(target, "output_is_folder", "the output path is a folder", "give a file name ending in .csv, .csv.gz or .parquet");
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      content.writeTo(temp);
      shareLikeTarget(temp, abs);
      try {
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException notAtomic) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (FileSystemException e) {
      throw bad(target, "cannot_write", "cannot write the output: " + e.getMessage(), "check the path and its permissions");
    } catch (IOException e) {
      throw new InternalException("writing " + target + " failed: " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
      }
    }
  }

  private static BadInputException bad(Path target, String rule, String message, String fix) {
    return new BadInputException(List.of(new Problem(Where.file(target), "", rule, message)), fix);
  }
}
