package dev.quaver.executor.operator.join;

import dev.quaver.executor.vector.HeapColumn;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link JoinIndex} for any vectorizable keys (strings, several columns, mixed kinds): build rows
 * chained by the hash {@link JoinKeys} computes a column at a time, a bucket per hash's low bits
 * (at least two buckets per row); a candidate matches when its full hash and then its keys equal.
 *
 * <p>Thread safety: confined to the join's thread.
 */
final class HashKeyIndex implements JoinIndex {
  private final JoinKeys buildKeys;
  private final JoinKeys probeKeys;
  private final long[] buildHash;
  private final int[] head;
  private final int[] chain;
  private final int mask;
  private long[] probeHash = new long[0];

  /** Indexes {@code rows} build rows whose keys {@code buildKeys} holds; {@code probeKeys}: the left side's. */
  HashKeyIndex(JoinKeys buildKeys, JoinKeys probeKeys, int rows) {
    this.buildKeys = buildKeys;
    this.probeKeys = probeKeys;
    int buckets = Integer.highestOneBit(Math.max(rows, 1) * 2 - 1) << 1;
    mask = buckets - 1;
    head = new int[buckets];
    Arrays.fill(head, -1);
    chain = new int[rows];
    buildHash = new long[rows];
    boolean[] nullKey = new boolean[rows];
    buildKeys.hash(0, rows, buildHash, nullKey);
    // Inserted last row first so that each chain lists its rows in input order.
    for (int r = rows - 1; r >= 0; r--) {
      if (nullKey[r]) {
        chain[r] = -1;
        continue;
      }
      int bucket = (int) buildHash[r] & mask;
      chain[r] = head[bucket];
      head[bucket] = r;
    }
  }

  @Override
  public void startProbe(HeapColumn[] columns, List<FieldVector> vectors, int base, int rows, boolean[] nullKey) {
    int end = base + rows;
    if (probeHash.length < end) {
      probeHash = Arrays.copyOf(probeHash, Math.max(end, 2 * probeHash.length));
    }
    if (base == 0) {
      probeKeys.reset(columns);
    }
    probeKeys.append(vectors, rows);
    if (base == 0) {
      probeKeys.hash(0, rows, probeHash, nullKey);
      return;
    }
    long[] hashes = new long[rows];
    boolean[] nulls = new boolean[rows];
    probeKeys.hash(base, end, hashes, nulls);
    System.arraycopy(hashes, 0, probeHash, base, rows);
    System.arraycopy(nulls, 0, nullKey, base, rows);
  }

  @Override
  public int first(int leftRow) {
    return match(head[(int) probeHash[leftRow] & mask], leftRow);
  }

  @Override
  public int next(int row, int leftRow) {
    return match(chain[row], leftRow);
  }

  /** The first row at or after {@code row} in its chain whose keys equal left row {@code leftRow}'s. */
  private int match(int row, int leftRow) {
    long hash = probeHash[leftRow];
    while (row >= 0 && (buildHash[row] != hash || !buildKeys.equal(row, probeKeys, leftRow))) {
      row = chain[row];
    }
    return row;
  }
}
