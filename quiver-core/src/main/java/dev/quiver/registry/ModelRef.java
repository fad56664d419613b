package dev.quiver.registry;

import dev.quiver.error.BadInputException;
import dev.quiver.error.Where;

/**
 * What a user writes to name a model: {@code NAME@1.2.0} (a version), {@code NAME@production}
 * (an alias) or {@code NAME} alone (the name's highest active version).
 */
public record ModelRef(String name, String selector) {

  public ModelRef {
    ModelNames.check(name);
    selector = selector == null ? "" : selector.trim();
  }

  public static ModelRef parse(String text) {
    String t = text == null ? "" : text.trim();
    int at = t.indexOf('@');
    if (at == 0 || t.isEmpty()) {
      throw new BadInputException(Where.none(), "'" + text + "' names no model", "write NAME, NAME@VERSION or NAME@ALIAS");
    }
    if (at < 0) return new ModelRef(t, "");
    String sel = t.substring(at + 1);
    if (sel.isBlank() || sel.contains("@")) {
      throw new BadInputException(Where.none(), "'" + text + "' is not NAME@VERSION or NAME@ALIAS", "e.g. futures-lightgbm@1.2.0 or futures-lightgbm@production");
    }
    return new ModelRef(t.substring(0, at), sel);
  }

  public static ModelRef of(String name, SemVer version) {
    return new ModelRef(name, version.toString());
  }

  /** The version this ref names exactly, or null for an alias or the latest. */
  public SemVer version() {
    return SemVer.looksLikeVersion(selector) ? SemVer.parse(selector) : null;
  }

  /** The alias this ref names, or null. */
  public String alias() {
    return selector.isEmpty() || version() != null ? null : selector;
  }

  @Override
  public String toString() {
    return selector.isEmpty() ? name : name + "@" + selector;
  }
}
