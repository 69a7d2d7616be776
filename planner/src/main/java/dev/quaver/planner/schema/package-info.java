/**
 * Calcite adapters over Quaver's catalog: a schema whose tables are the catalog's tables (row
 * types from the column definitions, a row-count statistic and the primary key as unique key)
 * and views (expanded from their SQL at each use). A DML statement sees its target table with
 * one hidden trailing row-key column, which the physical converter maps to the scan's row key.
 */
package dev.quaver.planner.schema;
