package org.pmw.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * The stored form of an event: one compact binary record. The raw text comes first; the message, the
 * timestamp text and field values that are pieces of it are kept as (offset, length) into it, so a record
 * is little larger than its log line. Strings carry a header: 0 for null, else (length &lt;&lt; 2) | 1 for UTF-8
 * bytes that follow, or (length &lt;&lt; 2) | 2 for a piece of the raw text whose char offset follows.
 * Numbers are variable-length.
 */
final class EventCodec {

    private static final byte VERSION = 2;
    private static final byte LONG = 0;
    private static final byte DOUBLE = 1;
    private static final byte STRING = 2;
    private static final int INLINE = 1;
    private static final int PIECE = 2;
    /** Shorter strings are written out: a reference would not be smaller. */
    private static final int MIN_PIECE = 4;
    private static final EventKind[] KINDS = EventKind.values();
    private static final Level[] LEVELS = Level.values();

    private EventCodec() {
    }

    static byte[] encode(Event e, int maxMessageChars) {
        Writer w = new Writer();
        encode(e, maxMessageChars, w);
        return w.toBytes();
    }

    /** Encodes into {@code w}, which is emptied first and can be reused for the next event. */
    static void encode(Event e, int maxMessageChars, Writer w) {
        String raw = cut(e.raw(), maxMessageChars * 2);
        w.reset(raw);
        w.writeByte(VERSION);
        w.writeInline(raw);
        w.writeVLong(zigzag(e.ts()));
        w.writeVLong(e.micros());
        w.writeString(e.tsText());
        w.writeString(e.source());
        w.writeVLong(e.line());
        w.writeString(e.host());
        w.writeByte((byte) e.kind().ordinal());
        w.writeByte((byte) e.level().ordinal());
        w.writeString(cut(e.message(), maxMessageChars));
        w.writeString(e.pattern());
        w.writeVLong(e.fields().size());
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            w.writeInline(f.getKey());
            Object v = f.getValue();
            if (v instanceof Double || v instanceof Float) {
                w.writeByte(DOUBLE);
                w.writeVLong(Double.doubleToRawLongBits(((Number) v).doubleValue()));
            } else if (v instanceof Number n) {
                w.writeByte(LONG);
                w.writeVLong(zigzag(n.longValue()));
            } else {
                w.writeByte(STRING);
                w.writeString(String.valueOf(v));
            }
        }
    }

    static Event decode(byte[] bytes, int offset, int length) {
        Reader r = new Reader(bytes, offset);
        byte version = r.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("stored event of version " + version + "; re-index the project");
        }
        Event.Builder b = Event.builder();
        String raw = r.readString();
        r.raw = raw;
        b.raw(raw);
        b.ts(unzigzag(r.readVLong()));
        b.micros((int) r.readVLong());
        b.tsText(r.readString());
        b.source(r.readString());
        b.line(r.readVLong());
        b.host(r.readString());
        b.kind(KINDS[r.readByte()]);
        b.level(LEVELS[r.readByte()]);
        b.message(r.readString());
        b.pattern(r.readString());
        int fields = (int) r.readVLong();
        for (int i = 0; i < fields; i++) {
            String name = r.readString();
            byte type = r.readByte();
            Object value = switch (type) {
                case LONG -> unzigzag(r.readVLong());
                case DOUBLE -> Double.longBitsToDouble(r.readVLong());
                default -> r.readString();
            };
            b.field(name, value);
        }
        return b.build();
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A growable buffer for one record at a time. */
    static final class Writer {
        private String raw;
        private byte[] buf = new byte[1024];
        private int len;

        void reset(String raw) {
            this.raw = raw;
            this.len = 0;
            if (buf.length > 1 << 20) {
                buf = new byte[1024];   // one huge event should not pin a huge buffer
            }
        }

        byte[] buffer() {
            return buf;
        }

        int length() {
            return len;
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        void writeByte(byte b) {
            ensure(1);
            buf[len++] = b;
        }

        void writeVLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        /** A string that may be a piece of the raw text. */
        void writeString(String s) {
            if (s != null && s.length() >= MIN_PIECE) {
                int at = raw.indexOf(s);
                if (at >= 0) {
                    writeVLong(((long) s.length() << 2) | PIECE);
                    writeVLong(at);
                    return;
                }
            }
            writeInline(s);
        }

        void writeInline(String s) {
            if (s == null) {
                writeVLong(0);
                return;
            }
            boolean ascii = true;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                writeVLong(((long) s.length() << 2) | INLINE);
                ensure(s.length());
                s.getBytes(0, s.length(), buf, len);
                len += s.length();
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                writeVLong(((long) utf8.length << 2) | INLINE);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, len, utf8.length);
                len += utf8.length;
            }
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, len);
        }
    }

    private static final class Reader {
        private final byte[] buf;
        private int pos;
        private String raw;

        Reader(byte[] buf, int offset) {
            this.buf = buf;
            this.pos = offset;
        }

        byte readByte() {
            return buf[pos++];
        }

        long readVLong() {
            long v = 0;
            int shift = 0;
            while (true) {
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
            }
        }

        String readString() {
            long header = readVLong();
            if (header == 0) {
                return null;
            }
            int n = (int) (header >>> 2);
            if ((header & 3) == PIECE) {
                int at = (int) readVLong();
                return raw.substring(at, at + n);
            }
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }
}
