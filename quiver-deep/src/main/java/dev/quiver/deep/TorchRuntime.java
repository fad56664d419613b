package dev.quiver.deep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one PyTorch engine, started on first use (never by constructing a family), offline:
 * {@code ai.djl.offline=true} unless the user set it, so a missing native is an error instead of a
 * download. The natives come from the {@code pytorch-native-cpu} jar and are extracted once under
 * {@code DJL_CACHE_DIR} (default {@code ~/.djl.ai}).
 *
 * <p>Threads are process-wide in libtorch: {@code at::set_num_threads} sets one intra-op pool for
 * every caller, and the inter-op pool is fixed at start ({@code ai.djl.pytorch.num_interop_threads},
 * 1 unless the user set it). So deep fits in one process run one at a time: {@link #exclusive}
 * holds a process-wide lock, sets the intra-op threads to the fit's share of the budget and seeds
 * libtorch's global generator (which dropout and initializers draw from). With that lock a fit is
 * bit-identical for a fixed seed and thread count whatever else the process is doing; concurrent
 * deep jobs queue. Inference does not take the lock and uses the threads last set. Thread-safe.
 */
public final class TorchRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
  private static final ReentrantLock FIT = new ReentrantLock();
  private static Engine engine;

  private TorchRuntime() {}

  /** Starts the engine once (about 0.5-2.5 s; the first run on a machine also extracts the natives). */
  public static synchronized Engine engine() {
    if (engine == null) {
      if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
      if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      if (System.getProperty("ai.djl.pytorch.num_threads") == null) System.setProperty("ai.djl.pytorch.num_threads", "1");
      engine = Engine.getEngine("PyTorch");
    }
    return engine;
  }

  /** Runs {@code work} holding the process's deep-fit lock, with libtorch at {@code threads} intra-op threads and seeded from {@code seed}. */
  public static <T> T exclusive(int threads, long seed, Supplier<T> work) {
    Engine e = engine();
    FIT.lock();
    try {
      JniUtils.setNumThreads(threads);
      e.setRandomSeed((int) (seed ^ (seed >>> 32)));
      return work.get();
    } finally {
      FIT.unlock();
    }
  }

  /** The intra-op threads libtorch uses now. */
  public static int threads() {
    engine();
    return JniUtils.getNumThreads();
  }

  /**
   * The device for a {@code device} parameter: "cpu", or "gpu" when libtorch sees a CUDA device
   * (a CUDA build of libtorch named by {@code PYTORCH_LIBRARY_PATH}); otherwise CPU, with {@link
   * DeviceChoice#warning()} saying why. Never throws for a missing GPU.
   */
  public static DeviceChoice device(String requested) {
    if (!"gpu".equals(requested)) return new DeviceChoice(Device.cpu(), "");
    int gpus;
    try {
      gpus = engine().getGpuCount();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      gpus = 0;
    }
    if (gpus > 0) return new DeviceChoice(Device.gpu(), "");
    String warning = "device gpu requested but this PyTorch (" + engine().getVersion() + ", from "
        + (System.getenv("PYTORCH_LIBRARY_PATH") == null ? "the CPU jar" : "PYTORCH_LIBRARY_PATH=" + System.getenv("PYTORCH_LIBRARY_PATH"))
        + ") sees no CUDA device; training on CPU. Point PYTORCH_LIBRARY_PATH at a CUDA build of libtorch " + engine().getVersion()
        + " to use the GPU";
    LOG.warn(warning);
    return new DeviceChoice(Device.cpu(), warning);
  }

  /** The device a fit runs on and, when it is not the one asked for, why. */
  public record DeviceChoice(Device device, String warning) {

    public boolean fellBack() {
      return !warning.isEmpty();
    }
  }
}
