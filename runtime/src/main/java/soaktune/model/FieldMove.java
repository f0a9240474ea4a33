package soaktune.model;

/** A past iteration in which a tunable field moved: direction +1 (up) or -1 (down). A rule fact. */
public record FieldMove(String field, int iteration, int direction) {
}
