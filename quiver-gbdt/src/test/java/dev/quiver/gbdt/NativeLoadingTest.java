package dev.quiver.gbdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery, params and trainers must not touch LightGBM's classes (whose static initializer loads the native library). */
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
  void discovering_the_family_and_preparing_a_trainer_loads_no_lightgbm_class() throws Exception {
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
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
