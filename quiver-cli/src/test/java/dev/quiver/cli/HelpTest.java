package dev.quiver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HelpTest {

  @Test
  void help_lists_every_command() {
    Cli r = Cli.run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("data", "features", "train", "demo", "benchmark", "Exit codes");
  }

  @Test
  void every_subcommand_has_help() {
    for (String[] cmd : List.of(new String[] {"data", "validate", "--help"}, new String[] {"data", "resample", "--help"},
        new String[] {"features", "--help"}, new String[] {"train", "--help"}, new String[] {"demo", "--help"},
        new String[] {"benchmark", "--help"})) {
      Cli r = Cli.run(cmd);
      assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
      assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage:");
    }
  }

  @Test
  void unknown_flag_exits_2() {
    Cli r = Cli.run("train", "--no-such-flag");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--no-such-flag");
  }

  @Test
  void help_loads_no_native_library_nor_duckdb() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--help")
        .redirectErrorStream(true).start();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      out = buf.toByteArray();
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isZero();
    assertThat(log).contains("dev.quiver.cli.QuiverCommand");
    assertThat(log).doesNotContain("io.github.metarank.lightgbm4j", "ml.dmlc.xgboost4j", "org.duckdb", "com.microsoft.ml.lightgbm", "ai.djl", "org.apache.spark");
  }
}
