package dev.quaver.storage;

import dev.quaver.storage.columnar.ArrowTypes;
import dev.quaver.type.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Decodes row values ({@code RowCodec}'s format, {@code docs/formats/keys.md}) straight into
 * Arrow vectors, without boxing values or building Strings: the scan's hot loop. Columns that
 * the scan did not ask for are skipped. Must stay in step with {@code RowCodec} and with the
 * vector classes of {@link ArrowTypes}.
 *
 * <p>Thread safety: confined to the scan's thread.
 */
final class RowVectorDecoder {
  private final List<ColumnType> types;
  /** Per table column: the output vector position, or -1 if not requested. */
  private final int[] outputOf;

  /** {@code columns}: the requested table columns, in output order. */
  RowVectorDecoder(List<ColumnType> types, int[] columns) {
    this.types = types;
    this.outputOf = new int[types.size()];
    java.util.Arrays.fill(outputOf, -1);
    for (int i = 0; i < columns.length; i++) {
      if (outputOf[columns[i]] >= 0) {
        outputOf[columns[i]] = -2 - outputOf[columns[i]]; // requested twice: slow path marker
      } else {
        outputOf[columns[i]] = i;
      }
    }
  }

  /** Whether a column appears twice in the request (then callers use the boxed path). */
  boolean hasRepeatedColumns() {
    for (int output : outputOf) {
      if (output <= -2) {
        return true;
      }
    }
    return false;
  }

  /** Writes the requested columns of {@code value} at {@code row} of {@code vectors}. */
  void decode(byte[] value, List<FieldVector> vectors, int row) {
    int position = 0;
    long count = 0;
    for (int shift = 0; ; shift += 7) {
      int b = value[position++];
      count |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    int bitmap = position;
    position += (int) ((count + 7) / 8);
    for (int column = 0; column < outputOf.length; column++) {
      int output = outputOf[column];
      boolean isNull = column >= count || (value[bitmap + (column >>> 3)] & (1 << (column & 7))) != 0;
      if (isNull) {
        if (output >= 0) {
          ArrowTypes.setNull(vectors.get(output), row);
        }
        continue;
      }
      position = decodeValue(value, position, types.get(column),
          output >= 0 ? vectors.get(output) : null, row);
    }
  }

  /** Reads one value at {@code position}, writes it if {@code vector} is not null, returns the end. */
  private static int decodeValue(byte[] value, int position, ColumnType type, FieldVector vector,
      int row) {
    switch (type.type()) {
      case BOOLEAN -> {
        if (vector != null) {
          ((BitVector) vector).setSafe(row, value[position] != 0 ? 1 : 0);
        }
        return position + 1;
      }
      case TINYINT -> {
        if (vector != null) {
          ((TinyIntVector) vector).setSafe(row, value[position]);
        }
        return position + 1;
      }
      case SMALLINT -> {
        if (vector != null) {
          ((SmallIntVector) vector).setSafe(row, (short) ((value[position] << 8) | (value[position + 1] & 0xFF)));
        }
        return position + 2;
      }
      case INTEGER, DATE, TIME, INTERVAL_YEAR_MONTH -> {
        if (vector != null) {
          int v = readInt(value, position);
          switch (type.type()) {
            case DATE -> ((DateDayVector) vector).setSafe(row, v);
            case TIME -> ((TimeMilliVector) vector).setSafe(row, v);
            default -> ((IntVector) vector).setSafe(row, v);
          }
        }
        return position + 4;
      }
      case BIGINT, TIMESTAMP, INTERVAL_DAY_TIME -> {
        if (vector != null) {
          long v = readLong(value, position);
          if (type.type() == dev.quaver.type.SqlType.TIMESTAMP) {
            ((TimeStampMilliVector) vector).setSafe(row, v);
          } else {
            ((BigIntVector) vector).setSafe(row, v);
          }
        }
        return position + 8;
      }
      case REAL -> {
        if (vector != null) {
          ((Float4Vector) vector).setSafe(row, Float.intBitsToFloat(readInt(value, position)));
        }
        return position + 4;
      }
      case DOUBLE -> {
        if (vector != null) {
          ((Float8Vector) vector).setSafe(row, Double.longBitsToDouble(readLong(value, position)));
        }
        return position + 8;
      }
      case DECIMAL -> {
        long[] length = new long[1];
        int start = readVarint(value, position, length);
        if (vector != null) {
          byte[] unscaled = java.util.Arrays.copyOfRange(value, start, start + (int) length[0]);
          ((DecimalVector) vector).setSafe(row, new BigDecimal(new BigInteger(unscaled), type.scale()));
        }
        return start + (int) length[0];
      }
      case CHAR, VARCHAR -> {
        long[] length = new long[1];
        int start = readVarint(value, position, length);
        if (vector != null) {
          ((VarCharVector) vector).setSafe(row, value, start, (int) length[0]);
        }
        return start + (int) length[0];
      }
    }
    throw new AssertionError(type);
  }

  private static int readVarint(byte[] value, int position, long[] result) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int b = value[position++];
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        result[0] = v;
        return position;
      }
    }
  }

  private static int readInt(byte[] value, int position) {
    return ((value[position] & 0xFF) << 24) | ((value[position + 1] & 0xFF) << 16)
        | ((value[position + 2] & 0xFF) << 8) | (value[position + 3] & 0xFF);
  }

  private static long readLong(byte[] value, int position) {
    return ((long) readInt(value, position) << 32) | (readInt(value, position + 4) & 0xFFFFFFFFL);
  }
}
