/**
 * SQL types ({@link dev.quaver.type.SqlType}, {@link dev.quaver.type.ColumnType}) and the Java
 * value that represents each of them everywhere outside Arrow vectors: storage rows, plan
 * literals, parameters and values on the wire.
 */
package dev.quaver.type;
