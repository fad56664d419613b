package dev.quiver.registry;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed POSIX ustar archive holding one folder of plain files, the registry's
 * portable bundle: written and read here with the JDK alone (no archive library is managed by the
 * build). Writing is deterministic: entries in the given order, mode 0644, owner 0/0, one mtime.
 * Reading accepts only what writing produces (regular files directly under one folder, plus that
 * folder's own entry) and rejects links, devices, PAX/GNU extensions, absolute or {@code ..}
 * names and repeated names, so extracting cannot write outside the target folder. Stateless.
 */
final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /** Writes {@code files} of {@code dir} as {@code folder/<file>} entries to {@code out}, gzip-compressed. */
  static void write(OutputStream out, String folder, Path dir, List<String> files, long mtimeSeconds) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    byte[] buf = new byte[1 << 16];
    for (String f : files) {
      Path file = dir.resolve(f);
      long size = Files.size(file);
      gz.write(header(folder, f, size, mtimeSeconds));
      long copied = 0;
      try (InputStream in = Files.newInputStream(file)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          gz.write(buf, 0, n);
          copied += n;
        }
      }
      if (copied != size) throw new IOException(file + " changed size while being archived");
      int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
      gz.write(new byte[pad]);
    }
    gz.write(new byte[2 * BLOCK]);
    gz.finish();
  }

  private static byte[] header(String folder, String file, long size, long mtime) {
    byte[] h = new byte[BLOCK];
    String full = folder + "/" + file;
    byte[] fullBytes = full.getBytes(StandardCharsets.UTF_8);
    if (fullBytes.length <= 100) {
      put(h, 0, 100, fullBytes);
    } else {
      byte[] prefix = folder.getBytes(StandardCharsets.UTF_8);
      byte[] name = file.getBytes(StandardCharsets.UTF_8);
      if (prefix.length > 155 || name.length > 100) throw new IllegalArgumentException("path too long for ustar: " + full);
      put(h, 0, 100, name);
      put(h, 345, 155, prefix);
    }
    octal(h, 100, 8, 0644);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    h[156] = '0';
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    put(h, 265, 32, "root".getBytes(StandardCharsets.US_ASCII));
    put(h, 297, 32, "root".getBytes(StandardCharsets.US_ASCII));
    for (int i = 148; i < 156; i++) h[i] = ' ';
    long sum = 0;
    for (byte b : h) sum += b & 0xff;
    byte[] cs = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(cs, 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int at, int len, byte[] value) {
    if (value.length > len) throw new IllegalArgumentException("ustar field too long");
    System.arraycopy(value, 0, h, at, value.length);
  }

  /** {@code value} as zero-padded octal digits filling {@code len - 1} bytes, then NUL. */
  private static void octal(byte[] h, int at, int len, long value) {
    String s = Long.toOctalString(value);
    if (s.length() > len - 1) throw new IllegalArgumentException("value " + value + " does not fit a ustar field");
    put(h, at, len, ("0".repeat(len - 1 - s.length()) + s + "\0").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Extracts {@code bundle} into the existing empty folder {@code into}, dropping the archive's
   * one top folder; returns that folder's name. Anything not written by {@link #write} is bad input naming the bundle.
   */
  static String extract(Path bundle, Path into) {
    try (InputStream raw = Files.newInputStream(bundle); InputStream in = new GZIPInputStream(raw, 1 << 16)) {
      String folder = null;
      Set<String> seen = new HashSet<>();
      byte[] h = new byte[BLOCK];
      byte[] buf = new byte[1 << 16];
      while (true) {
        readFully(in, h);
        if (allZero(h)) break;
        checkHeader(bundle, h);
        String name = text(h, 0, 100);
        String prefix = text(h, 345, 155);
        String full = prefix.isEmpty() ? name : prefix + "/" + name;
        char type = (char) h[156];
        long size = parseOctal(bundle, h, 124, 12);
        String top = full.contains("/") ? full.substring(0, full.indexOf('/')) : full;
        String rest = full.contains("/") ? full.substring(full.indexOf('/') + 1) : "";
        if (!safeFolder(top) || (folder != null && !folder.equals(top))) throw bad(bundle, "entry '" + full + "' is not under one model folder");
        folder = top;
        if (type == '5') {
          if (!rest.isEmpty() && !rest.equals("/")) throw bad(bundle, "entry '" + full + "' is a nested folder");
          skip(in, size, buf);
          continue;
        }
        if (type != '0' && type != 0) throw bad(bundle, "entry '" + full + "' is not a plain file (type '" + type + "')");
        if (rest.isEmpty() || rest.contains("/") || rest.equals(".") || rest.equals("..") || rest.contains("\\")) {
          throw bad(bundle, "entry '" + full + "' is not a file directly inside the model folder");
        }
        if (!seen.add(rest)) throw bad(bundle, "entry '" + full + "' appears twice");
        try (OutputStream out = Files.newOutputStream(into.resolve(rest))) {
          long left = size;
          while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new EOFException();
            out.write(buf, 0, n);
            left -= n;
          }
        }
        skip(in, (BLOCK - size % BLOCK) % BLOCK, buf);
      }
      if (folder == null) throw bad(bundle, "the bundle is empty");
      return folder;
    } catch (EOFException e) {
      throw bad(bundle, "the bundle is truncated");
    } catch (ZipException e) {
      throw bad(bundle, "the bundle is not gzip-compressed or is corrupt (" + e.getMessage() + ")");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(Where.file(bundle), "bundle not found", "check the path");
    } catch (IOException e) {
      throw bad(bundle, "cannot read the bundle: " + e.getMessage());
    }
  }

  private static void checkHeader(Path bundle, byte[] h) {
    String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
    if (!magic.equals("ustar")) throw bad(bundle, "not a ustar archive");
    long stored = parseOctal(bundle, h, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
    if (sum != stored) throw bad(bundle, "a tar header's checksum is wrong (the bundle is corrupt)");
  }

  private static long parseOctal(Path bundle, byte[] h, int at, int len) {
    long v = 0;
    boolean any = false;
    for (int i = at; i < at + len; i++) {
      int c = h[i] & 0xff;
      if (c == 0 || c == ' ') {
        if (any) break;
        continue;
      }
      if (c < '0' || c > '7') throw bad(bundle, "a tar header holds a bad number (the bundle is corrupt)");
      v = v * 8 + (c - '0');
      any = true;
    }
    return v;
  }

  private static String text(byte[] h, int at, int len) {
    int end = at;
    while (end < at + len && h[end] != 0) end++;
    return new String(h, at, end - at, StandardCharsets.UTF_8);
  }

  private static boolean allZero(byte[] h) {
    for (byte b : h) if (b != 0) return false;
    return true;
  }

  private static void readFully(InputStream in, byte[] b) throws IOException {
    int off = 0;
    while (off < b.length) {
      int n = in.read(b, off, b.length - off);
      if (n < 0) throw new EOFException();
      off += n;
    }
  }

  private static void skip(InputStream in, long n, byte[] buf) throws IOException {
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) throw new EOFException();
      n -= r;
    }
  }

  private static BadInputException bad(Path bundle, String message) {
    return new BadInputException(Where.file(bundle), message, "export the model again with quiver models export");
  }

  /** Folder names a bundle may hold: what the registry writes (no path tricks). */
  private static boolean safeFolder(String s) {
    return s.matches("[A-Za-z0-9][A-Za-z0-9._+-]*");
  }
}
