package dev.quiver.gbdt;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import com.microsoft.ml.lightgbm.lightgbmlibConstants;
import dev.quiver.error.InternalException;

/**
 * Class probabilities of a LightGBM multiclass model, by LightGBM's C API on a booster of its own
 * rebuilt from the model's text. lightgbm4j's {@code predictForMat} sizes its output for at most
 * two values per row, too small for K >= 3 classes, so multiclass prediction does not go through
 * it. The output is row-major, {@code rows x classes} (LightGBM's layout). Predictions may run
 * concurrently; {@link #close} waits for running ones and frees the booster once; a prediction
 * after close fails with {@link IllegalStateException}.
 */
final class LightGbmClassPredictor implements AutoCloseable {

  private final SWIGTYPE_p_void booster;
  private final int classes;
  private final NativeGuard guard = new NativeGuard("LightGBM");

  LightGbmClassPredictor(String modelText) {
    LightGbmNatives.load();
    SWIGTYPE_p_p_void boosterOut = lightgbmlib.new_voidpp();
    SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
    SWIGTYPE_p_int classCount = lightgbmlib.new_intp();
    try {
      check(lightgbmlib.LGBM_BoosterLoadModelFromString(modelText, iterations, boosterOut), "cannot read the model");
      booster = lightgbmlib.voidpp_value(boosterOut);
      int rc = lightgbmlib.LGBM_BoosterGetNumClasses(booster, classCount);
      if (rc != 0) {
        String message = lightgbmlib.LGBM_GetLastError();
        lightgbmlib.LGBM_BoosterFree(booster);
        throw new InternalException("LightGBM cannot read the class count: " + message);
      }
      classes = lightgbmlib.intp_value(classCount);
    } finally {
      lightgbmlib.delete_voidpp(boosterOut);
      lightgbmlib.delete_intp(iterations);
      lightgbmlib.delete_intp(classCount);
    }
  }

  /** The model's class count, as its text says ({@code num_class}). */
  int classes() {
    return classes;
  }

  /** Row-major float input, {@code rows x cols}; returns {@code rows x classes} probabilities. {@code params} as LightGBM's predict parameters. */
  double[] predict(float[] rowMajor, int rows, int cols, String params) {
    return guard.call("prediction", () -> {
      long cells = (long) rows * cols;
      long outSize = (long) rows * classes;
      SWIGTYPE_p_float in = lightgbmlib.new_floatArray(cells);
      SWIGTYPE_p_long_long outLength = lightgbmlib.new_int64_tp();
      SWIGTYPE_p_double out = lightgbmlib.new_doubleArray(outSize);
      try {
        for (long i = 0; i < cells; i++) lightgbmlib.floatArray_setitem(in, i, rowMajor[(int) i]);
        check(lightgbmlib.LGBM_BoosterPredictForMat(booster, lightgbmlib.float_to_voidp_ptr(in), lightgbmlibConstants.C_API_DTYPE_FLOAT32,
            rows, cols, 1, lightgbmlibConstants.C_API_PREDICT_NORMAL, 0, -1, params, outLength, out), "prediction failed");
        long written = lightgbmlib.int64_tp_value(outLength);
        if (written != outSize) throw new InternalException("LightGBM wrote " + written + " probabilities for " + rows + " rows of " + classes + " classes");
        double[] result = new double[(int) outSize];
        for (int i = 0; i < result.length; i++) result[i] = lightgbmlib.doubleArray_getitem(out, i);
        return result;
      } finally {
        lightgbmlib.delete_floatArray(in);
        lightgbmlib.delete_int64_tp(outLength);
        lightgbmlib.delete_doubleArray(out);
      }
    });
  }

  private static void check(int rc, String what) {
    if (rc != 0) throw new InternalException("LightGBM " + what + ": " + lightgbmlib.LGBM_GetLastError());
  }

  @Override
  public void close() {
    guard.close(() -> lightgbmlib.LGBM_BoosterFree(booster));
  }
}
