package dev.quiver.cli;

/** The {@code quiver} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(QuiverCommand.commandLine().execute(args));
  }
}
