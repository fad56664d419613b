package dev.quiver.model;

import dev.quiver.error.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * One hyper-parameter: its key, default (an Integer, Long, Double, Boolean or String, which
 * fixes its type), a description, and its valid range or choices. Bad values fail naming the
 * key, the value and what is valid.
 */
public record Param(String key, Object defaultValue, String description, double min, double max, List<String> choices) {

  public Param {
    choices = List.copyOf(choices);
    if (!(defaultValue instanceof Integer || defaultValue instanceof Long || defaultValue instanceof Double
        || defaultValue instanceof Boolean || defaultValue instanceof String)) {
      throw new IllegalArgumentException("unsupported parameter type for " + key + ": " + defaultValue);
    }
  }

  public static Param integer(String key, int defaultValue, int min, int max, String description) {
    return new Param(key, defaultValue, description, min, max, List.of());
  }

  public static Param longValue(String key, long defaultValue, long min, long max, String description) {
    return new Param(key, defaultValue, description, min, max, List.of());
  }

  public static Param real(String key, double defaultValue, double min, double max, String description) {
    return new Param(key, defaultValue, description, min, max, List.of());
  }

  public static Param flag(String key, boolean defaultValue, String description) {
    return new Param(key, defaultValue, description, 0, 1, List.of());
  }

  public static Param choice(String key, String defaultValue, List<String> choices, String description) {
    return new Param(key, defaultValue, description, 0, 0, choices);
  }

  /** Parses and checks a user-given value (from YAML or a command line) into this parameter's type. */
  public Object parse(String text) {
    String t = text.trim();
    try {
      Object v;
      if (defaultValue instanceof Integer) v = Integer.valueOf(t);
      else if (defaultValue instanceof Long) v = Long.valueOf(t);
      else if (defaultValue instanceof Double) v = Double.valueOf(t);
      else if (defaultValue instanceof Boolean) {
        String l = t.toLowerCase(Locale.ROOT);
        if (!l.equals("true") && !l.equals("false")) throw new NumberFormatException();
        v = Boolean.valueOf(l);
      } else v = t;
      return check(v);
    } catch (NumberFormatException e) {
      throw new BadInputException("parameter '" + key + "' must be " + typeName() + ", got '" + text + "'");
    }
  }

  /** Checks a typed value against the range or choices; returns it. */
  public Object check(Object v) {
    if (v instanceof Number n && !(v instanceof Double d && d.isNaN())) {
      double x = n.doubleValue();
      if (x < min || x > max) {
        throw new BadInputException("parameter '" + key + "' must be in [" + fmt(min) + ", " + fmt(max) + "], got " + v);
      }
    } else if (v instanceof Double) {
      throw new BadInputException("parameter '" + key + "' must be a number, got NaN");
    }
    if (v instanceof String s && !choices.isEmpty() && !choices.contains(s)) {
      throw new BadInputException("parameter '" + key + "' must be one of " + choices + ", got '" + s + "'");
    }
    return v;
  }

  private String typeName() {
    if (defaultValue instanceof Integer || defaultValue instanceof Long) return "an integer";
    if (defaultValue instanceof Double) return "a number";
    if (defaultValue instanceof Boolean) return "true or false";
    return "text";
  }

  private static String fmt(double x) {
    if (x == Double.MAX_VALUE || x == Long.MAX_VALUE || x == Integer.MAX_VALUE) return "inf";
    if (x == -Double.MAX_VALUE || x == Long.MIN_VALUE || x == Integer.MIN_VALUE) return "-inf";
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
