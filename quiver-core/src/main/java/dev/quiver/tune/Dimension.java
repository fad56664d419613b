package dev.quiver.tune;

import java.util.List;
import java.util.Set;

/**
 * One tuned parameter: {@code kind} int, float or categorical; numeric ranges are inclusive
 * {@code [low, high]}, searched on a log scale when {@code log} (then {@code low > 0});
 * categorical dimensions list their {@code choices}. A conditional dimension is active only when
 * the earlier dimension {@code parent} took one of {@code parentValues} (compared as strings);
 * {@code parent} is empty for an unconditional one.
 */
public record Dimension(String name, Kind kind, double low, double high, boolean log, List<String> choices, String parent, Set<String> parentValues) {

  /** The kinds of search dimension. */
  public enum Kind { INT, FLOAT, CATEGORICAL }

  public Dimension {
    choices = List.copyOf(choices);
    parent = parent == null ? "" : parent;
    parentValues = Set.copyOf(parentValues);
  }

  public static Dimension integer(String name, int low, int high, boolean log) {
    return new Dimension(name, Kind.INT, low, high, log, List.of(), "", Set.of());
  }

  public static Dimension real(String name, double low, double high, boolean log) {
    return new Dimension(name, Kind.FLOAT, low, high, log, List.of(), "", Set.of());
  }

  public static Dimension categorical(String name, List<String> choices) {
    return new Dimension(name, Kind.CATEGORICAL, 0, choices.size() - 1, false, choices, "", Set.of());
  }

  /** This dimension, active only when {@code parent} takes one of {@code values}. */
  public Dimension when(String parent, Set<String> values) {
    return new Dimension(name, kind, low, high, log, choices, parent, values);
  }

  public boolean conditional() {
    return !parent.isEmpty();
  }

  /** The internal coordinate the samplers work in: the value, its log, or the choice index. */
  double internal(Object value) {
    return switch (kind) {
      case CATEGORICAL -> choices.indexOf(String.valueOf(value));
      case INT -> log ? Math.log(((Number) value).doubleValue()) : ((Number) value).doubleValue();
      case FLOAT -> log ? Math.log(((Number) value).doubleValue()) : ((Number) value).doubleValue();
    };
  }

  /** Lower and upper internal bounds (ints widened by half a step so each value has equal width). */
  double internalLow() {
    return switch (kind) {
      case CATEGORICAL -> 0;
      case INT -> log ? Math.log(low - 0.5) : low - 0.5;
      case FLOAT -> log ? Math.log(low) : low;
    };
  }

  double internalHigh() {
    return switch (kind) {
      case CATEGORICAL -> choices.size() - 1;
      case INT -> log ? Math.log(high + 0.5) : high + 0.5;
      case FLOAT -> log ? Math.log(high) : high;
    };
  }

  /** The parameter value for an internal coordinate: Integer, Double or String. */
  Object value(double internal) {
    return switch (kind) {
      case CATEGORICAL -> choices.get((int) Math.max(0, Math.min(choices.size() - 1, Math.round(internal))));
      case INT -> (int) Math.max(low, Math.min(high, Math.round(log ? Math.exp(internal) : internal)));
      case FLOAT -> Math.max(low, Math.min(high, log ? Math.exp(internal) : internal));
    };
  }
}
