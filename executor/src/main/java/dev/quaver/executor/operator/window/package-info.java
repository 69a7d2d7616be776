/**
 * Window functions (PhysicalWindow): the input arrives sorted by partition and order keys (a
 * SortOperator below, which spills); {@code WindowOperator} buffers one partition at a time and
 * {@code WindowFunctions} computes each call over it (ranking, LAG/LEAD, frame aggregates).
 */
package dev.quaver.executor.operator.window;
