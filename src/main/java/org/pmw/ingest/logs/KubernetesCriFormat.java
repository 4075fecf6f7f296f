package org.pmw.ingest.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmw.ingest.ParseContext;

/**
 * The CRI log format containerd and CRI-O write for Kubernetes ({@code /var/log/pods/NS_POD_UID/CONTAINER/0.log},
 * linked from {@code /var/log/containers/}): {@code 2024-03-12T10:00:01.123456789Z stdout F message}. The tag
 * {@code P} marks a piece of a longer line, put back together with the pieces after it on its stream up to the
 * {@code F} line. The level is the one the container's line states; {@code stream} is a field, and so are
 * {@code pod}, {@code namespace} and {@code container} where the file's name is the one {@code /var/log/containers/}
 * gives it ({@code POD_NAMESPACE_CONTAINER-ID.log}).
 */
final class KubernetesCriFormat extends ContainerLogFormat {

    private static final String EXPECTED = "expected 'yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ stdout|stderr F|P message' "
            + "(a Kubernetes CRI log line)";

    /** The name kubelet gives the link in /var/log/containers: pod_namespace_container-containerID.log. */
    private static final Pattern CONTAINERS_LINK_NAME =
            Pattern.compile("([a-z0-9][-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)_([a-z0-9][-a-z0-9]*)-[0-9a-f]{64}\\.log");

    KubernetesCriFormat() {
        super("kubernetes_cri", "Kubernetes container log (containerd, CRI-O): split lines rejoined, stack traces joined",
                "2024-03-12T10:00:01.123456789Z stderr F 2024-03-12 10:00:01,123 ERROR [main] c.e.shop.Checkout - "
                        + "Payment failed for order 7731");
    }

    @Override
    ContainerLineParser newParser(ParseContext context) {
        String pod = null;
        String namespace = null;
        String container = null;
        Matcher name = context.fileName() == null ? null : CONTAINERS_LINK_NAME.matcher(context.fileName());
        if (name != null && name.matches()) {
            pod = name.group(1);
            namespace = name.group(2);
            container = name.group(3);
        }
        return new Parser(new LocalClock(context.zone()), pod, namespace, container);
    }

    private static final class Parser extends ContainerLineParser {

        private final LocalClock clock;
        private final ParsedTime time = new ParsedTime();
        private final String pod;
        private final String namespace;
        private final String container;

        Parser(LocalClock clock, String pod, String namespace, String container) {
            this.clock = clock;
            this.pod = pod;
            this.namespace = namespace;
            this.container = container;
        }

        @Override
        Result read(String s, Draft d) {
            if (!Timestamps.iso(s, 0, '-', time) || !Timestamps.at(s, 10, 'T') || !Timestamps.at(s, time.end, ' ')) {
                return none(EXPECTED);
            }
            int i = time.end + 1;
            String stream;
            if (s.startsWith("stdout ", i)) {
                stream = "stdout";
            } else if (s.startsWith("stderr ", i)) {
                stream = "stderr";
            } else {
                return none(EXPECTED);
            }
            i += 7;
            int tagEnd = s.indexOf(' ', i);
            if (tagEnd < 0) {
                tagEnd = s.length(); // an empty line the container wrote, its trailing space lost
            }
            Boolean partial = partial(s, i, tagEnd);
            if (partial == null) {
                return none(EXPECTED);
            }
            d.copyTimeFrom(time, clock, s.substring(0, time.end));
            d.field("pod", pod);
            d.field("namespace", namespace);
            d.field("container", container);
            return wrapped(stream, tagEnd < s.length() ? s.substring(tagEnd + 1) : "", partial, d);
        }

        /** The tags between ':'s: P (partial) or F (full); null for anything else. */
        private static Boolean partial(String s, int from, int to) {
            if (to == from) {
                return null;
            }
            boolean partial = false;
            for (String tag : s.substring(from, to).split(":", -1)) {
                if (tag.equals("P")) {
                    partial = true;
                } else if (!tag.equals("F")) {
                    return null;
                }
            }
            return partial;
        }
    }
}
