/**
 * Parse-tree nodes for Quaver's grammar extension: CREATE/DROP TABLE, VIEW and INDEX, BEGIN,
 * COMMIT, ROLLBACK and ANALYZE. The generated parser (dev.quaver.planner.sql.parser.impl) builds
 * them; {@link dev.quaver.planner.sql.DdlConverter} turns the DDL ones into catalog definitions.
 * Every node unparses to SQL that the same parser reads back, so EXPLAIN and round trips work.
 * Nodes are immutable once built.
 */
package dev.quaver.planner.sql.ddl;
