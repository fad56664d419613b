package dev.quiver.registry;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;
import java.util.regex.Pattern;

/**
 * Rules for registered names, aliases and tags: 1 to 100 characters of letters, digits, '.',
 * '_' and '-', starting with a letter or digit (so they are safe as folder names and in
 * {@code NAME@ALIAS}). Aliases may not look like versions.
 */
public final class ModelNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private ModelNames() {}

  public static String check(String name) {
    return check("model name", name);
  }

  public static String checkAlias(String alias) {
    check("alias", alias);
    if (SemVer.looksLikeVersion(alias)) throw new BadInputException(Where.none(), "alias '" + alias + "' looks like a version", "pick a word, e.g. production or staging");
    return alias;
  }

  public static String checkTag(String tag) {
    return check("tag", tag);
  }

  /** {@code text} with every character a name may not hold replaced by '-' (e.g. "lightgbm:aggressive" -> "lightgbm-aggressive"). */
  public static String sanitize(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-' ? c : '-');
    String s = sb.toString().replaceAll("^[._-]+", "");
    if (s.length() > 100) s = s.substring(0, 100);
    return s.isEmpty() ? "model" : s;
  }

  private static String check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new BadInputException(Where.none(), "bad " + what + " '" + value + "'",
          "use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return value;
  }
}
