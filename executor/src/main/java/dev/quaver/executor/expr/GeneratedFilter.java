package dev.quaver.executor.expr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The base of the predicate classes that {@link FilterCodegen} generates and compiles with Janino:
 * one fused loop over a batch's rows that tests the whole predicate per row and writes the
 * positions of the rows where it is true. Public only because the generated classes live in
 * their own class loader; nothing else should extend or call it. The static helpers read the
 * column bytes (copied out of Arrow in bulk) for the generated code, which cannot call
 * signature-polymorphic VarHandle methods itself.
 *
 * <p>Thread safety: generated subclasses are immutable.
 */
public abstract class GeneratedFilter {
  private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Writes the ascending positions of the rows in [0, rowCount) where the predicate is true into
   * {@code positions}; returns how many. {@code data[c]} / {@code valid[c]} are column c's value
   * bytes and validity bitmap (null for columns the predicate does not read).
   */
  public abstract int select(byte[][] data, byte[][] valid, int rowCount, int[] positions);

  public static boolean valid(byte[] bits, int row) {
    return (bits[row >> 3] & (1 << (row & 7))) != 0;
  }

  public static long int8(byte[] data, int row) {
    return (long) LONGS.get(data, row << 3);
  }

  public static long int4(byte[] data, int row) {
    return (int) INTS.get(data, row << 2);
  }

  public static long int2(byte[] data, int row) {
    return (short) SHORTS.get(data, row << 1);
  }

  public static long int1(byte[] data, int row) {
    return data[row];
  }
}
