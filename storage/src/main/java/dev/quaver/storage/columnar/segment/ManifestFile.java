package dev.quaver.storage.columnar.segment;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.io.ByteReader;
import dev.quaver.storage.io.ByteWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Reads and atomically replaces a table's columnar manifest ({@code MANIFEST} in the table's
 * columnar directory; docs/formats/segment.md §5). A new version is written to
 * {@code MANIFEST.tmp}, fsynced, renamed over {@code MANIFEST} and the directory fsynced, so a
 * crash leaves the old or the new version, never a mix; a lazy write skips both fsyncs until
 * {@link #sync} (atomic against a process crash, §6 for a power failure). Stateless.
 */
public final class ManifestFile {
  public static final String NAME = "MANIFEST";
  static final int MAGIC = 0x5143534D; // "QCSM"
  static final int VERSION = 1;

  private ManifestFile() {}

  /** The manifest in {@code directory}, or empty if there is none. Corrupt: DATA_CORRUPTED. */
  public static Optional<TableManifest> read(Path directory) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(directory.resolve(NAME));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new QuaverException(ErrorCode.IO_ERROR, "cannot read " + directory.resolve(NAME)
          + ": " + e.getMessage(), e);
    }
    return Optional.of(decode(bytes, directory.resolve(NAME)));
  }

  /** Writes {@code manifest} as the new live version in {@code directory} (atomic, durable). */
  public static void write(Path directory, TableManifest manifest) throws IOException {
    write(directory, manifest, true);
  }

  /**
   * Writes {@code manifest} as the new live version in {@code directory}: atomic (a reader or a
   * restart after a process crash sees the old or the new version); durable against a power
   * failure only when {@code durable} (the file and the directory fsynced), otherwise once
   * {@link #sync} has run (docs/formats/segment.md §6: the forced ETL mode's lazy manifests).
   */
  public static void write(Path directory, TableManifest manifest, boolean durable)
      throws IOException {
    byte[] bytes = encode(manifest);
    Path temporary = directory.resolve(NAME + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (durable) {
        channel.force(true);
      }
    }
    Files.move(temporary, directory.resolve(NAME), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    if (durable) {
      syncDirectory(directory);
    }
  }

  /**
   * Makes the manifest now in {@code directory} durable: fsyncs the file, then the directory
   * (its name). Afterwards a power failure leaves this version, a later one, or (a later one
   * torn) a corrupt one that the engine drops and rebuilds; never an earlier one.
   */
  public static void sync(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory.resolve(NAME), StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (NoSuchFileException e) {
      return; // the table was dropped meanwhile
    }
    syncDirectory(directory);
  }

  /** fsyncs a directory so that a rename or a new file in it survives a crash. */
  public static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  static byte[] encode(TableManifest manifest) {
    ByteWriter out = new ByteWriter(256);
    out.writeInt(MAGIC).writeInt(VERSION);
    out.writeLong(manifest.tableId()).writeLong(manifest.watermark()).writeLong(manifest.schema());
    out.writeVarLong(manifest.nextSegmentId());
    out.writeVarLong(manifest.lastEtlMillis()).writeVarLong(manifest.lastEtlRows());
    out.writeVarLong(manifest.segments().size());
    for (LiveSegment segment : manifest.segments()) {
      SegmentFile file = segment.file();
      out.writeVarLong(file.id()).writeVarLong(file.partition()).writeVarLong(file.rowCount())
          .writeVarLong(file.bytes()).writeInt(file.crc());
      out.writeVarLong(segment.deletedRows().length);
      int previous = 0;
      for (int row : segment.deletedRows()) {
        out.writeVarLong(row - previous);
        previous = row;
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.size());
    out.writeInt((int) crc.getValue());
    return out.toByteArray();
  }

  static TableManifest decode(byte[] bytes, Path source) {
    try {
      if (bytes.length < 12) {
        throw new IllegalArgumentException("only " + bytes.length + " bytes");
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, bytes.length - 4);
      ByteReader trailer = new ByteReader(bytes, bytes.length - 4, 4);
      if (trailer.readInt() != (int) crc.getValue()) {
        throw new IllegalArgumentException("checksum mismatch");
      }
      ByteReader in = new ByteReader(bytes, 0, bytes.length - 4);
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("bad magic");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported version " + version);
      }
      long tableId = in.readLong();
      long watermark = in.readLong();
      long schema = in.readLong();
      long nextSegmentId = in.readVarLong();
      long lastMillis = in.readVarLong();
      long lastRows = in.readVarLong();
      long count = in.readVarLong();
      List<LiveSegment> segments = new ArrayList<>();
      for (long i = 0; i < count; i++) {
        SegmentFile file = new SegmentFile(in.readVarLong(), (int) in.readVarLong(),
            in.readVarLong(), in.readVarLong(), in.readInt());
        int[] deleted = new int[Math.toIntExact(in.readVarLong())];
        int previous = 0;
        for (int d = 0; d < deleted.length; d++) {
          previous += (int) in.readVarLong();
          deleted[d] = previous;
        }
        segments.add(new LiveSegment(file, deleted));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " trailing bytes");
      }
      return new TableManifest(tableId, watermark, schema, nextSegmentId, segments, lastMillis,
          lastRows);
    } catch (RuntimeException e) {
      throw new QuaverException(ErrorCode.DATA_CORRUPTED, "columnar manifest " + source
          + " is corrupt: " + e.getMessage(), e);
    }
  }
}
