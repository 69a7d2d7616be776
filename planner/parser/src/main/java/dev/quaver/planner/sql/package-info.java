/**
 * Quaver's SQL front door inside the planner: {@link dev.quaver.planner.sql.QuaverSqlParser}
 * parses text with the extended grammar (SYNTAX_ERROR 42601 with a character position on
 * failure), and {@link dev.quaver.planner.sql.DdlConverter} checks DDL parse trees against the
 * catalog and turns them into {@link dev.quaver.planner.sql.DdlCommand}s for the executor. The
 * planner module adds validation and planning of queries in the same package.
 */
package dev.quaver.planner.sql;
