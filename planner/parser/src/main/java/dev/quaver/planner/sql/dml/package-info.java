/**
 * Parse-tree pieces for Quaver's DML and maintenance additions: INSERT with a conflict clause
 * (REPLACE INTO, INSERT OR REPLACE / IGNORE, ON CONFLICT DO NOTHING), REINDEX, and the operator
 * of an empty IN list. Built by the generated parser from includes/upsertImpls.ftl; each node
 * unparses to SQL that parses back to an equal tree. Nodes are immutable once built.
 */
package dev.quaver.planner.sql.dml;
