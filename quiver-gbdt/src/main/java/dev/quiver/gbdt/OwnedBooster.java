package dev.quiver.gbdt;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.quiver.error.InternalException;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A LightGBM booster with one owner. {@link #close()} frees the native booster exactly once (a
 * second close does nothing, unlike {@link LGBMBooster#close()}, which throws). Predictions may
 * run concurrently with each other; a close waits for running ones, and a prediction after close
 * fails with an {@link IllegalStateException}.
 */
final class OwnedBooster implements AutoCloseable {

  private final LGBMBooster booster;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private OwnedBooster(LGBMBooster booster) {
    this.booster = booster;
  }

  /** A booster rebuilt from LightGBM's text model format. */
  static OwnedBooster fromModelString(String model) {
    LightGbmNatives.load();
    try {
      return new OwnedBooster(LGBMBooster.loadModelFromString(model));
    } catch (LGBMException e) {
      throw new InternalException("LightGBM cannot read the model: " + e.getMessage(), e);
    }
  }

  /** Row-major float input; one value per row for single-output models. {@code params} as LightGBM's predict parameters. */
  double[] predict(float[] rowMajor, int rows, int cols, PredictionType type, String params) {
    lock.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the LightGBM model was closed");
      return booster.predictForMat(rowMajor, rows, cols, true, type, params);
    } catch (LGBMException e) {
      throw new InternalException("LightGBM prediction failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  double[] gainImportance() {
    lock.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the LightGBM model was closed");
      return booster.featureImportance(0, LGBMBooster.FeatureImportanceType.GAIN);
    } catch (LGBMException e) {
      throw new InternalException("LightGBM feature importance failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  int featureCount() {
    lock.readLock().lock();
    try {
      if (closed) throw new IllegalStateException("the LightGBM model was closed");
      return booster.getNumFeature();
    } catch (LGBMException e) {
      throw new InternalException("LightGBM failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      booster.close();
    } catch (LGBMException e) {
      throw new InternalException("LightGBM could not free a model: " + e.getMessage(), e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
