package dev.quiver.error;

/** A fault of Quiver or its environment (a native library failed, a disk filled). The CLI exits 1. */
public final class InternalException extends QuiverException {

  public InternalException(String message, Throwable cause) {
    super(message, cause);
  }

  public InternalException(String message) {
    super(message, null);
  }

  @Override
  public int exitCode() {
    return 1;
  }
}
