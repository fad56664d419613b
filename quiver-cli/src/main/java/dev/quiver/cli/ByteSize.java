package dev.quiver.cli;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import picocli.CommandLine.ITypeConverter;

/** Reads a size in bytes with an optional binary unit: {@code 512m} (MiB), {@code 6g} (GiB), {@code 2048k}; a bare number is bytes. */
final class ByteSize implements ITypeConverter<Long> {

  @Override
  public Long convert(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
    long unit = 1;
    if (t.endsWith("k")) unit = 1L << 10;
    else if (t.endsWith("m")) unit = 1L << 20;
    else if (t.endsWith("g")) unit = 1L << 30;
    else if (t.endsWith("t")) unit = 1L << 40;
    if (unit > 1) t = t.substring(0, t.length() - 1);
    try {
      double v = Double.parseDouble(t);
      if (!(v > 0)) throw new NumberFormatException();
      return (long) (v * unit);
    } catch (NumberFormatException e) {
      throw new BadInputException(Where.none(), "'" + text + "' is not a positive size", "write it like 512m or 6g");
    }
  }
}
