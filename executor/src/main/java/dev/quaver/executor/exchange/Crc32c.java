package dev.quaver.executor.exchange;

/**
 * CRC32C (Castagnoli, the checksum of {@link java.util.zip.CRC32C}) by table lookup, four bytes
 * per step ("slicing by 4"): for the hash shuffle's one integer-like key, whose 5 or 9 encoded
 * bytes cost less through these tables than through a {@code CRC32C} call per row. A running
 * value starts at {@link #INITIAL}; the checksum {@code CRC32C.getValue()} returns is its
 * complement ({@code ~crc}). {@code HashRouterTest} checks the router still agrees with
 * {@code PartitionFunction}.
 *
 * <p>Thread safety: stateless (the tables are immutable after class initialization).
 */
final class Crc32c {
  /** The running value before any byte. */
  static final int INITIAL = 0xFFFFFFFF;

  private static final int POLYNOMIAL = 0x82F63B78; // reflected Castagnoli polynomial
  private static final int[] T0 = new int[256];
  private static final int[] T1 = new int[256];
  private static final int[] T2 = new int[256];
  private static final int[] T3 = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
      }
      T0[i] = crc;
    }
    for (int i = 0; i < 256; i++) {
      T1[i] = (T0[i] >>> 8) ^ T0[T0[i] & 0xFF];
      T2[i] = (T1[i] >>> 8) ^ T0[T1[i] & 0xFF];
      T3[i] = (T2[i] >>> 8) ^ T0[T2[i] & 0xFF];
    }
  }

  private Crc32c() {}

  /** {@code crc} after one more byte. */
  static int update(int crc, byte b) {
    return (crc >>> 8) ^ T0[(crc ^ b) & 0xFF];
  }

  /** {@code crc} after four more bytes, given as a little-endian int (the first byte lowest). */
  static int update4(int crc, int fourBytes) {
    int x = crc ^ fourBytes;
    return T3[x & 0xFF] ^ T2[(x >>> 8) & 0xFF] ^ T1[(x >>> 16) & 0xFF] ^ T0[x >>> 24];
  }
}
