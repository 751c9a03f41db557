package vitrina.generator.materials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ODT/ODP/ODS text from {@code content.xml}, read with StAX (no DTDs, no external entities) through a stream
 * that stops at {@link #MAX_XML_BYTES}, so a zip bomb cannot inflate without bound.
 */
final class OdfExtractor {
    static final long MAX_XML_BYTES = 50L * 1024 * 1024;

    private OdfExtractor() {
    }

    static Extraction extract(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("content.xml");
            if (entry == null) {
                return Extraction.failed("material.corrupt", "в архиве нет content.xml");
            }
            try (InputStream raw = zip.getInputStream(entry); InputStream in = new LimitedInputStream(raw)) {
                return read(in);
            } catch (LimitedInputStream.LimitExceeded e) {
                return Extraction.failed("material.bomb", "content.xml больше 50 МБ после распаковки");
            }
        }
    }

    private static Extraction read(InputStream in) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        StringBuilder sb = new StringBuilder();
        int pages = 0;
        try {
            XMLStreamReader r = f.createXMLStreamReader(in, "UTF-8");
            while (r.hasNext() && sb.length() < MaterialInspector.MAX_CHARS) {
                int ev = r.next();
                if (ev == XMLStreamConstants.CHARACTERS) {
                    sb.append(r.getText());
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if ("page".equals(name)) {
                        pages++;
                    }
                    if ("s".equals(name) || "tab".equals(name) || "line-break".equals(name)) {
                        sb.append(' ');
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT
                        && ("p".equals(r.getLocalName()) || "h".equals(r.getLocalName()))) {
                    sb.append('\n');
                }
            }
        } catch (XMLStreamException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof LimitedInputStream.LimitExceeded limit) {
                    throw limit;
                }
            }
            if (e.getNestedException() instanceof LimitedInputStream.LimitExceeded limit) {
                throw limit;
            }
            return Extraction.failed("material.corrupt", "content.xml не читается: " + e.getMessage());
        }
        return new Extraction(sb.toString().replaceAll("\\s+", " ").strip(), pages, "", "");
    }

    /** Fails once more than {@link #MAX_XML_BYTES} bytes have been read. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long count;

        LimitedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws LimitExceeded {
            count += n;
            if (count > MAX_XML_BYTES) {
                throw new LimitExceeded();
            }
        }

        static final class LimitExceeded extends IOException {
            LimitExceeded() {
                super("limit exceeded");
            }
        }
    }
}
