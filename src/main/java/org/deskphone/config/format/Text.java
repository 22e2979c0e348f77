package org.deskphone.config.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Bytes to text for the line-based formats. UTF-8 with or without BOM is the rule; firmware 71 also
 * reads "ANSI" (Yealink L150–152), which we take as Windows-1252 when the bytes are not valid UTF-8.
 * A UTF-16 BOM (Notepad's "Unicode") is honoured as well.
 */
final class Text {
    /** Files larger than this are refused before they are decoded: no provisioning file comes close. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Text() {
    }

    static void checkSize(String source, byte[] content) throws FormatException {
        if (content.length > MAX_BYTES) {
            throw new FormatException(source, 0, "file is " + content.length + " bytes; the limit is " + MAX_BYTES);
        }
    }

    /** Decodes {@code content}; a fallback to Windows-1252 adds a warning to {@code warnings}. */
    static String decode(String source, byte[] content, List<Problem> warnings) throws FormatException {
        checkSize(source, content);
        int n = content.length;
        if (n >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            return strictUtf8(source, content, 3);
        }
        if (n >= 2 && (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF) {
            return new String(content, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE) {
            return new String(content, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            warnings.add(Problem.warning(source, 0, "not valid UTF-8; read as ANSI (Windows-1252)"));
            return new String(content, WINDOWS_1252);
        }
    }

    private static String strictUtf8(String source, byte[] content, int offset) throws FormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(source, 0, "starts with a UTF-8 byte-order mark but is not valid UTF-8");
        }
    }

    /** True for characters that never belong on a line of a settings file: C0 controls but tab, and DEL. */
    static boolean isControl(char c) {
        return c < 0x20 && c != '\t' || c == 0x7f;
    }
}
