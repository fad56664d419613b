package dev.quiver.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quiver.model.Json;
import java.io.PrintWriter;

/** Prints values as pretty JSON (NaN and infinities become null: JSON has no such numbers). */
final class JsonOut {

  private JsonOut() {}

  static void print(PrintWriter out, Object value) {
    try {
      out.println(Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** A finite double, or null for NaN and infinities. */
  static Double number(double x) {
    return Double.isFinite(x) ? x : null;
  }
}
