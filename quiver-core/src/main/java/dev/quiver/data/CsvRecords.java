package dev.quiver.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits CSV bytes into records and fields without copying or decoding them: each field is a
 * range of {@link #buffer()}, valid until the next {@link #next()}. RFC 4180 quoting is
 * understood (a quoted field may hold delimiters, {@code ""} and line breaks); {@code \r\n}
 * endings, a UTF-8 byte order mark and blank lines are handled; blank lines are skipped.
 *
 * <p>Why not FastCSV: FastCSV reads chars, so every byte is first decoded to UTF-16 and then
 * scanned. On the futures file as plain CSV in memory (8.8 MB), FastCSV's allocation-free
 * callback API with FastDoubleParser, filling flat columns and doing nothing else, took 31-40 ms,
 * while Quiver's whole read with this scanner (split, parse, validate, one Bars per symbol) took
 * 24-27 ms (runs interleaved in one JVM; {@code dev.quiver.bench.IngestJmh} has both as
 * {@code fastCsvPlainCsv} and {@code quiverReadPlainCsv}). Market data is ASCII in every field
 * parsed as a number or time, so working on bytes loses nothing; text fields (header names,
 * symbols) are decoded as UTF-8.
 *
 * <p>Not thread-safe.
 */
final class CsvRecords {

  private static final int CHUNK = 1 << 20;
  /** Bytes the fast path may look ahead; a longer record falls back to {@link #next()}. */
  static final int LOOKAHEAD = 1 << 16;

  private final InputStream in;
  private byte[] buf = new byte[CHUNK];
  private int limit;
  private int pos;
  private boolean eof;
  private byte delimiter = ',';
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] quoted = new boolean[16];
  private int count;
  private long line;
  private long nextLine = 1;

  CsvRecords(InputStream in) throws IOException {
    this.in = in;
    fill();
    if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) pos = 3;
  }

  /** True when the first bytes contain a NUL byte or mostly control characters: not a text file. */
  boolean looksBinary() {
    int n = Math.min(limit, 8192);
    int control = 0;
    for (int i = pos; i < n; i++) {
      int c = buf[i] & 0xff;
      if (c == 0) return true;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') control++;
    }
    return control > n / 10;
  }

  /** True when there are no bytes at all (after a byte order mark). */
  boolean isEmpty() {
    return limit - pos <= 0 && eof;
  }

  /** Picks the delimiter of the first line among ',', ';', tab and '|' (the most frequent outside quotes; ',' on a tie). */
  void detectDelimiter() {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    int pipe = 0;
    boolean inQuotes = false;
    for (int i = pos; i < limit; i++) {
      byte c = buf[i];
      if (c == '"') inQuotes = !inQuotes;
      if (inQuotes) continue;
      if (c == '\n') break;
      if (c == ',') comma++;
      else if (c == ';') semicolon++;
      else if (c == '\t') tab++;
      else if (c == '|') pipe++;
    }
    delimiter = ',';
    int best = comma;
    if (semicolon > best) {
      best = semicolon;
      delimiter = ';';
    }
    if (tab > best) {
      best = tab;
      delimiter = '\t';
    }
    if (pipe > best) delimiter = '|';
  }

  byte delimiter() {
    return delimiter;
  }

  byte[] buffer() {
    return buf;
  }

  int count() {
    return count;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  /** 1-based line of the current record's first byte. */
  long line() {
    return line;
  }

  /** The field's text, quotes removed and {@code ""} unescaped, blanks trimmed. */
  String text(int field) {
    String s = new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    if (quoted[field] && s.indexOf('"') >= 0) s = s.replace("\"\"", "\"");
    return s.trim();
  }

  /** The current record as written, for messages (at most 200 characters). */
  String recordText() {
    if (count == 0) return "";
    int s = starts[0];
    int e = Math.min(ends[count - 1], s + 200);
    return new String(buf, s, Math.max(0, e - s), StandardCharsets.UTF_8);
  }

  // ---- fast path: a reader may parse the next record straight from the buffer ----

  /**
   * The offset of the next unread record's first byte, with at least {@link #LOOKAHEAD} bytes
   * after it in the buffer (or the rest of the input); -1 at the end of input. Nothing is
   * consumed: parse from there with {@link #limit()} as the bound, then either
   * {@link #accept(int)} the record or fall back to {@link #next()}, which reads it again.
   */
  int peek() throws IOException {
    if (limit - pos < LOOKAHEAD && !eof) refill(pos);
    return pos < limit ? pos : -1;
  }

  /** The end of the valid bytes of {@link #buffer()}. */
  int limit() {
    return limit;
  }

  boolean atEndOfInput(int offset) {
    return offset >= limit && eof;
  }

  /** 1-based line of the record {@link #peek()} points at. */
  long nextLine() {
    return nextLine;
  }

  /** Consumes the single-line record that {@link #peek()} pointed at; {@code end} is just past its line feed. */
  void accept(int end) {
    pos = end;
    line = nextLine;
    nextLine++;
    count = 0;
  }

  /** Moves to the next non-blank record; false at the end of input. */
  boolean next() throws IOException {
    while (true) {
      int r = scan();
      if (r < 0) return false;
      if (r == 0) continue;
      return true;
    }
  }

  /** -1: end of input; 0: blank line skipped; 1: a record. */
  private int scan() throws IOException {
    restart:
    while (true) {
      int i = pos;
      int recordStart = i;
      long newlines = 0;
      int f = 0;
      if (i >= limit) {
        if (eof) return -1;
        refill(recordStart);
        continue;
      }
      while (true) {
        if (f == starts.length) grow();
        if (i < limit && buf[i] == '"') {
          int q = i + 1;
          int contentStart = q;
          while (true) {
            while (q < limit && buf[q] != '"') {
              if (buf[q] == '\n') newlines++;
              q++;
            }
            if (q >= limit) {
              if (!eof) {
                refill(recordStart);
                continue restart;
              }
              break;
            }
            if (q + 1 < limit && buf[q + 1] == '"') {
              q += 2;
              continue;
            }
            if (q + 1 >= limit && !eof) {
              refill(recordStart);
              continue restart;
            }
            break;
          }
          starts[f] = contentStart;
          ends[f] = Math.min(q, limit);
          quoted[f] = true;
          f++;
          i = q + 1;
          while (i < limit && buf[i] != delimiter && buf[i] != '\n') i++;
          if (i >= limit && !eof) {
            refill(recordStart);
            continue restart;
          }
        } else {
          int s = i;
          i = fieldEnd(i);
          if (i >= limit && !eof) {
            refill(recordStart);
            continue restart;
          }
          int e = i;
          if (e > s && buf[e - 1] == '\r' && (i >= limit || buf[i] == '\n')) e--;
          starts[f] = s;
          ends[f] = e;
          quoted[f] = false;
          f++;
        }
        if (i >= limit) {
          pos = limit;
          break;
        }
        if (buf[i] == '\n') {
          newlines++;
          pos = i + 1;
          break;
        }
        i++;
      }
      count = f;
      line = nextLine;
      nextLine += newlines;
      boolean blank = f == 1 && starts[0] == ends[0] && !quoted[0];
      return blank ? 0 : 1;
    }
  }

  /** The index of the first delimiter or line feed at or after {@code i}, or {@link #limit}. */
  private int fieldEnd(int i) {
    while (i < limit) {
      byte c = buf[i];
      if (c == delimiter || c == '\n') return i;
      i++;
    }
    return i;
  }

  private void grow() {
    int n = starts.length * 2;
    starts = java.util.Arrays.copyOf(starts, n);
    ends = java.util.Arrays.copyOf(ends, n);
    quoted = java.util.Arrays.copyOf(quoted, n);
  }

  /** Keeps bytes from {@code keepFrom} on, moves them to the front, and reads more. */
  private void refill(int keepFrom) throws IOException {
    int keep = limit - keepFrom;
    if (keepFrom > 0) {
      System.arraycopy(buf, keepFrom, buf, 0, keep);
    } else if (keep == buf.length) {
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    limit = keep;
    pos = 0;
    fill();
  }

  private void fill() throws IOException {
    while (limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return;
      }
      limit += n;
    }
  }
}
