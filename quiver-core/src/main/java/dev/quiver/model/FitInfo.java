package dev.quiver.model;

/** Provenance facts a trainer cannot know by itself: the variant, a data fingerprint, the fold. */
public record FitInfo(String variant, String dataSha256, String fold) {

  public static FitInfo of(String variant) {
    return new FitInfo(variant, "", "");
  }
}
