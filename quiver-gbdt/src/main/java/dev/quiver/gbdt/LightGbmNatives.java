package dev.quiver.gbdt;

import dev.quiver.error.InternalException;
import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Loads LightGBM's native library on first use (never at class loading of the family) and names its version. */
final class LightGbmNatives {

  private static final String POM = "META-INF/maven/io.github.metarank/lightgbm4j/pom.properties";

  private LightGbmNatives() {}

  /** Loads the natives once per JVM; later calls return at once. */
  static void load() {
    try {
      LGBMBooster.loadNative();
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new InternalException("cannot load LightGBM's native library (" + e.getMessage()
          + "); it needs libgomp1 and a writable java.io.tmpdir", e);
    }
  }

  /** The lightgbm4j artifact version, e.g. 4.3.0-1 (LightGBM 4.3.0), or "unknown" when the jar lacks its Maven metadata. */
  static String version() {
    try (InputStream in = LightGbmNatives.class.getClassLoader().getResourceAsStream(POM)) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
