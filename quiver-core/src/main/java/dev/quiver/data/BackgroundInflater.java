package dev.quiver.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.GZIPInputStream;

/**
 * A gzip stream decompressed by a second thread while the caller parses, so that inflating
 * (about 23 ms of the futures file's 8.8 MB) overlaps parsing instead of adding to it. The
 * helper thread fills a few 256 KiB chunks ahead of the reader and hands them over through a
 * queue; a failure there (truncated or damaged gzip) is rethrown by {@link #read} as the same
 * {@link IOException}. {@link #close()} stops the thread and closes the file. One reader thread
 * only.
 */
final class BackgroundInflater extends InputStream {

  private static final int CHUNK = 1 << 18;
  private static final int AHEAD = 4;

  /** One hand-over: bytes, the end of input, or a failure. */
  private record Chunk(byte[] bytes, int length, IOException failure) {}

  private static final Chunk END = new Chunk(new byte[0], -1, null);

  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(AHEAD + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 2);
  private final Thread worker;
  private volatile boolean closed;
  private Chunk current;
  private int offset;
  private final byte[] single = new byte[1];

  BackgroundInflater(InputStream compressed) {
    for (int i = 0; i < AHEAD + 1; i++) free.add(new byte[CHUNK]);
    worker = new Thread(() -> inflate(compressed), "quiver-gunzip");
    worker.setDaemon(true);
    worker.start();
  }

  private void inflate(InputStream compressed) {
    try (InputStream in = new GZIPInputStream(compressed, 1 << 16)) {
      while (!closed) {
        byte[] b = free.take();
        int n = 0;
        while (n < b.length) {
          int k = in.read(b, n, b.length - n);
          if (k < 0) break;
          n += k;
        }
        if (n > 0) full.put(new Chunk(b, n, null));
        if (n < b.length) {
          full.put(END);
          return;
        }
      }
    } catch (IOException e) {
      offer(new Chunk(null, -1, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void offer(Chunk c) {
    try {
      full.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public int read(byte[] dst, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (current == END) return -1;
    if (current == null || offset == current.length) {
      if (current != null && current.bytes != null && current.length > 0) free.offer(current.bytes);
      try {
        current = full.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading a gzip file");
      }
      offset = 0;
      if (current.failure != null) {
        IOException f = current.failure;
        current = END;
        throw f;
      }
      if (current.length < 0) {
        full.offer(END);
        current = END;
        return -1;
      }
    }
    int n = Math.min(len, current.length - offset);
    System.arraycopy(current.bytes, offset, dst, off, n);
    offset += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
