package dev.quaver.storage.system;

import dev.quaver.storage.catalog.TableDef;
import java.util.List;

/**
 * One read-only system table: its definition (a negative id, a name unique among system tables)
 * and its rows, computed when a scan starts. Row values follow SqlType's Java value rules, one
 * {@code Object[]} per row, in the definition's column order.
 *
 * <p>Thread safety: {@link #rows()} may be called from any thread concurrently.
 */
public interface SystemTable {
  /** The schema that holds every system table. */
  String SCHEMA = "SYS";

  TableDef definition();

  List<Object[]> rows();
}
