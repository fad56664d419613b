package dev.quiver.cli;

import dev.quiver.model.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code quiver --version}: Quiver's version and the Java runtime. */
public final class QuiverVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"quiver " + Provenance.currentCodeVersion(),
        "java " + System.getProperty("java.version") + " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"};
  }
}
