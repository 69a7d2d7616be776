package dev.quaver.storage.lsm;

/** The {@link Memtable} contract for the arena skip list (the finger list with nodes in chunks). */
class ArenaSkipListMemtableTest extends MemtableContractTest {
  @Override
  protected Memtable newTable() {
    return new ArenaSkipListMemtable();
  }
}
