package dev.quaver.storage.lsm;

import dev.quaver.error.ErrorCode;
import dev.quaver.error.QuaverException;
import dev.quaver.storage.lsm.wal.LogWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The manifest of a data directory ({@code docs/formats/manifest.md}): {@code CURRENT} names the
 * live {@code MANIFEST-NNNNNN} file, which is a sequence of complete {@link ManifestState}
 * records. An update appends one record and fsyncs it, so it is atomic: after a crash the reader
 * finds either the old or the new state (a torn last record is ignored). The file is rolled
 * (new file with one record, then {@code CURRENT} replaced by an atomic rename) at every open and
 * when it grows past {@link #ROLL_BYTES}.
 *
 * <p>Thread safety: {@link #append} is synchronized; the store calls it under its edit lock.
 */
public final class Manifest implements AutoCloseable {
  static final long ROLL_BYTES = 4L << 20;

  private final Path directory;
  private long number;
  private RandomAccessFile file;
  private long size;

  private Manifest(Path directory, long number) {
    this.directory = directory;
    this.number = number;
  }

  /** The newest state recorded in {@code directory}, or null for a directory without one. */
  public static ManifestState read(Path directory) throws IOException {
    Path current = directory.resolve(ManifestFormat.CURRENT);
    if (!Files.exists(current)) {
      return null;
    }
    String name = Files.readString(current, StandardCharsets.UTF_8).trim();
    if (!name.startsWith(ManifestFormat.PREFIX)) {
      throw QuaverException.of(ErrorCode.DATA_CORRUPTED, "%s names no manifest: '%s'", current, name);
    }
    Path path = directory.resolve(name);
    if (!Files.exists(path)) {
      throw QuaverException.of(ErrorCode.DATA_CORRUPTED, "%s names %s, which does not exist",
          current, path);
    }
    return readFile(path);
  }

  /** The last complete record of one manifest file (a torn tail is ignored). */
  static ManifestState readFile(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length < ManifestFormat.HEADER_BYTES
        || ByteBuffer.wrap(bytes).getInt(0) != ManifestFormat.MAGIC) {
      throw corrupt(path, 0, "bad header");
    }
    int version = ByteBuffer.wrap(bytes).getShort(4);
    if (version != ManifestFormat.VERSION) {
      throw corrupt(path, 4, "unsupported manifest version " + version);
    }
    ManifestState last = null;
    int position = ManifestFormat.HEADER_BYTES;
    ByteBuffer view = ByteBuffer.wrap(bytes);
    while (position < bytes.length) {
      int remaining = bytes.length - position;
      if (remaining < ManifestFormat.RECORD_HEADER_BYTES) {
        break; // torn header
      }
      int length = view.getInt(position + 4);
      if (length < 0 || length > remaining - ManifestFormat.RECORD_HEADER_BYTES) {
        break; // torn record: the append that wrote it never returned
      }
      int end = position + ManifestFormat.RECORD_HEADER_BYTES + length;
      if (view.getInt(position) != ManifestFormat.checksum(bytes, position, length)) {
        if (end == bytes.length) {
          break; // torn last record
        }
        throw corrupt(path, position, "checksum mismatch in a record followed by "
            + (bytes.length - end) + " more bytes");
      }
      try {
        last = ManifestFormat.decode(bytes, position + ManifestFormat.RECORD_HEADER_BYTES, length);
      } catch (RuntimeException e) {
        throw corrupt(path, position, "malformed record: " + e.getMessage());
      }
      position = end;
    }
    if (last == null) {
      throw corrupt(path, ManifestFormat.HEADER_BYTES, "no complete record");
    }
    return last;
  }

  /** Starts a new manifest file holding {@code state} and points CURRENT at it. */
  public static Manifest create(Path directory, ManifestState state) throws IOException {
    long number = 1;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith(ManifestFormat.PREFIX)) {
          try {
            number = Math.max(number, Long.parseLong(name.substring(ManifestFormat.PREFIX.length())) + 1);
          } catch (NumberFormatException ignored) {
            // not ours
          }
        }
      }
    }
    Manifest manifest = new Manifest(directory, number - 1);
    manifest.roll(state);
    String live = ManifestFormat.fileName(manifest.number);
    try (Stream<Path> files = Files.list(directory)) { // leftovers of crashes during a roll
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.startsWith(ManifestFormat.PREFIX) && !name.equals(live)) {
          Files.deleteIfExists(f);
        }
      }
    }
    return manifest;
  }

  /** Records {@code state} durably (append + fsync; rolls to a new file when large). */
  public synchronized void append(ManifestState state) throws IOException {
    if (size > ROLL_BYTES) {
      roll(state);
      return;
    }
    byte[] record = ManifestFormat.encode(state);
    file.write(record);
    file.getFD().sync();
    size += record.length;
  }

  @Override
  public synchronized void close() throws IOException {
    if (file != null) {
      file.close();
      file = null;
    }
  }

  private void roll(ManifestState state) throws IOException {
    long next = number + 1;
    Path path = directory.resolve(ManifestFormat.fileName(next));
    Files.deleteIfExists(path); // a leftover of a crash before CURRENT named it
    RandomAccessFile created = new RandomAccessFile(path.toFile(), "rw");
    ByteBuffer header = ByteBuffer.allocate(ManifestFormat.HEADER_BYTES);
    header.putInt(ManifestFormat.MAGIC).putShort((short) ManifestFormat.VERSION).putShort((short) 0);
    byte[] record = ManifestFormat.encode(state);
    created.write(header.array());
    created.write(record);
    created.getFD().sync();
    Path temp = directory.resolve(ManifestFormat.CURRENT + ".tmp");
    Files.writeString(temp, ManifestFormat.fileName(next) + "\n", StandardCharsets.UTF_8);
    try (RandomAccessFile t = new RandomAccessFile(temp.toFile(), "rw")) {
      t.getFD().sync();
    }
    Files.move(temp, directory.resolve(ManifestFormat.CURRENT), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    LogWriter.syncDirectory(directory);
    if (file != null) {
      file.close();
    }
    Path old = directory.resolve(ManifestFormat.fileName(number));
    file = created;
    size = ManifestFormat.HEADER_BYTES + record.length;
    number = next;
    Files.deleteIfExists(old);
  }

  private static QuaverException corrupt(Path path, long offset, String what) {
    return QuaverException.of(ErrorCode.DATA_CORRUPTED, "manifest %s is corrupted at offset %d: %s",
        path, offset, what);
  }
}
