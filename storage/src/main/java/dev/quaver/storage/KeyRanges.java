package dev.quaver.storage;

import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.row.KeyEncoder;
import dev.quaver.storage.row.KeySpace;
import dev.quaver.type.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns {@link KeyBounds} (values of key columns) into byte ranges {@code [start, end)} of the
 * sorted key space under one prefix ({@code 01 tableId} for primary keys, {@code 02 indexId} for
 * an index; docs/formats/keys.md), sorted and with overlapping ranges merged, so that a read of
 * all of them returns each key once, in key order. A value that does not encode as its column's
 * type widens the range to what is known so far (reads are advisory: the caller filters).
 * Stateless.
 */
final class KeyRanges {
  private KeyRanges() {}

  /** One byte range: {@code start} inclusive, {@code end} exclusive. */
  record Range(byte[] start, byte[] end) {}

  static List<Range> encode(byte[] prefix, List<ColumnType> keyTypes, List<KeyBounds> bounds) {
    List<Range> ranges = new ArrayList<>(bounds.size());
    for (KeyBounds bound : bounds) {
      Range range = encode(prefix, keyTypes, bound);
      if (Arrays.compareUnsigned(range.start(), range.end()) < 0) {
        ranges.add(range);
      }
    }
    ranges.sort((a, b) -> Arrays.compareUnsigned(a.start(), b.start()));
    List<Range> merged = new ArrayList<>(ranges.size());
    for (Range range : ranges) {
      Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && Arrays.compareUnsigned(range.start(), last.end()) <= 0) {
        if (Arrays.compareUnsigned(range.end(), last.end()) > 0) {
          merged.set(merged.size() - 1, new Range(last.start(), range.end()));
        }
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  private static Range encode(byte[] prefix, List<ColumnType> keyTypes, KeyBounds bound) {
    ByteWriter out = new ByteWriter(prefix.length + 16);
    out.writeBytes(prefix);
    int column = 0;
    for (Object value : bound.equal()) {
      if (column >= keyTypes.size() || !append(out, keyTypes.get(column), value)) {
        return whole(out); // unknown from here on: every key with the prefix so far
      }
      column++;
    }
    if (!bound.hasRange() || column >= keyTypes.size()) {
      return whole(out);
    }
    ColumnType type = keyTypes.get(column);
    byte[] equalPrefix = out.toByteArray();
    byte[] start;
    if (bound.lower() != null && append(out, type, bound.lower())) {
      byte[] key = out.toByteArray();
      start = bound.lowerInclusive() ? key : KeySpace.prefixEnd(key);
    } else {
      start = Arrays.copyOf(equalPrefix, equalPrefix.length + 1);
      start[equalPrefix.length] = KeyEncoder.NOT_NULL; // comparisons never match NULL
    }
    out.truncate(equalPrefix.length);
    byte[] end;
    if (bound.upper() != null && append(out, type, bound.upper())) {
      byte[] key = out.toByteArray();
      end = bound.upperInclusive() ? KeySpace.prefixEnd(key) : key;
    } else {
      end = KeySpace.prefixEnd(equalPrefix);
    }
    return new Range(start, end);
  }

  private static Range whole(ByteWriter out) {
    byte[] start = out.toByteArray();
    return new Range(start, KeySpace.prefixEnd(start));
  }

  /** Appends the key encoding of {@code value}, or leaves {@code out} as it was and says false. */
  private static boolean append(ByteWriter out, ColumnType type, Object value) {
    int size = out.size();
    try {
      KeyEncoder.encode(out, type, value == KeyBounds.NULL ? null : value);
      return true;
    } catch (RuntimeException e) { // wrong class, or a DECIMAL beyond the column's precision
      out.truncate(size);
      return false;
    }
  }
}
