package dev.quiver.cli;

import dev.quiver.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The first bars of one symbol of the bundled futures file, written as a plain CSV: real data, small enough for quick CLI tests. */
final class FuturesSlice {

  private FuturesSlice() {}

  /** Writes the header and the first {@code bars} rows of {@code symbol} to {@code dir/name}; returns the file. */
  static Path write(Path dir, String name, String symbol, int bars) {
    Path out = dir.resolve(name);
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(TestData.file(TestData.FUTURES_1M))),
        StandardCharsets.UTF_8))) {
      lines.add(in.readLine());
      String line;
      while (lines.size() <= bars && (line = in.readLine()) != null) if (line.endsWith("," + symbol)) lines.add(line);
      Files.write(out, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
