package org.deskphone.config.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a provisioning file holds, told from its content and never from its name: servers rename files
 * freely, and a {@code .cfg} URL may well serve XML.
 */
public enum FileKind {
    /** Yealink {@code #!version:} settings. */
    CFG_SETTINGS,
    /** ALE {@code <settings>} settings. */
    XML_SETTINGS,
    /** Local contacts: Yealink {@code <root_group>/<root_contact>}, ALE {@code <PhoneDirectory>}, or CSV. */
    CONTACTS,
    /** Yealink replace rules, {@code <DialRule>}. */
    REPLACE_RULES,
    /** Yealink dial-now rules, {@code <DialNow>}. */
    DIAL_NOW,
    /** An AES-encrypted file ({@link ConfigCipher}); it must be decrypted before it can be read. */
    ENCRYPTED,
    /** None of these. */
    UNKNOWN;

    private static final int PEEK = 4096;

    /** The settings dialect of this kind, or null when it is not a settings file. */
    public Dialect dialect() {
        return this == CFG_SETTINGS ? Dialect.CFG : this == XML_SETTINGS ? Dialect.XML : null;
    }

    /** Looks at the first few kilobytes of {@code content}. Never throws. */
    public static FileKind detect(byte[] content) {
        if (ConfigCipher.looksEncrypted(content)) {
            return ENCRYPTED;
        }
        String head = head(content);
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("#")) {
            return trimmed.contains(CfgFormat.HEADER_PREFIX) ? CFG_SETTINGS : UNKNOWN;
        }
        if (trimmed.startsWith("<")) {
            String root = firstElement(trimmed);
            switch (root) {
                case "settings":
                    return XML_SETTINGS;
                case "root_group":
                case "root_contact":
                case "phonedirectory":
                    return CONTACTS;
                case "dialrule":
                    return REPLACE_RULES;
                case "dialnow":
                    return DIAL_NOW;
                default:
                    return UNKNOWN;
            }
        }
        String firstLine = trimmed.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (firstLine.contains(",") && (firstLine.contains("display_name") || firstLine.contains("firstname")
                || firstLine.contains("display name") || firstLine.contains("first name"))) {
            return CONTACTS;
        }
        return UNKNOWN;
    }

    private static String head(byte[] content) {
        int length = Math.min(content.length, PEEK);
        int offset = 0;
        if (length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (length >= 2 && ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE)) {
            return new String(content, 2, length - 2, StandardCharsets.UTF_16LE);
        } else if (length >= 2 && ((content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF)) {
            return new String(content, 2, length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(content, offset, length - offset, StandardCharsets.ISO_8859_1);
    }

    /** The lower-cased name of the first element, skipping the XML declaration, comments and PIs. */
    private static String firstElement(String text) {
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('<', i);
            if (open < 0 || open + 1 >= text.length()) {
                return "";
            }
            char next = text.charAt(open + 1);
            if (next == '?') {
                int close = text.indexOf("?>", open);
                i = close < 0 ? text.length() : close + 2;
            } else if (text.startsWith("<!--", open)) {
                int close = text.indexOf("-->", open);
                i = close < 0 ? text.length() : close + 3;
            } else if (text.regionMatches(true, open, "<!DOCTYPE", 0, 9)) {
                int bracket = text.indexOf('[', open);
                int close = text.indexOf('>', open);
                if (bracket >= 0 && (close < 0 || bracket < close)) {
                    int end = text.indexOf(']', bracket);
                    close = end < 0 ? -1 : text.indexOf('>', end);
                }
                i = close < 0 ? text.length() : close + 1;
            } else if (next == '!') {
                return "!";
            } else {
                int end = open + 1;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && text.charAt(end) != '>' && text.charAt(end) != '/') {
                    end++;
                }
                return text.substring(open + 1, end).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
