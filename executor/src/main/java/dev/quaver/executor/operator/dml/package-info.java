/**
 * INSERT, UPDATE and DELETE: each reads its whole input into one WriteBatch at the statement's
 * snapshot and commits it once, so a statement is atomic (all rows or none), then returns one
 * BIGINT row with the number of rows written.
 */
package dev.quaver.executor.operator.dml;
