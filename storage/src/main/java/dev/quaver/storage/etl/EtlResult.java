package dev.quaver.storage.etl;

/**
 * What one ETL run of one table did: the watermark it advanced to, the rows it wrote to new
 * segments (delta plus merged rows), the live rows in segments afterwards, the segment count, and
 * its duration. Immutable.
 */
public record EtlResult(String table, long watermark, long rowsWritten, long liveRows,
    int segments, long millis) {
  public double rowsPerSecond() {
    return millis == 0 ? rowsWritten * 1000.0 : rowsWritten * 1000.0 / millis;
  }
}
