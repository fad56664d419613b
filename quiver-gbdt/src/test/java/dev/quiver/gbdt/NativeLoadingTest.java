package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery, params and trainers must not touch LightGBM's or XGBoost's classes (whose static initializers load the native libraries). */
class NativeLoadingTest {

  /** A fresh loader over the test classpath that can tell which classes it has loaded. */
  static final class Probe extends URLClassLoader {
    Probe(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }

  static URL[] classpath() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) urls.add(new File(entry).toURI().toURL());
    return urls.toArray(new URL[0]);
  }

  @Test
  void discovering_the_families_and_preparing_trainers_loads_no_native_library_class() throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (Probe probe = new Probe(classpath())) {
      thread.setContextClassLoader(probe); // ServiceLoader.load reads the context loader
      Class<?> families = Class.forName("dev.quiver.model.ModelFamilies", true, probe);
      Object discovered = families.getMethod("discover").invoke(null);
      Object family = families.getMethod("get", String.class).invoke(discovered, "lightgbm");
      assertThat(family.getClass().getName()).isEqualTo(LightGbmFamily.class.getName());
      assertThat(family.getClass().getClassLoader()).isSameAs(probe);
      Class<?> paramsType = Class.forName("dev.quiver.model.Params", false, probe);
      Object params = family.getClass().getMethod("params", String.class, Map.class).invoke(family, "aggressive", Map.of("num_leaves", "63"));
      Object trainer = family.getClass().getMethod("trainer", paramsType).invoke(family, params);
      assertThat(trainer).isNotNull();
      assertThat(probe.loaded("io.github.metarank.lightgbm4j.LGBMBooster")).isFalse();
      assertThat(probe.loaded("io.github.metarank.lightgbm4j.LGBMDataset")).isFalse();
      assertThat(probe.loaded("com.microsoft.ml.lightgbm.lightgbmlib")).isFalse();
      for (String name : new String[] {"xgboost", "random_forest", "gradient_boosting"}) {
        Object other = families.getMethod("get", String.class).invoke(discovered, name);
        Object p = other.getClass().getMethod("params", String.class, Map.class).invoke(other, "balanced", Map.of());
        assertThat(other.getClass().getMethod("trainer", paramsType).invoke(other, p)).isNotNull();
      }
      assertThat(probe.loaded("ml.dmlc.xgboost4j.java.XGBoostJNI")).isFalse();
      assertThat(probe.loaded("ml.dmlc.xgboost4j.java.Booster")).isFalse();
      assertThat(probe.loaded("ml.dmlc.xgboost4j.java.DMatrix")).isFalse();
      assertThat(probe.loaded("io.github.metarank.lightgbm4j.LGBMBooster")).isFalse();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
