package dev.quiver.gbdt;

import dev.quiver.error.InternalException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Loads XGBoost's native library on first use (never when the family is discovered) and names
 * its version. xgboost4j loads its natives in the static initializer of its JNI class; this class
 * triggers that initializer once and turns a failure into an {@link InternalException}.
 */
final class XGBoostNatives {

  private static final String POM = "META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties";
  private static final String JNI = "ml.dmlc.xgboost4j.java.XGBoostJNI";

  private XGBoostNatives() {}

  /** Loads the natives once per JVM; later calls return at once. */
  static void load() {
    try {
      Class.forName(JNI, true, XGBoostNatives.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InternalException("cannot load XGBoost's native library (" + e + "); it needs libgomp1 and a writable java.io.tmpdir", e);
    }
  }

  /** The xgboost4j artifact version, e.g. 3.0.4, or "unknown" when the jar lacks its Maven metadata. */
  static String version() {
    try (InputStream in = XGBoostNatives.class.getClassLoader().getResourceAsStream(POM)) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
