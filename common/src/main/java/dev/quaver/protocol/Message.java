package dev.quaver.protocol;

/**
 * One protocol message: the payload of one frame. Every implementation is an immutable record;
 * {@link MessageCodec} writes and reads them.
 */
public sealed interface Message
    permits Hello, CancelRequest, Query, Prepare, Execute, ExecuteBatch, QueryBatch, Fetch,
        CloseCursor, CloseStatement, Cancel, CatalogRequest, Ping, Terminate, AuthOk, PrepareOk,
        ResultHeader, RowBatch, FetchDone, UpdateCount, BatchResult, ErrorResponse, CatalogInfo,
        Pong, QueryKeys, PrepareKeys, GeneratedKeys {
  MessageType type();
}
