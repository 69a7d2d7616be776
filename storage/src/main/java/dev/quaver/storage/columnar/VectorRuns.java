package dev.quaver.storage.columnar;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies a run of consecutive values between vectors of one type in bulk: for fixed-width
 * vectors one copy of the data bytes plus the validity bits (value-by-value {@code copyFromSafe}
 * was the hottest frame of a scan that skips superseded rows); other vectors value by value.
 * Stateless.
 */
final class VectorRuns {
  private VectorRuns() {}

  /** Copies values [from, from + count) of {@code source} to [at, at + count) of {@code target}. */
  static void copy(FieldVector source, int from, FieldVector target, int at, int count) {
    copy(source, source.getNullCount() > 0, from, target, at, count);
  }

  /**
   * As above, told whether {@code source} holds a NULL ({@code getNullCount} scans the whole
   * validity buffer, so a caller copying many runs counts once).
   */
  static void copy(FieldVector source, boolean sourceHasNulls, int from, FieldVector target,
      int at, int count) {
    copy(source, sourceHasNulls, from, target, at, count, false);
  }

  /**
   * As above; {@code validityPreset}: the target's validity bits of [at, at + count) are already
   * set (a batch whose bits were all set up front), so a run without NULLs copies only its data.
   */
  static void copy(FieldVector source, boolean sourceHasNulls, int from, FieldVector target,
      int at, int count, boolean validityPreset) {
    if (source instanceof BaseFixedWidthVector fixed && !(source instanceof BitVector)
        && target instanceof BaseFixedWidthVector out && out.getTypeWidth() == fixed.getTypeWidth()) {
      while (out.getValueCapacity() < at + count) {
        out.reAlloc();
      }
      long width = fixed.getTypeWidth();
      out.getDataBuffer().setBytes(at * width, fixed.getDataBuffer(), from * width, count * width);
      ArrowBuf sourceValidity = fixed.getValidityBuffer();
      ArrowBuf targetValidity = out.getValidityBuffer();
      if (!sourceHasNulls) {
        if (!validityPreset) {
          setBits(targetValidity, at, count);
        }
      } else {
        for (int i = 0; i < count; i++) {
          BitVectorHelper.setValidityBit(targetValidity, at + i,
              BitVectorHelper.get(sourceValidity, from + i));
        }
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      target.copyFromSafe(from + i, at + i, source);
    }
  }

  /** Sets bits [from, from + count) of {@code bits}: whole bytes at once. */
  static void setBits(ArrowBuf bits, int from, int count) {
    int i = from;
    int end = from + count;
    while (i < end && (i & 7) != 0) {
      BitVectorHelper.setBit(bits, i++);
    }
    int bytes = (end - i) >>> 3;
    if (bytes > 0) {
      bits.setOne(i >>> 3, bytes);
      i += bytes << 3;
    }
    while (i < end) {
      BitVectorHelper.setBit(bits, i++);
    }
  }
}
