package dev.quiver.error;

/**
 * The root of Quiver's own failures. There are exactly two kinds: {@link BadInputException}
 * (the user can fix it; the CLI exits 2) and {@link InternalException} (a fault of Quiver or
 * its environment; the CLI exits 1).
 */
public abstract sealed class QuiverException extends RuntimeException
    permits BadInputException, InternalException {

  protected QuiverException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code the CLI maps this failure to. */
  public abstract int exitCode();
}
