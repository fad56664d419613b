package dev.quiver.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quiver.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir
  Path dir;

  @Test
  void a_new_file_is_readable_by_others_and_a_replaced_file_keeps_its_permissions() throws IOException {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX permissions");
    Path out = dir.resolve("out.csv");
    AtomicFile.write(out, temp -> Files.writeString(temp, "a\n"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFile.write(out, temp -> Files.writeString(temp, "b\n"));
    assertThat(Files.readString(out)).isEqualTo("b\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-rw----");
  }

  @Test
  void a_failed_write_leaves_the_old_file_and_no_temporary_file() throws IOException {
    Path out = dir.resolve("out.csv");
    Files.writeString(out, "old\n");
    assertThatThrownBy(() -> AtomicFile.write(out, temp -> {
      Files.writeString(temp, "half");
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    assertThat(Files.readString(out)).isEqualTo("old\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
    assertThatThrownBy(() -> AtomicFile.write(dir.resolve("missing/out.csv"), temp -> {})).isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not exist");
  }
}
