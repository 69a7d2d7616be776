/**
 * Keys and row values: the order-preserving encoding of SQL values ({@link
 * dev.quaver.storage.row.KeyEncoder}), the division of the key space into table rows and index
 * entries ({@link dev.quaver.storage.row.KeySpace}), and the compact binary row ({@link
 * dev.quaver.storage.row.RowCodec}). Specified in {@code docs/formats/keys.md}.
 */
package dev.quaver.storage.row;
