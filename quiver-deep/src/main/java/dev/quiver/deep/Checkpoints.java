package dev.quiver.deep;

import dev.quiver.error.BadInputException;
import dev.quiver.error.InternalException;
import dev.quiver.error.Where;
import dev.quiver.model.Checksums;
import dev.quiver.model.Json;
import dev.quiver.model.Matrix;
import dev.quiver.model.Params;
import dev.quiver.model.TrainSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A fit's checkpoints in one directory: after every N epochs, the net's parameters, the best
 * epoch's parameters, the optimizer state and the learning curve so far, under {@code
 * FAMILY-ckpt-EPOCH/}. Each is written to a {@code .tmp} directory and renamed into place (a kill
 * leaves the previous checkpoint whole), then older ones are deleted. A checkpoint belongs to one
 * fit: its fingerprint is the SHA-256 of the family, parameters (but {@code resume}), seed,
 * threads and the training and validation rows and targets (auxiliary targets included); {@link #latest} ignores others and
 * verifies the SHA-256 of every file it reads. Not thread-safe.
 */
final class Checkpoints {

  static final String FORMAT = "quiver-deep-checkpoint/1";

  private final Path dir;
  private final String family;
  private final String fingerprint;

  Checkpoints(Path dir, String family, String fingerprint) {
    this.dir = dir;
    this.family = family;
    this.fingerprint = fingerprint;
  }

  /** The saved form of a checkpoint's JSON; {@code best} is the 1-based kept epoch (0: none yet). */
  record State(String format, String family, String fingerprint, int epoch, double[] train, double[] validation, int best,
      Map<String, String> sha256) {}

  /** A checkpoint read back. */
  record Saved(State state, byte[] parameters, byte[] bestParameters, byte[] optimizer) {}

  /**
   * Fails before training when {@code p} asks for checkpoints or a resume ({@code checkpoint_every}
   * above 0, {@code resume}) without a {@code checkpoint_dir}.
   */
  static void requireDirectory(String family, Params p) {
    if ((p.getInt("checkpoint_every") > 0 || p.getBoolean("resume")) && p.getString("checkpoint_dir").isBlank()) {
      throw new BadInputException(Where.none(), family + " checkpoint_every and resume need a checkpoint_dir", "add --set " + family + ".checkpoint_dir=DIR");
    }
  }

  static String fingerprint(String family, Params params, long seed, int threads, TrainSet train, TrainSet validation) {
    MessageDigest d = Checksums.digest();
    d.update((family + "\n" + seed + "\n" + threads + "\n").getBytes(StandardCharsets.UTF_8));
    params.asStrings().forEach((k, v) -> {
      if (!k.equals("resume")) d.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8));
    });
    rows(d, train);
    if (validation != null) rows(d, validation);
    StringBuilder hex = new StringBuilder();
    for (byte b : d.digest()) hex.append(String.format("%02x", b));
    return hex.toString();
  }

  private static void rows(MessageDigest d, TrainSet set) {
    Matrix x = set.x();
    ByteBuffer buf = ByteBuffer.allocate(4 * Math.max(x.cols(), 1)).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < x.rows(); r++) {
      buf.clear();
      for (int j = 0; j < x.cols(); j++) buf.putFloat(x.get(r, j));
      d.update(buf.array(), 0, 4 * x.cols());
    }
    ByteBuffer y = ByteBuffer.allocate(4 * set.y().length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : set.y()) y.putFloat(v);
    d.update(y.array());
    for (Map.Entry<String, float[]> e : set.auxiliary().entrySet()) {
      d.update((e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
      ByteBuffer a = ByteBuffer.allocate(4 * e.getValue().length).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : e.getValue()) a.putFloat(v);
      d.update(a.array());
    }
  }

  void write(int epoch, double[] train, double[] validation, int best, byte[] parameters, byte[] bestParameters, byte[] optimizer) {
    String name = String.format("%s-ckpt-%06d", family, epoch);
    Path tmp = dir.resolve(name + ".tmp");
    try {
      Files.createDirectories(dir);
      delete(tmp);
      Files.createDirectories(tmp);
      Files.write(tmp.resolve("parameters.bin"), parameters);
      Files.write(tmp.resolve("optimizer.bin"), optimizer);
      if (bestParameters != null) Files.write(tmp.resolve("best.bin"), bestParameters);
      Map<String, String> sha = new java.util.LinkedHashMap<>();
      sha.put("parameters.bin", Checksums.sha256(parameters));
      sha.put("optimizer.bin", Checksums.sha256(optimizer));
      if (bestParameters != null) sha.put("best.bin", Checksums.sha256(bestParameters));
      Json.MAPPER.writeValue(tmp.resolve("state.json").toFile(), new State(FORMAT, family, fingerprint, epoch, train, validation, best, sha));
      Path target = dir.resolve(name);
      delete(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      for (Path old : checkpoints()) if (!old.equals(target)) delete(old);
    } catch (IOException e) {
      throw new BadInputException(Where.file(tmp), "cannot write a checkpoint: " + e.getMessage(), "check that checkpoint_dir is writable");
    }
  }

  /** The newest checkpoint of this fit, if any. */
  Optional<Saved> latest() {
    List<Path> all = checkpoints();
    for (int i = all.size() - 1; i >= 0; i--) {
      Path c = all.get(i);
      State s;
      try {
        s = Json.MAPPER.readValue(c.resolve("state.json").toFile(), State.class);
      } catch (IOException e) {
        continue;
      }
      if (!FORMAT.equals(s.format()) || !fingerprint.equals(s.fingerprint())) continue;
      return Optional.of(new Saved(s, read(c, "parameters.bin", s), s.sha256().containsKey("best.bin") ? read(c, "best.bin", s) : null,
          read(c, "optimizer.bin", s)));
    }
    return Optional.empty();
  }

  private static byte[] read(Path c, String file, State s) {
    try {
      byte[] b = Files.readAllBytes(c.resolve(file));
      if (!Checksums.sha256(b).equals(s.sha256().get(file))) {
        throw new BadInputException(Where.file(c.resolve(file)), "checkpoint file SHA-256 mismatch", "delete " + c + " to start again");
      }
      return b;
    } catch (IOException e) {
      throw new BadInputException(Where.file(c.resolve(file)), "cannot read checkpoint: " + e.getMessage(), "delete " + c + " to start again");
    }
  }

  private List<Path> checkpoints() {
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(family) + "-ckpt-\\d{6}")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new InternalException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static void delete(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
