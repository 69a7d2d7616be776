package dev.quaver.storage.lsm;

import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.io.ByteWriter;
import dev.quaver.storage.lsm.sst.SstMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Constants and record codec of the manifest, specified in {@code docs/formats/manifest.md}:
 *
 * <pre>
 *   file    := magic:u32 version:u16 reserved:u16 record*
 *   record  := crc:u32 length:u32 payload[length]            crc = CRC32C(length payload)
 *   payload := nextFileNumber:varint flushedSequence:varint logNumber:varint
 *              hasCatalog:u8 [catalog:bytes] rowIdCount:varint (tableId:varint next:varint)*
 *              levelCount:varint (fileCount:varint file*)*
 *   file    := number:varint size:varint smallest:bytes largest:bytes
 *              minSequence:varint maxSequence:varint entries:varint
 * </pre>
 *
 * Every record is a complete state; the last valid record of the file CURRENT names wins.
 * Written and read by {@link Manifest}. Stateless.
 */
public final class ManifestFormat {
  /** "QMAN" in ASCII. */
  public static final int MAGIC = 0x514D414E;
  public static final int VERSION = 1;
  public static final int HEADER_BYTES = 8;
  public static final int RECORD_HEADER_BYTES = 8;
  public static final String CURRENT = "CURRENT";
  public static final String PREFIX = "MANIFEST-";

  private ManifestFormat() {}

  public static String fileName(long number) {
    return String.format("%s%06d", PREFIX, number);
  }

  /** A whole record (header and payload). */
  static byte[] encode(ManifestState state) {
    ByteWriter out = new ByteWriter(256);
    out.writeInt(0).writeInt(0);
    out.writeVarLong(state.nextFileNumber()).writeVarLong(state.flushedSequence())
        .writeVarLong(state.logNumber());
    if (state.catalog() == null) {
      out.writeByte(0);
    } else {
      out.writeByte(1).writeLengthPrefixed(state.catalog());
    }
    out.writeVarLong(state.rowIds().size());
    state.rowIds().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.writeVarLong(e.getKey()).writeVarLong(e.getValue()));
    out.writeVarLong(state.levels().size());
    for (List<SstMeta> level : state.levels()) {
      out.writeVarLong(level.size());
      for (SstMeta f : level) {
        out.writeVarLong(f.fileNumber()).writeVarLong(f.fileSize())
            .writeLengthPrefixed(f.smallest()).writeLengthPrefixed(f.largest())
            .writeVarLong(f.minSequence()).writeVarLong(f.maxSequence()).writeVarLong(f.entries());
      }
    }
    int length = out.size() - RECORD_HEADER_BYTES;
    out.putInt(4, length);
    out.putInt(0, checksum(out.array(), 0, length));
    return out.toByteArray();
  }

  /** Decodes a payload; throws a RuntimeException on malformed bytes. */
  static ManifestState decode(byte[] bytes, int offset, int length) {
    ByteReader in = new ByteReader(bytes, offset, length);
    long nextFile = in.readVarLong();
    long flushed = in.readVarLong();
    long logNumber = in.readVarLong();
    int hasCatalog = in.readByte();
    if (hasCatalog > 1) {
      throw new IllegalArgumentException("bad catalog flag " + hasCatalog);
    }
    byte[] catalog = hasCatalog == 1 ? in.readLengthPrefixed() : null;
    Map<Long, Long> rowIds = new HashMap<>();
    for (long n = in.readVarLong(); n > 0; n--) {
      rowIds.put(in.readVarLong(), in.readVarLong());
    }
    List<List<SstMeta>> levels = new ArrayList<>();
    for (long n = in.readVarLong(); n > 0; n--) {
      List<SstMeta> level = new ArrayList<>();
      for (long f = in.readVarLong(); f > 0; f--) {
        level.add(new SstMeta(in.readVarLong(), in.readVarLong(), in.readLengthPrefixed(),
            in.readLengthPrefixed(), in.readVarLong(), in.readVarLong(), in.readVarLong()));
      }
      levels.add(level);
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " bytes after the last level");
    }
    return new ManifestState(nextFile, flushed, logNumber, catalog, rowIds, levels);
  }

  /** CRC32C over a record's length field and payload. */
  static int checksum(byte[] bytes, int recordOffset, int payloadLength) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, recordOffset + 4, 4 + payloadLength);
    return (int) crc.getValue();
  }
}
