package dev.quaver.storage.columnar.segment;

import dev.quaver.storage.io.ByteArrayKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Min, max and null count of one column in one row group. Bounds are the order-preserving key
 * encodings of the values (docs/formats/keys.md; for the row-key column the raw key), so one
 * unsigned byte comparison serves every type; a null bound is unknown (all values NULL, or the
 * encoding is longer than {@link SegmentFormat#MAX_BOUND_BYTES}). Immutable.
 */
public record ZoneMap(long nullCount, byte[] min, byte[] max) {
  private static final HexFormat HEX = HexFormat.of();

  /** Whether some value v of the group may satisfy {@code low <= v <= high} (null = open). */
  public boolean mayOverlap(byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive) {
    if (min == null || max == null) {
      return true; // unknown bounds (or only NULLs, which no comparison matches: harmless)
    }
    if (low != null) {
      int c = Arrays.compareUnsigned(max, low);
      if (c < 0 || (c == 0 && !lowInclusive)) {
        return false;
      }
    }
    if (high != null) {
      int c = Arrays.compareUnsigned(min, high);
      if (c > 0 || (c == 0 && !highInclusive)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code key} lies within [min, max]. */
  public boolean mayContain(byte[] key) {
    return mayOverlap(key, true, key, true);
  }

  /** {@code nullCount/minHex/maxHex} (empty hex for an unknown bound). */
  String encode() {
    return nullCount + "/" + (min == null ? "" : HEX.formatHex(min)) + "/"
        + (max == null ? "" : HEX.formatHex(max));
  }

  static ZoneMap decode(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("zone map " + text);
    }
    return new ZoneMap(Long.parseLong(parts[0]),
        parts[1].isEmpty() ? null : HEX.parseHex(parts[1]),
        parts[2].isEmpty() ? null : HEX.parseHex(parts[2]));
  }

  /** Accumulates a zone map from encoded values. Thread safety: confined to one thread. */
  static final class Builder {
    private long nullCount;
    private byte[] min;
    private byte[] max;
    private boolean tooLong;

    void addNull() {
      nullCount++;
    }

    void add(byte[] encoded) {
      if (encoded.length > SegmentFormat.MAX_BOUND_BYTES) {
        tooLong = true;
        return;
      }
      if (min == null || Arrays.compareUnsigned(encoded, min) < 0) {
        min = encoded;
      }
      if (max == null || Arrays.compareUnsigned(encoded, max) > 0) {
        max = encoded;
      }
    }

    /** Adds the encoded value {@code buffer[0, length)}; copies it only when it is a new bound. */
    void add(byte[] buffer, int length) {
      if (length > SegmentFormat.MAX_BOUND_BYTES) {
        tooLong = true;
        return;
      }
      boolean newMin = min == null || Arrays.compareUnsigned(buffer, 0, length, min, 0, min.length) < 0;
      boolean newMax = max == null || Arrays.compareUnsigned(buffer, 0, length, max, 0, max.length) > 0;
      if (newMin || newMax) {
        byte[] copy = Arrays.copyOf(buffer, length);
        if (newMin) {
          min = copy;
        }
        if (newMax) {
          max = copy;
        }
      }
    }

    ZoneMap build() {
      return tooLong ? new ZoneMap(nullCount, null, null) : new ZoneMap(nullCount, min, max);
    }
  }

  @Override
  public String toString() {
    return "ZoneMap[" + encode() + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZoneMap z && z.nullCount == nullCount
        && Arrays.equals(z.min, min) && Arrays.equals(z.max, max);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nullCount) * 31 + new ByteArrayKey(min == null ? new byte[0] : min).hashCode();
  }
}
