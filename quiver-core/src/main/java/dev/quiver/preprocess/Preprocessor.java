package dev.quiver.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.quiver.error.InternalException;
import dev.quiver.model.Checksums;
import dev.quiver.model.Json;
import dev.quiver.model.Matrix;
import dev.quiver.model.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fitted preprocessing pipeline: maps rows whose columns are exactly {@code inputs} (same
 * names, same order: anything else is an error naming the missing, extra or misplaced column)
 * to rows of {@code outputs}, step by step. Immutable and safe to share between threads and
 * models. Stored as JSON ({@code preprocessor.json}); its {@link #id()} is the SHA-256 of its
 * canonical JSON, so two models fitted with the same pipeline on the same rows share one id.
 * {@code format} versions the JSON layout.
 */
public record Preprocessor(int format, String spec, List<String> inputs, List<String> outputs, List<FittedStep> steps) {

  public static final int FORMAT = 1;
  public static final String FILE = "preprocessor.json";

  public Preprocessor {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    steps = List.copyOf(steps);
  }

  /**
   * The rows of {@code x} transformed; {@code x} is left as it is. When {@code x} carries row keys
   * (a view into a keyed array, read by sequence models for the rows before the view) the whole
   * backing array is transformed and the result is the same view with the same keys.
   */
  public Matrix apply(Matrix x) {
    Schema.checkColumns(inputs, x.names());
    int cols = x.cols();
    int from = x.keys() == null ? x.offset() : 0;
    int rows = x.keys() == null ? x.rows() : x.keys().rows();
    float[] data = new float[rows * cols];
    System.arraycopy(x.data(), from * cols, data, 0, rows * cols);
    for (FittedStep s : steps) cols = s.apply(data, rows, cols);
    if (cols != outputs.size()) throw new InternalException("preprocessor " + spec + " made " + cols + " columns, expected " + outputs.size());
    if ((long) rows * cols < data.length) data = java.util.Arrays.copyOf(data, rows * cols);
    if (x.keys() == null) return new Matrix(data, rows, cols, outputs);
    return new Matrix(data, x.offset(), x.rows(), cols, outputs, x.keys());
  }

  /** The canonical JSON (compact, fields in declaration order). */
  public byte[] toJson() {
    try {
      return Json.MAPPER.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new InternalException("cannot write preprocessor " + spec + ": " + e.getMessage(), e);
    }
  }

  /** The first 16 hex digits of the SHA-256 of {@link #toJson()}. */
  public String id() {
    return Checksums.sha256(toJson()).substring(0, 16);
  }

  public static Preprocessor fromJson(byte[] json) {
    try {
      Preprocessor p = Json.MAPPER.readValue(json, Preprocessor.class);
      if (p.format() != FORMAT) throw new dev.quiver.error.BadInputException("preprocessor format " + p.format() + " is not " + FORMAT);
      return p;
    } catch (java.io.IOException e) {
      throw new dev.quiver.error.BadInputException("cannot read a preprocessor: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return spec + " [" + id() + "]";
  }
}
