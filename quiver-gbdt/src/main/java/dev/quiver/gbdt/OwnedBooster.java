package dev.quiver.gbdt;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.quiver.error.InternalException;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;

/**
 * A LightGBM booster with one owner. {@link #close()} frees the native booster exactly once (a
 * second close does nothing, unlike {@link LGBMBooster#close()}, which throws). Predictions may
 * run concurrently with each other; a close waits for running ones, and a prediction after close
 * fails with an {@link IllegalStateException}.
 */
final class OwnedBooster implements AutoCloseable {

  private final LGBMBooster booster;
  private final NativeGuard guard = new NativeGuard("LightGBM");

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

  /** Row-major float input; one value per row for single-output models (rows x (cols + 1) for contributions). {@code params} as LightGBM's predict parameters. */
  double[] predict(float[] rowMajor, int rows, int cols, PredictionType type, String params) {
    return guard.call("prediction", () -> booster.predictForMat(rowMajor, rows, cols, true, type, params));
  }

  double[] gainImportance() {
    return guard.call("feature importance", () -> booster.featureImportance(0, LGBMBooster.FeatureImportanceType.GAIN));
  }

  int featureCount() {
    return guard.call("feature count", booster::getNumFeature);
  }

  @Override
  public void close() {
    guard.close(booster::close);
  }
}
