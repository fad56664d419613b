package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A net saved as a directory of two files: its parameters as DJL's parameter stream ({@link
 * ParameterBytes}) and its config as pretty-printed JSON ({@link Json#MAPPER}). {@code what} names
 * the net in messages (e.g. {@code vae}), {@code writer} the class whose {@code save} writes it.
 * Stateless.
 */
final class NetDirectory {

  /** A directory read back: the config, then the parameters. */
  record Read<C>(C config, byte[] parameters) {}

  private NetDirectory() {}

  /** Writes {@code parameters} to {@code parametersFile} and {@code config} to {@code configFile} in {@code dir}, created if missing. */
  static void write(Path dir, String what, String parametersFile, byte[] parameters, String configFile, Object config) {
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(parametersFile), parameters);
      Files.write(dir.resolve(configFile), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
    } catch (IOException e) {
      throw new InternalException("cannot save " + what + " to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code configFile} as a {@code type}, then {@code parametersFile}, from {@code dir}; a missing or unreadable file is bad input. */
  static <C> Read<C> read(Path dir, String what, String writer, String parametersFile, String configFile, Class<C> type) {
    try {
      C config = Json.MAPPER.readValue(Files.readAllBytes(dir.resolve(configFile)), type);
      return new Read<>(config, Files.readAllBytes(dir.resolve(parametersFile)));
    } catch (IOException e) {
      throw new BadInputException(Where.file(dir), "no readable " + what + " model: " + e.getMessage(), "pass a directory written by " + writer + ".save");
    }
  }
}
