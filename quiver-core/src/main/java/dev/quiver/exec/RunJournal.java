package dev.quiver.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of a run's finished jobs: {@value #FILE} in the run directory, one JSON
 * object per line, each line written in one call and forced to disk ({@code fsync}) before
 * {@link #append} returns. A process killed mid-write can leave a torn last line; reading skips
 * it (that job simply runs again) and the next append cuts it off; a bad line before the last one is
 * reported as bad input.
 * Thread-safe.
 */
public final class RunJournal {

  public static final String FILE = "journal.jsonl";

  /**
   * One finished job: its {@link TrainJob#identity()}, name, family, seed, fit seconds and the
   * model folder relative to the run directory.
   */
  public record Entry(String identity, String name, String family, long seed, double fitSeconds, String model) {}

  private final Path file;

  private RunJournal(Path file) {
    this.file = file;
  }

  /** The journal of {@code runDir} (created on the first append). */
  public static RunJournal in(Path runDir) {
    return new RunJournal(runDir.resolve(FILE));
  }

  public Path file() {
    return file;
  }

  /** The entries written so far, by identity (the last entry of an identity wins). */
  public synchronized Map<String, Entry> finished() {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new InternalException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) continue;
      try {
        Entry e = Json.MAPPER.readValue(line, Entry.class);
        out.put(e.identity(), e);
      } catch (JsonProcessingException ex) {
        if (n == lines.size() - 1) continue; // torn by a crash mid-append: that job runs again
        throw new BadInputException(Where.cell(file, n + 1, "journal"), "unreadable journal line: " + ex.getOriginalMessage(),
            "delete the line (its job will run again) or start a fresh --run-dir");
      }
    }
    return out;
  }

  /** Appends {@code e} as one line and forces it to disk. */
  public synchronized void append(Entry e) {
    try {
      Files.createDirectories(file.getParent());
      byte[] line = (Json.MAPPER.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        ch.truncate(wholeLinesEnd(ch));
        ByteBuffer b = ByteBuffer.wrap(line);
        long at = ch.size();
        while (b.hasRemaining()) at += ch.write(b, at);
        ch.force(true);
      }
    } catch (IOException ex) {
      throw new InternalException("cannot append to " + file + ": " + ex.getMessage(), ex);
    }
  }

  /** Where the last whole line ends: a line torn by a crash is cut off before the next append. */
  private static long wholeLinesEnd(FileChannel ch) throws IOException {
    long end = ch.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (end > 0) {
      one.clear();
      ch.read(one, end - 1);
      if (one.get(0) == '\n') return end;
      end--;
    }
    return 0;
  }
}
