package dev.quiver.exec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One model to fit, as plain data: a display name (unique within a plan), the family and
 * variant, user overrides (as text, parsed and validated by the family), the {@link Slice} of
 * data it trains on, and its seed. Nothing here refers to live objects, so a plan can be
 * printed, journaled, or shipped to another executor unchanged.
 */
public record TrainJob(String name, String family, String variant, Map<String, String> overrides, Slice slice, long seed) {

  public TrainJob {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    if (slice == null) slice = Slice.WHOLE;
  }

  /** A job on the {@link Slice#WHOLE whole} data given to its body. */
  public TrainJob(String name, String family, String variant, Map<String, String> overrides, long seed) {
    this(name, family, variant, overrides, Slice.WHOLE, seed);
  }

  /**
   * A job whose seed is derived from {@code experimentSeed} and the job's {@link #identity()},
   * so it is the same whatever the order, concurrency or number of other jobs.
   */
  public static TrainJob planned(String name, String family, String variant, Map<String, String> overrides, Slice slice,
      long experimentSeed) {
    TrainJob unseeded = new TrainJob(name, family, variant, overrides, slice, 0);
    return new TrainJob(name, family, variant, overrides, slice, derivedSeed(experimentSeed, unseeded.identity()));
  }

  /**
   * What makes this job this job, as one line: name, family, variant, overrides sorted by key,
   * timeframe, symbol and fold (not the data path, so that moving a file keeps the seeds, and
   * not the seed). Used for seeds and to match journaled jobs on resume.
   */
  public String identity() {
    StringBuilder s = new StringBuilder();
    s.append(name).append('\u001f').append(family).append('\u001f').append(variant).append('\u001f');
    new TreeMap<>(overrides).forEach((k, v) -> s.append(k).append('=').append(v).append(';'));
    s.append('\u001f').append(slice.timeframe()).append('\u001f').append(slice.symbol()).append('\u001f').append(slice.fold());
    return s.toString();
  }

  /**
   * The seed of a job: the first 8 bytes (big-endian) of SHA-256 over the experiment seed in
   * decimal, a unit separator (U+001F) and the identity in UTF-8, masked to 31 bits so that
   * libraries taking an {@code int} seed (LightGBM, XGBoost) see the same value. Stable across
   * Java versions and machines.
   */
  public static long derivedSeed(long experimentSeed, String identity) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h = sha.digest((experimentSeed + "\u001f" + identity).getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
      return v & 0x7fff_ffffL;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
