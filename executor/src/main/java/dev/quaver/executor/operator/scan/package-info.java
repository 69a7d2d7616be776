/**
 * Leaf operators: the table scan (storage batches at the statement's snapshot, with the plan's
 * optional filter applied exactly) and VALUES (literal rows evaluated once).
 */
package dev.quaver.executor.operator.scan;
