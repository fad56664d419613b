package dev.quiver.cli;

import dev.quiver.config.ExperimentConfig;
import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import dev.quiver.experiment.ExperimentRunner;
import dev.quiver.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a run keeps its journal and models: a fresh timestamped folder, or an existing one to resume. */
final class RunDirectory {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunDirectory() {}

  /** A folder under {@code parent} named after the local time, with -2, -3... when taken; not created yet. */
  static Path fresh(Path parent) {
    String stamp = LocalDateTime.now().format(STAMP);
    Path dir = parent.resolve(stamp);
    for (int n = 2; Files.exists(dir); n++) dir = parent.resolve(stamp + "-" + n);
    return dir;
  }

  /** The experiment a run directory holds. */
  static ExperimentConfig experiment(Path dir) {
    Path file = dir.resolve(ExperimentRunner.EXPERIMENT_FILE);
    try {
      return Json.MAPPER.readValue(Files.readAllBytes(file), ExperimentConfig.class);
    } catch (NoSuchFileException e) {
      throw new BadInputException(Where.file(file), "no run to resume here (" + ExperimentRunner.EXPERIMENT_FILE + " is missing)",
          "give the folder a previous quiver train printed as its run directory");
    } catch (IOException e) {
      throw new BadInputException(Where.file(file), "unreadable experiment of the run: " + e.getMessage(), "start a fresh run instead");
    }
  }
}
