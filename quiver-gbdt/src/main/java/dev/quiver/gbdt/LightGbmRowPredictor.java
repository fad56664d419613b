package dev.quiver.gbdt;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import dev.quiver.error.InternalException;

/**
 * LightGBM's single-row fast path: its own native booster, rebuilt from the model's text, and a
 * prediction configuration prepared once ({@code LGBM_BoosterPredictForMatSingleRowFastInit}, 1
 * native thread), so each row costs one JNI call that neither parses parameters nor allocates
 * (the row is widened into a reused double buffer). Bit-identical to {@link LightGbmModel#predict}
 * on the same row. Not thread-safe: use one per thread. Owns native memory: {@link #close} frees it
 * once; a prediction after close fails with {@link IllegalStateException}.
 */
final class LightGbmRowPredictor implements RowPredictor {

  private final int cols;
  private final double[] buffer;
  private SWIGTYPE_p_void booster;
  private SWIGTYPE_p_void fastConfig;
  private final SWIGTYPE_p_long_long outLength;
  private final SWIGTYPE_p_double out;

  LightGbmRowPredictor(String modelText, int cols) {
    LightGbmNatives.load();
    this.cols = cols;
    this.buffer = new double[cols];
    SWIGTYPE_p_p_void boosterOut = lightgbmlib.new_voidpp();
    SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
    SWIGTYPE_p_p_void configOut = lightgbmlib.new_voidpp();
    try {
      check(lightgbmlib.LGBM_BoosterLoadModelFromString(modelText, iterations, boosterOut), "cannot read the model");
      booster = lightgbmlib.voidpp_value(boosterOut);
      int rc = lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastInit(booster, lightgbmlibConstants.C_API_PREDICT_NORMAL, 0, -1,
          lightgbmlibConstants.C_API_DTYPE_FLOAT64, cols, LightGbmModel.PREDICT_PARAMS, configOut);
      if (rc != 0) {
        String message = lightgbmlib.LGBM_GetLastError();
        lightgbmlib.LGBM_BoosterFree(booster);
        throw new InternalException("LightGBM cannot prepare single-row prediction: " + message);
      }
      fastConfig = lightgbmlib.voidpp_value(configOut);
    } finally {
      lightgbmlib.delete_voidpp(boosterOut);
      lightgbmlib.delete_intp(iterations);
      lightgbmlib.delete_voidpp(configOut);
    }
    outLength = lightgbmlib.new_int64_tp();
    out = lightgbmlib.new_doubleArray(1);
  }

  private static void check(int rc, String what) {
    if (rc != 0) throw new InternalException("LightGBM " + what + ": " + lightgbmlib.LGBM_GetLastError());
  }

  @Override
  public double predict(float[] row) {
    if (fastConfig == null) throw new IllegalStateException("the LightGBM row predictor was closed");
    if (row.length != cols) throw new IllegalArgumentException(row.length + " values for a model of " + cols + " features");
    for (int j = 0; j < cols; j++) buffer[j] = row[j];
    check(lightgbmlib.LGBM_BoosterPredictForMatSingleRowFastCriticalSWIG(buffer, fastConfig, outLength, out), "single-row prediction failed");
    return lightgbmlib.doubleArray_getitem(out, 0);
  }

  @Override
  public void close() {
    if (fastConfig == null) return;
    lightgbmlib.LGBM_FastConfigFree(fastConfig);
    lightgbmlib.LGBM_BoosterFree(booster);
    lightgbmlib.delete_int64_tp(outLength);
    lightgbmlib.delete_doubleArray(out);
    fastConfig = null;
    booster = null;
  }
}
