package dev.quaver.protocol;

/**
 * Out-of-band cancel on the same connection: the server handles it as soon as it is read (on
 * the I/O thread, even while a response is streaming) and cancels every request received
 * before it that has not finished. No reply of its own: the canceled request ends with ERROR
 * 57014.
 */
public record Cancel() implements Message {
  @Override
  public MessageType type() {
    return MessageType.CANCEL;
  }
}
