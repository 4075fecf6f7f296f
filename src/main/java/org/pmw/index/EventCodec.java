package org.pmw.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pmw.model.Event;
import org.pmw.model.EventKind;
import org.pmw.model.Level;

/**
 * The stored form of an event: one compact binary record instead of a stored field per attribute, which
 * halves the work of storing an event at import. Strings are UTF-8 with a length (0 for null, else length+1),
 * numbers are variable-length.
 */
final class EventCodec {

    private static final byte VERSION = 1;
    private static final byte LONG = 0;
    private static final byte DOUBLE = 1;
    private static final byte STRING = 2;
    private static final EventKind[] KINDS = EventKind.values();
    private static final Level[] LEVELS = Level.values();

    private EventCodec() {
    }

    static byte[] encode(Event e, int maxMessageChars) {
        Writer w = new Writer(128 + e.raw().length() * 2);
        w.writeByte(VERSION);
        w.writeVLong(zigzag(e.ts()));
        w.writeVLong(e.micros());
        w.writeString(e.tsText());
        w.writeString(e.source());
        w.writeVLong(e.line());
        w.writeString(e.host());
        w.writeByte((byte) e.kind().ordinal());
        w.writeByte((byte) e.level().ordinal());
        String message = cut(e.message(), maxMessageChars);
        w.writeString(message);
        w.writeString(e.raw().equals(e.message()) ? null : cut(e.raw(), maxMessageChars * 2));
        w.writeString(e.pattern());
        w.writeVLong(e.fields().size());
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            w.writeString(f.getKey());
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
        return w.toBytes();
    }

    static Event decode(byte[] bytes, int offset, int length) {
        Reader r = new Reader(bytes, offset, length);
        byte version = r.readByte();
        if (version != VERSION) {
            throw new IllegalStateException("stored event of version " + version + "; re-index the project");
        }
        Event.Builder b = Event.builder();
        b.ts(unzigzag(r.readVLong()));
        b.micros((int) r.readVLong());
        b.tsText(r.readString());
        b.source(r.readString());
        b.line(r.readVLong());
        b.host(r.readString());
        b.kind(KINDS[r.readByte()]);
        b.level(LEVELS[r.readByte()]);
        String message = r.readString();
        b.message(message);
        String raw = r.readString();
        b.raw(raw == null ? message : raw);
        b.pattern(r.readString());
        int fields = (int) r.readVLong();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields; i++) {
            String name = r.readString();
            byte type = r.readByte();
            Object value = switch (type) {
                case LONG -> unzigzag(r.readVLong());
                case DOUBLE -> Double.longBitsToDouble(r.readVLong());
                default -> r.readString();
            };
            map.put(name, value);
        }
        map.forEach(b::field);
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

    private static final class Writer {
        private byte[] buf;
        private int len;

        Writer(int capacity) {
            buf = new byte[Math.max(64, capacity)];
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

        void writeString(String s) {
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
                writeVLong(s.length() + 1L);
                ensure(s.length());
                s.getBytes(0, s.length(), buf, len);
                len += s.length();
            } else {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                writeVLong(utf8.length + 1L);
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

        Reader(byte[] buf, int offset, int length) {
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
            int n = (int) readVLong();
            if (n == 0) {
                return null;
            }
            String s = new String(buf, pos, n - 1, StandardCharsets.UTF_8);
            pos += n - 1;
            return s;
        }
    }
}
