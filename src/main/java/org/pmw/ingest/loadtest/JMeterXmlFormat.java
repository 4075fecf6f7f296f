package org.pmw.ingest.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pmw.ingest.Format;
import org.pmw.ingest.FormatCategory;
import org.pmw.ingest.FormatException;
import org.pmw.ingest.ParseContext;
import org.pmw.ingest.ParseInput;
import org.pmw.ingest.ParseSink;
import org.pmw.ingest.Sample;

/**
 * JMeter JTL results saved as XML: {@code <testResults>} holding {@code <httpSample>} and {@code <sample>}
 * elements whose attributes carry the figures. Nested samples (embedded resources, redirects, transaction
 * children) become events marked {@code sub_result} but only top-level samples count in the steps.
 * <p>
 * A DOCTYPE is refused outright and external entities are never resolved: a results file has no use for them
 * and they are the way XML parsers are made to read other files. A file cut short (JMeter killed before it
 * wrote {@code </testResults>}) keeps the samples read so far and reports the rest as skipped.
 */
public final class JMeterXmlFormat implements Format {

    static final String NAME = "jmeter_xml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "JMeter JTL results saved as XML (<testResults> with httpSample/sample)";
    }

    @Override
    public String example() {
        return "<httpSample t=\"118\" it=\"0\" lt=\"112\" ct=\"3\" ts=\"1128952931123\" s=\"true\" lb=\"GET /index.php\""
                + " rc=\"200\" rm=\"OK\" tn=\"Thread Group 1-7\" dt=\"text\" by=\"5120\" sby=\"118\" ng=\"50\" na=\"50\"/>";
    }

    @Override
    public FormatCategory category() {
        return FormatCategory.LOADTEST;
    }

    @Override
    public double score(Sample sample) {
        String head = new String(sample.head(), StandardCharsets.UTF_8);
        if (head.contains("<testResults")) {
            return 0.95;
        }
        return head.contains("<httpSample ") && head.contains(" lb=\"") ? 0.7 : 0;
    }

    /** Whether nothing but blanks follows the file's opening {@code <testResults ...>} element. */
    private static boolean onlyTheRootElement(ParseInput input) throws IOException {
        int most = 64 * 1024;
        byte[] head;
        try (InputStream in = input.stream()) {
            head = in.readNBytes(most + 1);
        }
        String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
        int root = text.indexOf("<testResults");
        int end = root < 0 ? -1 : text.indexOf('>', root);
        return head.length <= most && end >= 0 && text.substring(end + 1).isBlank();
    }

    @Override
    public void parse(ParseInput input, ParseContext ctx, ParseSink sink) throws IOException {
        StepAggregator steps = new StepAggregator();
        TransactionTotals transactions = new TransactionTotals();
        List<String> notes = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        String file = input.fileName();
        long emitted = 0;
        long samplesStarted = 0;
        boolean rootSeen = false;
        XMLStreamReader xml = null;
        try (InputStream in = input.stream()) {
            xml = factory.createXMLStreamReader(in);
            Deque<JMeterSample> open = new ArrayDeque<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FormatException(file + ": line " + xml.getLocation().getLineNumber()
                            + ": DOCTYPE declarations and entities are refused in JTL files (a JTL file starts with"
                            + " <testResults> and needs neither)");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!rootSeen) {
                        if (!name.equals("testResults")) {
                            throw new FormatException(file + ": line " + xml.getLocation().getLineNumber()
                                    + ": expected the JTL root element <testResults>, found <" + name + ">");
                        }
                        rootSeen = true;
                    } else if (name.equals("httpSample") || name.equals("sample")) {
                        samplesStarted++;
                        open.push(start(xml, !open.isEmpty()));
                    } else if (name.equals("java.net.URL") && !open.isEmpty()) {
                        open.peek().url = xml.getElementText();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && !open.isEmpty()
                        && (xml.getLocalName().equals("httpSample") || xml.getLocalName().equals("sample"))) {
                    JMeterSample s = open.pop();
                    if (s.skipReason != null) {
                        ctx.skip(s.line, s.skipReason);
                        continue;
                    }
                    s.emit(ctx, sink, steps, transactions);
                    emitted++;
                }
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            if (rootSeen && samplesStarted == 0 && onlyTheRootElement(input)) {
                // JMeter writes <testResults> when the test starts and closes it at the end: a test killed before
                // its first sample leaves the opening element alone, an empty run as a header-only CSV is, with
                // nothing skipped
                notes.add("no samples: the file ends after its <testResults> element (cut off before the first"
                        + " sample)");
            } else if (emitted == 0) {
                throw new FormatException(file + ": line " + line + ": not a readable JMeter XML file: "
                        + e.getMessage(), e);
            } else {
                ctx.skip(line, "the XML is broken from here on (" + firstLine(e.getMessage())
                        + "); the samples before it are kept");
            }
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed has nothing more to report
                }
            }
        }
        if (rootSeen && samplesStarted == 0 && notes.isEmpty()) {
            // a test stopped before its first sample, or the wrong file: an empty run must say so rather than look
            // like a run that was read
            notes.add("no samples: the file has only its <testResults> element");
        }
        sink.loadTestRun(Runs.of(ctx, NAME, steps.steps(notes), steps.start(), steps.end(), notes));
    }

    /** Reads a sample's attributes; a sample that cannot be used carries the reason in {@code skipReason}. */
    private static JMeterSample start(XMLStreamReader xml, boolean nested) {
        JMeterSample s = new JMeterSample();
        s.line = xml.getLocation().getLineNumber();
        s.subResult = nested;
        StringBuilder raw = new StringBuilder("<").append(xml.getLocalName());
        String ts = null;
        String elapsed = null;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = xml.getAttributeLocalName(i);
            String value = xml.getAttributeValue(i);
            raw.append(' ').append(name).append("=\"").append(value.replace("\"", "&quot;")).append('"');
            switch (name) {
                case "t" -> elapsed = value;
                case "ts" -> ts = value;
                case "lt" -> s.latency = nonNegative(value);
                case "ct" -> s.connect = nonNegative(value);
                case "it" -> s.idle = nonNegative(value);
                case "s" -> s.success = Boolean.parseBoolean(value);
                case "lb" -> s.label = value;
                case "rc" -> s.responseCode = value;
                case "rm" -> s.responseMessage = value;
                case "tn" -> s.threadName = value;
                case "by" -> s.bytes = nonNegative(value);
                case "sby" -> s.sentBytes = nonNegative(value);
                case "ng" -> s.groupThreads = (int) Math.max(0, nonNegative(value));
                case "na" -> s.allThreads = (int) Math.max(0, nonNegative(value));
                default -> { }
            }
        }
        s.raw = raw.append("/>").toString();
        Long epoch = Values.longOrNull(ts);
        Long ms = Values.longOrNull(elapsed);
        if (epoch == null) {
            s.skipReason = "attribute ts='" + ts + "' is not epoch milliseconds";
        } else if (ms == null || ms < 0) {
            s.skipReason = "attribute t='" + elapsed + "' is not a non-negative number of milliseconds";
        } else {
            s.ts = epoch;
            s.tsText = ts;
            s.elapsed = ms;
        }
        return s;
    }

    private static long nonNegative(String text) {
        Long v = Values.longOrNull(text);
        return v == null || v < 0 ? -1 : v;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected end";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(nl + 1)).trim();
    }
}
