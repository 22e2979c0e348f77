package org.deskphone.config.format;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A pull reader over the JDK's own StAX that refuses what a provisioning server should never send:
 * any DOCTYPE (so no entity expansion and no external entities), nesting deeper than
 * {@link #MAX_DEPTH}, attributes longer than {@link #MAX_ATTRIBUTE} characters and files larger than
 * {@link Text#MAX_BYTES}. Each refusal is a {@link FormatException} with the line, raised at the first
 * offending event, so a hostile file costs no more than reading up to it.
 */
final class SafeXml implements AutoCloseable {
    static final int MAX_DEPTH = 16;
    static final int MAX_ATTRIBUTE = 64 * 1024;

    private static final XMLInputFactory FACTORY = factory();

    private final String source;
    private final XMLStreamReader reader;
    private final int lineOffset;
    private int depth;

    private SafeXml(String source, XMLStreamReader reader, int lineOffset) {
        this.source = source;
        this.reader = reader;
        this.lineOffset = lineOffset;
    }

    /**
     * Reads bytes whose encoding the XML declaration or BOM names (UTF-8 by default). Blank lines before
     * the declaration, which templating servers often emit and XML forbids, are skipped.
     */
    static SafeXml open(String source, byte[] content) throws FormatException {
        Text.checkSize(source, content);
        int start = 0;
        int lines = 0;
        while (start < content.length && (content[start] == ' ' || content[start] == '\t' || content[start] == '\r' || content[start] == '\n')) {
            lines += content[start] == '\n' ? 1 : 0;
            start++;
        }
        try {
            return new SafeXml(source, FACTORY.createXMLStreamReader(
                    new ByteArrayInputStream(content, start, content.length - start)), lines);
        } catch (XMLStreamException e) {
            throw error(source, e, lines);
        }
    }

    /** Reads text that was already decoded (and perhaps wrapped in a synthetic root). */
    static SafeXml open(String source, String text) throws FormatException {
        try {
            return new SafeXml(source, FACTORY.createXMLStreamReader(new StringReader(text)), 0);
        } catch (XMLStreamException e) {
            throw error(source, e, 0);
        }
    }

    /** Moves to the next start tag, whatever its depth; false at the end of the document. */
    boolean nextElement() throws FormatException {
        int event;
        while ((event = next()) != XMLStreamConstants.END_DOCUMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next start element, end element or end of document; text, comments and processing
     * instructions are skipped.
     */
    int next() throws FormatException {
        try {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                        if (++depth > MAX_DEPTH) {
                            throw fail("elements nested deeper than " + MAX_DEPTH + " levels");
                        }
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            if (reader.getAttributeValue(i).length() > MAX_ATTRIBUTE) {
                                throw fail("attribute '" + reader.getAttributeLocalName(i) + "' is longer than "
                                        + MAX_ATTRIBUTE + " characters");
                            }
                        }
                        return event;
                    case XMLStreamConstants.END_ELEMENT:
                        depth--;
                        return event;
                    case XMLStreamConstants.END_DOCUMENT:
                        return event;
                    case XMLStreamConstants.DTD:
                        throw fail("DOCTYPE declarations are not accepted (no DTDs, no entities)");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw fail("entity reference '" + reader.getLocalName() + "' is not accepted");
                    default:
                        break;
                }
            }
        } catch (XMLStreamException e) {
            throw error(source, e, lineOffset);
        }
    }

    /** The text inside the current start element, up to its end element (which becomes current). */
    String elementText() throws FormatException {
        try {
            String text = reader.getElementText();
            depth--;
            if (text.length() > MAX_ATTRIBUTE) {
                throw fail("element text longer than " + MAX_ATTRIBUTE + " characters");
            }
            return text;
        } catch (XMLStreamException e) {
            throw error(source, e, lineOffset);
        }
    }

    /** Skips the current element and everything inside it. */
    void skipElement() throws FormatException {
        int level = 1;
        while (level > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                level++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    String name() {
        return reader.getLocalName();
    }

    /** The attribute's value, or null; attribute names match case-insensitively. */
    String attribute(String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    int attributeCount() {
        return reader.getAttributeCount();
    }

    String attributeName(int index) {
        return reader.getAttributeLocalName(index);
    }

    int line() {
        Location location = reader.getLocation();
        return location == null ? 0 : Math.max(0, location.getLineNumber()) + lineOffset;
    }

    FormatException fail(String message) {
        return new FormatException(source, line(), message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing is held open: the input is in memory
        }
    }

    private static FormatException error(String source, XMLStreamException e, int lineOffset) {
        Location location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNumber()) + lineOffset;
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int cut = message.indexOf("Message: ");
        if (cut >= 0) {
            message = message.substring(cut + "Message: ".length());
        }
        return new FormatException(source, line, "not well-formed XML: " + message.strip());
    }

    private static XMLInputFactory factory() {
        // The JDK's own implementation, whatever else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
