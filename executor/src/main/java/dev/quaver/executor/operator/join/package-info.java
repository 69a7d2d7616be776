/**
 * Joins: hash join (build on the right input, probe with left batches), nested-loop join
 * (arbitrary condition or cross product) and correlate (re-runs the right subtree per left row).
 * {@link dev.quaver.executor.operator.join.JoinProbe} holds the match logic that hash and
 * nested-loop joins share for all six join types; a hash join spills as a grace hash join.
 */
package dev.quaver.executor.operator.join;
