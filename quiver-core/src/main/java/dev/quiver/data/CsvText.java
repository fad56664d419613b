package dev.quiver.data;

import java.math.BigDecimal;

/**
 * How Quiver writes CSV cells. Numbers read back to the same double: whole numbers without a
 * fraction, others as the shortest decimal Java gives, never in exponent form; NaN as an empty
 * field. Text is quoted only when it holds a comma, quote or newline.
 */
public final class CsvText {

  private CsvText() {}

  /** Appends v so that {@link Double#parseDouble} gives v back; NaN appends nothing. */
  public static void number(StringBuilder sb, double v) {
    if (Double.isNaN(v)) return;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      if (v == 0 && 1 / v < 0) sb.append("-0");
      else sb.append((long) v);
      return;
    }
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0 && Double.isFinite(v)) s = new BigDecimal(s).toPlainString();
    sb.append(s);
  }

  /** Appends s as one CSV field. */
  public static void text(StringBuilder sb, String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      sb.append(s);
    } else {
      sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
  }
}
