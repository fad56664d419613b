package dev.quiver.registry;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Problem;
import dev.quiver.error.Where;
import dev.quiver.model.Checksums;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@value #NAME}: the SHA-256 of every other file of a version folder, one line each, {@code
 * <64 hex>  <file name>}, sorted by name (the format of {@code sha256sum}, so {@code sha256sum -c
 * checksums.sha256} checks a folder by hand). Stateless.
 */
final class ChecksumFile {

  static final String NAME = "checksums.sha256";

  private ChecksumFile() {}

  static byte[] render(Map<String, String> sha256ByFile) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(sha256ByFile).entrySet()) sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The file names and checksums listed in {@code bytes} (read from {@code file}); a malformed line is bad input. */
  static Map<String, String> parse(byte[] bytes, Path file) {
    Map<String, String> out = new TreeMap<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.isEmpty() && i == lines.length - 1) break;
      String name = l.length() > 66 ? l.substring(66) : "";
      if (l.length() < 67 || !l.startsWith("  ", 64) || !l.substring(0, 64).matches("[0-9a-f]{64}") || name.contains("/") || name.equals(NAME)) {
        problems.add(new Problem(Where.line(file, i + 1), l, "bad_checksum_line", "not a '<sha256>  <file>' line"));
      } else {
        out.put(name, l.substring(0, 64));
      }
    }
    if (!problems.isEmpty()) throw new BadInputException(problems, "restore the model folder from a good copy");
    return out;
  }

  /** SHA-256 of a file, read in pieces. */
  static String sha256(Path file) throws IOException {
    MessageDigest md = Checksums.digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Every problem of the folder {@code dir}: {@value #NAME} missing or not the one the index
   * recorded ({@code expectedSha256}), a listed file missing or with another SHA-256 (changed or
   * truncated), a file present but not listed. Empty when the folder is intact.
   */
  static List<Problem> verify(Path dir, String expectedSha256) {
    List<Problem> problems = new ArrayList<>();
    Path sumFile = dir.resolve(NAME);
    if (!Files.isDirectory(dir)) {
      problems.add(new Problem(Where.file(dir), "", "missing_folder", "the model folder is missing"));
      return problems;
    }
    byte[] sums;
    try {
      sums = Files.readAllBytes(sumFile);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(Where.file(sumFile), "", "missing_file", NAME + " is missing"));
      return problems;
    } catch (IOException e) {
      problems.add(new Problem(Where.file(sumFile), "", "unreadable_file", "cannot read " + NAME + ": " + e.getMessage()));
      return problems;
    }
    String actual = Checksums.sha256(sums);
    if (expectedSha256 != null && !actual.equals(expectedSha256)) {
      problems.add(new Problem(Where.file(sumFile), "", "checksum_mismatch",
          NAME + " is not the one registered (SHA-256 " + actual + ", index has " + expectedSha256 + ")"));
      return problems;
    }
    Map<String, String> listed;
    try {
      listed = parse(sums, sumFile);
    } catch (BadInputException e) {
      problems.addAll(e.problems());
      return problems;
    }
    for (Map.Entry<String, String> e : listed.entrySet()) {
      Path f = dir.resolve(e.getKey());
      try {
        long size = Files.size(f);
        String sha = sha256(f);
        if (!sha.equals(e.getValue())) {
          problems.add(new Problem(Where.file(f), "", "checksum_mismatch", "SHA-256 mismatch in " + e.getKey() + " (" + size
              + " bytes): expected " + e.getValue() + ", found " + sha + "; the file was changed or truncated after registering"));
        }
      } catch (NoSuchFileException ex) {
        problems.add(new Problem(Where.file(f), "", "missing_file", e.getKey() + " is missing"));
      } catch (IOException ex) {
        problems.add(new Problem(Where.file(f), "", "unreadable_file", "cannot read " + e.getKey() + ": " + ex.getMessage()));
      }
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        if (!n.equals(NAME) && !listed.containsKey(n)) {
          problems.add(new Problem(Where.file(f), "", "unexpected_file", n + " is not listed in " + NAME));
        }
      }
    } catch (IOException e) {
      problems.add(new Problem(Where.file(dir), "", "unreadable_folder", "cannot list the model folder: " + e.getMessage()));
    }
    return problems;
  }
}
