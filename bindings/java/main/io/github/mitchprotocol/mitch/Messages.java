package io.github.mitchprotocol.mitch;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The messages of a capture (concatenated messages of any types), read in
 * place. Each message is framed and its bodies validated as iteration
 * reaches it; damage ends the iteration with a {@link MitchException} whose
 * {@link MitchException#offset()} is the byte at fault and
 * {@link MitchException#index()} the message's number, after every message
 * before it was delivered.
 */
public final class Messages implements Iterable<Message> {
  private final ByteBuffer buffer;
  private final Region region;

  Messages(ByteBuffer buffer) {
    this.buffer = buffer.duplicate();
    this.region = Region.reading(this.buffer);
  }

  @Override
  public Iterator<Message> iterator() {
    Native.ensureLoaded();
    return new Iterator<Message>() {
      private long next;
      private long index;
      private Message pending;
      private boolean finished;

      @Override
      public boolean hasNext() {
        if (pending == null && !finished) {
          read();
        }
        return pending != null;
      }

      @Override
      public Message next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Message message = pending;
        pending = null;
        return message;
      }

      private void read() {
        long[] out = new long[8];
        int status = Native.readMessage(region.direct, region.array, region.offset,
            region.length, next, out);
        if (status == Status.END) {
          finished = true;
          return;
        }
        if (status != Status.OK) {
          finished = true;
          throw streamError(status, index, out[6], out[7]);
        }
        pending = Message.of(buffer, buffer.position(), out);
        next = out[3] + out[4];
        index++;
      }
    };
  }

  /** The messages as a sequential stream (it throws where the iterator would). */
  public Stream<Message> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private MitchException streamError(int status, long index, long offset, long messageOffset) {
    if (Errors.hasApi11()) {
      long[] err = new long[9];
      Object[] strings = new Object[4];
      if (Native.checkStream(region.direct, region.array, region.offset, region.length, 0, err,
          strings) == status) {
        return Errors.error(status, Errors.detail(err, strings));
      }
    }
    return Errors.error(status, ErrorDetail.at(index, offset, messageOffset)
        .withText("message " + index + " at offset " + messageOffset + ", byte " + offset));
  }
}
