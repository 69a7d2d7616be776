package dev.quaver.executor.vector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Gathering a {@link HeapColumn}'s strings by row positions into a new Arrow vector, the string
 * part of every join output and filter: the profile of SSB showed the former per-row copy through
 * a heap array (one System.arraycopy per value, then one more bulk copy) among the top self times.
 * Values are written straight into the vector's data buffer, a value of up to 16 bytes (SSB's
 * brands, cities, nations) as one or two whole longs, and a run of consecutive positions (a
 * probe side kept in order) in one copy with its offsets shifted in a tight loop. Stateless.
 */
final class StringGather {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Strings gathered straight into the new vector's buffer (short values as whole longs, runs of
   * consecutive rows in one copy); {@code -Dquaver.executor.directGather=false} keeps the former
   * per-row copy through a heap array, for A/B runs.
   */
  private static final boolean DIRECT_GATHER =
      !"false".equals(System.getProperty("quaver.executor.directGather"));
  /** Spare bytes after gathered strings and after a HeapColumn's value bytes, for whole-long copies. */
  static final int SLACK = 16;

  private StringGather() {}

  /**
   * Writes into {@code target} the values of the rows {@code rows[from, from + count)} of a
   * variable-width column held as {@code data} / {@code offsets} / {@code nulls} (a negative position
   * gives NULL), and their validity bits into {@code validity}.
   */
  static void gather(BaseVariableWidthVector target, byte[] data, int[] offsets, boolean[] nulls, boolean hasNulls,
      int[] rows, int from, int count, byte[] validity) {
    if (!DIRECT_GATHER) {
      gatherByRow(target, data, offsets, nulls, hasNulls, rows, from, count, validity);
      return;
    }
    long total = 0;
    int any = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[from + k];
      any |= row;
      if (row >= 0 && !nulls[row]) {
        total += offsets[row + 1] - offsets[row];
      }
    }
    if (total > Integer.MAX_VALUE - SLACK) {
      throw new IllegalStateException("gathered strings exceed 2 GB");
    }
    // SLACK spare bytes let a short value be written as one or two whole longs.
    target.allocateNew(total + SLACK, Math.max(count, 1));
    long dataAddress = target.getDataBuffer().memoryAddress();
    long offsetAddress = target.getOffsetBuffer().memoryAddress(); // offset 0 is zeroed
    int at = 0;
    if (any >= 0 && !hasNulls) {
      for (int k = 0; k < count; ) {
        int row = rows[from + k];
        int run = 1; // rows[from + k ..] continuing row, row + 1, ...: one copy for all of them
        while (k + run < count && rows[from + k + run] == row + run) {
          run++;
        }
        int start = offsets[row];
        int length = offsets[row + run] - start;
        copyValue(data, start, length, dataAddress + at);
        if (run == 1) {
          at += length;
          MemoryUtil.putInt(offsetAddress + 4L * (k + 1), at);
        } else {
          int shift = at - start;
          for (int r = 1; r <= run; r++) {
            MemoryUtil.putInt(offsetAddress + 4L * (k + r), offsets[row + r] + shift);
          }
          at += length;
        }
        k += run;
      }
      HeapColumn.allValid(validity, count);
    } else {
      for (int k = 0; k < count; k++) {
        int row = rows[from + k];
        if (row >= 0 && !nulls[row]) {
          validity[k >> 3] |= (byte) (1 << (k & 7));
          int start = offsets[row];
          int length = offsets[row + 1] - start;
          copyValue(data, start, length, dataAddress + at);
          at += length;
        }
        MemoryUtil.putInt(offsetAddress + 4L * (k + 1), at);
      }
    }
    if (count > 0) {
      target.setLastSet(count - 1);
    }
  }

  /**
   * Copies {@code data[start, start + length)} to {@code address}, which has SLACK bytes to spare after the
   * value: up to 16 bytes as whole longs (bounds-checked reads of data), longer values in one bulk copy.
   */
  private static void copyValue(byte[] data, int start, int length, long address) {
    if (length <= 16 && start + 16 <= data.length) {
      MemoryUtil.putLong(address, (long) LONGS.get(data, start));
      if (length > 8) {
        MemoryUtil.putLong(address + 8, (long) LONGS.get(data, start + 8));
      }
    } else if (length > 0) {
      MemoryUtil.copyToMemory(data, start, address, length);
    }
  }

  /** The former per-row form of {@link #gather}, kept for A/B runs ({@link #DIRECT_GATHER}). */
  private static void gatherByRow(BaseVariableWidthVector target, byte[] data, int[] offsets, boolean[] nulls,
      boolean hasNulls, int[] rows, int from, int count, byte[] validity) {
    long total = 0;
    int any = 0;
    for (int k = 0; k < count; k++) {
      int row = rows[from + k];
      any |= row;
      if (row >= 0 && !nulls[row]) {
        total += offsets[row + 1] - offsets[row];
      }
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalStateException("gathered strings exceed 2 GB");
    }
    target.allocateNew(Math.max(total, 1), Math.max(count, 1));
    byte[] out = new byte[(int) total];
    // Offsets go straight into the new vector (allocated for count + 1 of them, offset 0 zeroed).
    long offsetAddress = target.getOffsetBuffer().memoryAddress();
    int at = 0;
    if (any >= 0 && !hasNulls) {
      for (int k = 0; k < count; k++) {
        int row = rows[from + k];
        int start = offsets[row];
        int length = offsets[row + 1] - start;
        System.arraycopy(data, start, out, at, length);
        at += length;
        MemoryUtil.putInt(offsetAddress + 4L * (k + 1), at);
      }
      HeapColumn.allValid(validity, count);
    } else {
      for (int k = 0; k < count; k++) {
        int row = rows[from + k];
        if (row >= 0 && !nulls[row]) {
          validity[k >> 3] |= (byte) (1 << (k & 7));
          int start = offsets[row];
          int length = offsets[row + 1] - start;
          System.arraycopy(data, start, out, at, length);
          at += length;
        }
        MemoryUtil.putInt(offsetAddress + 4L * (k + 1), at);
      }
    }
    if (at > 0) {
      target.getDataBuffer().setBytes(0, out, 0, at);
    }
    if (count > 0) {
      target.setLastSet(count - 1);
    }
  }
}
