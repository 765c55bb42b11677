package io.outdial.bridge.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.outdial.bridge.admin.AdminException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/**
 * The text of an uploaded body, decoded strictly: in the charset the upload names ({@code ?charset=} first, then the
 * Content-Type's {@code charset}, else UTF-8), and refused with 400, naming the line and byte, where a byte is not
 * valid in it. Nothing is ever replaced by U+FFFD behind the uploader's back.
 */
final class UploadText {

    private UploadText() {
    }

    static String of(FullHttpRequest request) {
        return decode(request.content(), charsetOf(request));
    }

    static Charset charsetOf(FullHttpRequest request) {
        List<String> asked = new QueryStringDecoder(request.uri()).parameters().get("charset");
        String name = asked == null || asked.isEmpty() ? null : asked.get(0);
        if (name == null) {
            return HttpUtil.getCharset(request, StandardCharsets.UTF_8);
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new AdminException(400, "charset '" + name + "' is not one this gateway knows (try UTF-8,"
                    + " ISO-8859-1 or windows-1252); nothing was imported");
        }
    }

    static String decode(ByteBuf content, Charset charset) {
        ByteBuffer bytes = content.nioBuffer();
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate((int) (bytes.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(bytes, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = bytes.position();
            throw new AdminException(400, "the upload is not valid " + charset.name() + ": " + where(content, at)
                    + "; nothing was imported. Send it as " + charset.name() + ", or name its charset with"
                    + " ?charset=ISO-8859-1 (or windows-1252, ...) on the upload");
        }
        if (result.isOverflow()) {
            // maxCharsPerByte bounds the output: cannot happen; refuse rather than cut the text.
            throw new AdminException(400, "the upload could not be decoded as " + charset.name());
        }
        out.flip();
        return out.toString();
    }

    /** "line 3, byte 12 (0xE9)": where offset {@code at} of the body is, lines counted from 1 by LF. */
    private static String where(ByteBuf content, int at) {
        int line = 1;
        int lineStart = 0;
        int base = content.readerIndex();
        for (int i = 0; i < at; i++) {
            if (content.getByte(base + i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int bad = content.getByte(base + at) & 0xFF;
        return "line " + line + ", byte " + (at - lineStart + 1) + " of the line (0x"
                + Integer.toHexString(0x100 | bad).substring(1).toUpperCase(java.util.Locale.ROOT) + ", offset " + at
                + ")";
    }
}
