package dev.quiver.gbdt;

import dev.quiver.error.InternalException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Guards one native handle that has one owner: {@link #call}s may run concurrently with each
 * other; {@link #close} waits for running calls and frees the handle exactly once (a second close
 * does nothing); a call after close fails with an {@link IllegalStateException}. A native library's
 * checked exception becomes an {@link InternalException} naming the library and the operation.
 */
final class NativeGuard {

  /** A native operation. */
  interface Call<R> {
    R run() throws Exception;
  }

  /** Frees the handle. */
  interface Free {
    void run() throws Exception;
  }

  private final String library;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  NativeGuard(String library) {
    this.library = library;
  }

  <R> R call(String operation, Call<R> call) {
    lock.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the " + library + " model was closed");
      return call.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new InternalException(library + " " + operation + " failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  void close(Free free) {
    lock.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      free.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new InternalException(library + " could not free a model: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Frees each of a fit's temporary handles (null ones are skipped). A failure to free is added to
   * the fit's {@code failure} when there is one, else thrown after trying the rest.
   */
  static void freeAll(String library, Throwable failure, AutoCloseable... handles) {
    InternalException freeing = null;
    for (AutoCloseable c : handles) {
      if (c == null) continue;
      try {
        c.close();
      } catch (Exception e) {
        if (failure != null) failure.addSuppressed(e);
        else if (freeing == null) freeing = new InternalException(library + " could not free native memory: " + e.getMessage(), e);
        else freeing.addSuppressed(e);
      }
    }
    if (freeing != null) throw freeing;
  }
}
