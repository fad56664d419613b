package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the market data bundled in the repository's data/ folder (bin/quiver passes -Dquiver.home). */
final class BundledData {

  static final String FUTURES_1M = "cn_index_futures_1m.csv.gz";

  private BundledData() {}

  static Path file(String name) {
    String home = System.getProperty("quiver.home");
    if (home != null && Files.isRegularFile(Path.of(home, "data", name))) return Path.of(home, "data", name);
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("data").resolve(name))) return p.resolve("data").resolve(name);
    }
    throw new BadInputException(Where.file("data/" + name), "the bundled data file is missing",
        "run quiver from the repository (bin/quiver) or pass --input FILE");
  }
}
