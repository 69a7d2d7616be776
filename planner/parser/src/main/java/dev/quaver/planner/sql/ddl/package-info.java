/**
 * Parse-tree nodes for Quaver's grammar extension: CREATE/DROP TABLE, VIEW, INDEX and TRIGGER,
 * BEGIN, COMMIT, ROLLBACK, ANALYZE, OPTIMIZE TABLE, SHOW and EXPLAIN. The commands that are
 * keywords plus at most one operand share {@link dev.quaver.planner.sql.ddl.SqlKeywordCommand}.
 * The generated parser (dev.quaver.planner.sql.parser.impl) builds them;
 * {@link dev.quaver.planner.sql.DdlConverter} turns the DDL ones into catalog definitions.
 * Every node unparses to SQL that the same parser reads back, so EXPLAIN and round trips work.
 * Nodes are immutable once built.
 */
package dev.quaver.planner.sql.ddl;
