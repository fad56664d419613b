package dev.quiver.eval;

/** Letter grades, best first. {@link #label()} is how they are written: S, A+, A, A-, ..., C, D, F. */
public enum Grade {
  S("S"), A_PLUS("A+"), A("A"), A_MINUS("A-"), B_PLUS("B+"), B("B"), B_MINUS("B-"), C_PLUS("C+"), C("C"), D("D"), F("F");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True when this grade is strictly better than {@code other}. */
  public boolean betterThan(Grade other) {
    return ordinal() < other.ordinal();
  }

  @Override
  public String toString() {
    return label;
  }
}
