package org.pmw.analysis.patterns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Online log template miner in the style of Drain (He et al., "Drain: An Online Log Parsing Approach with
 * Fixed Depth Tree", ICWS 2017), written for this project.
 *
 * <p>A message is masked ({@link MessageMasker}) and split into tokens. A fixed-depth tree routes it by its
 * token count and then by its first {@code Settings.prefixTokens} tokens (a token holding a variable goes to
 * the wildcard branch, as does any token once a node has {@code maxChildren} children). The leaf holds a list
 * of clusters; the message joins the most similar compatible one and that template turns the differing
 * positions into {@code <*>}; otherwise it starts a new cluster. Similarity is the share of positions with an
 * equal token (a template {@code <*>} counts as equal) and must reach {@code similarity}. Unlike Drain, two
 * different words (tokens without a masked variable) at one position make a cluster incompatible, unless the
 * word is a value after a key ending in ':' or '=': "Connection refused" and "Connection reset" stay two
 * patterns. With the masking doing the work of telling variables apart, this one rule is what lets a single
 * configuration beat Drain's per-dataset tuned accuracy on all eight Loghub 2k datasets
 * ({@link LoghubEvaluation}).
 *
 * <p>Ids are "p" + a sequence number in order of first appearance, so rebuilding over the same input in the
 * same order gives the same ids. A message's id is fixed when it is assigned; a template may widen later under
 * the same id.
 *
 * <p>Memory is bounded: at most {@code maxClustersPerLeaf} clusters per leaf and {@code maxClusters} overall.
 * When a new cluster is not allowed, the message is merged into the most similar cluster of its leaf whatever
 * the similarity (widening that template). Once {@code maxClusters} is reached the tree stops growing except
 * for wildcard branches, so a message with an unseen prefix lands in the wildcard leaf of its token count; if
 * that leaf is still empty it gets one catch-all cluster. The total therefore exceeds {@code maxClusters} by
 * at most the number of distinct token counts seen after the cap. Nothing is ever evicted, so every id handed
 * out stays valid (merging was chosen over LRU eviction for that reason). Only the first {@value #MAX_TOKENS}
 * tokens of a message are mined, so a template's size is bounded too.
 *
 * <p>Thread-safety: {@link #assign(String, long)}, {@link #patterns()} and {@link #save(OutputStream)} are
 * synchronized, so one miner may be shared, but it is meant to be fed by one import thread (ids follow the
 * order of calls).
 */
public final class PatternMiner {

    /**
     * Mining parameters; one configuration serves all log types.
     *
     * @param prefixTokens       how many leading tokens route a message in the tree (Drain's depth minus 2)
     * @param similarity         least share of equal tokens for a message to join a cluster (0..1)
     * @param maxChildren        most children of a tree node before further tokens share the wildcard branch
     * @param maxClustersPerLeaf most clusters in one leaf
     * @param maxClusters        most clusters overall (see the class comment for how the cap is kept)
     */
    public record Settings(int prefixTokens, double similarity, int maxChildren, int maxClustersPerLeaf,
                           int maxClusters) {

        public Settings {
            if (prefixTokens < 0 || similarity < 0 || similarity > 1 || maxChildren < 1 || maxClustersPerLeaf < 1
                    || maxClusters < 1) {
                throw new IllegalArgumentException("invalid pattern miner settings: prefixTokens=" + prefixTokens
                        + " similarity=" + similarity + " maxChildren=" + maxChildren + " maxClustersPerLeaf="
                        + maxClustersPerLeaf + " maxClusters=" + maxClusters);
            }
        }

        /** The configuration used everywhere, including the Loghub evaluation. */
        public static Settings defaults() {
            return new Settings(2, 0.5, 100, 200, 20_000);
        }
    }

    private static final String WILDCARD = MessageMasker.WILDCARD;
    private static final int FORMAT_VERSION = 1;
    /** Tokens of a message that take part in mining; the rest become one trailing {@code <*>}. */
    public static final int MAX_TOKENS = 256;

    private final Settings settings;
    private final Map<Integer, Node> byLength = new HashMap<>();
    private final List<Cluster> clusters = new ArrayList<>();
    private final Map<String, Cluster> byId = new HashMap<>();
    private long nextId = 1;

    public PatternMiner() {
        this(Settings.defaults());
    }

    public PatternMiner(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    /** Assigns a message without a timestamp; returns its pattern id. */
    public String assign(String message) {
        return assign(message, PatternInfo.NO_TIME);
    }

    /** Assigns a message seen at {@code ts} (epoch ms); returns its pattern id. */
    public synchronized String assign(String message, long ts) {
        String[] tokens = MessageMasker.maskedTokens(message == null ? "" : message);
        if (tokens.length > MAX_TOKENS) {
            // bounded templates: a stack trace's tail is one variable, the head decides the pattern
            tokens = Arrays.copyOf(tokens, MAX_TOKENS);
            tokens[MAX_TOKENS - 1] = WILDCARD;
        }
        String[] routeKeys = new String[Math.min(settings.prefixTokens(), tokens.length)];
        Node leaf = route(tokens, routeKeys);
        Match best = bestMatch(leaf.clusters, tokens, true);
        if (best == null || best.similarity() < settings.similarity()) {
            if (leaf.clusters.size() < settings.maxClustersPerLeaf() && clusters.size() < settings.maxClusters()
                    || leaf.clusters.isEmpty()) {
                Cluster created = new Cluster("p" + nextId++, tokens.clone(), routeKeys);
                leaf.clusters.add(created);
                clusters.add(created);
                byId.put(created.id, created);
                created.seen(ts);
                return created.id;
            }
            best = bestMatch(leaf.clusters, tokens, false); // at a cap: merge into the nearest, widening it
        }
        best.cluster.widen(tokens);
        best.cluster.seen(ts);
        return best.cluster.id;
    }

    /** The template of a pattern id, or null when the id is unknown. */
    public synchronized String template(String id) {
        Cluster c = byId.get(id);
        return c == null ? null : c.templateText();
    }

    /** All patterns in order of first appearance. */
    public synchronized List<PatternInfo> patterns() {
        List<PatternInfo> out = new ArrayList<>(clusters.size());
        for (Cluster c : clusters) {
            out.add(new PatternInfo(c.id, c.templateText(), c.count, c.firstSeen, c.lastSeen));
        }
        return out;
    }

    public synchronized int size() {
        return clusters.size();
    }

    // ---- tree ----------------------------------------------------------------------------------------

    /** Walks (and grows) the tree to the leaf for these tokens, writing the keys taken into {@code keys}. */
    private Node route(String[] tokens, String[] keys) {
        Node node = byLength.computeIfAbsent(tokens.length, k -> new Node());
        for (int i = 0; i < keys.length; i++) {
            String key = MessageMasker.hasVariable(tokens[i]) ? WILDCARD : tokens[i];
            Node child = node.children.get(key);
            if (child == null) {
                boolean full = node.children.size() >= settings.maxChildren() - 1
                        || clusters.size() >= settings.maxClusters();
                if (!full || key.equals(WILDCARD)) {
                    child = new Node();
                    node.children.put(key, child);
                } else {
                    key = WILDCARD;
                    child = node.children.computeIfAbsent(WILDCARD, k -> new Node());
                }
            }
            keys[i] = key;
            node = child;
        }
        return node;
    }

    private record Match(Cluster cluster, double similarity) {
    }

    /**
     * The most similar compatible cluster of a leaf. Similarity is the share of positions where the template
     * token equals the message token, a template wildcard counting as equal. A cluster is incompatible when a
     * position holds two different words (tokens without a variable): "Connection refused" and "Connection
     * reset" are different events, so words never widen into {@code <*>} - unless the word is the value of a
     * key ("hive: SOFTWARE,", "state=RUNNING"), i.e. the token before it ends in ':' or '='. A literal template
     * token facing a masked variable is incompatible too ("****" against "3552"). Ties go to the cluster with
     * fewer wildcards (the more specific template), then to the older one. Without {@code compatibleOnly}
     * the most similar cluster is returned whatever it holds (used when a cap forbids a new cluster).
     */
    private static Match bestMatch(List<Cluster> candidates, String[] tokens, boolean compatibleOnly) {
        Cluster best = null;
        int bestEqual = -1;
        int bestWild = Integer.MAX_VALUE;
        for (Cluster c : candidates) {
            String[] t = c.tokens;
            int equal = 0;
            int wild = 0;
            boolean compatible = true;
            for (int i = 0; i < t.length && (compatible || !compatibleOnly); i++) {
                String tt = t[i];
                if (tt == WILDCARD) {
                    wild++;
                    equal++;
                } else if (tt.equals(tokens[i])) {
                    equal++;
                } else if (!MessageMasker.hasVariable(tt)) {
                    compatible = !MessageMasker.hasVariable(tokens[i]) && isKeyValue(tokens, i);
                }
            }
            if ((compatible || !compatibleOnly) && (equal > bestEqual || (equal == bestEqual && wild < bestWild))) {
                best = c;
                bestEqual = equal;
                bestWild = wild;
            }
        }
        if (best == null) {
            return null;
        }
        return new Match(best, tokens.length == 0 ? 1.0 : (double) bestEqual / tokens.length);
    }

    private static boolean isKeyValue(String[] tokens, int i) {
        if (i == 0) {
            return false;
        }
        String previous = tokens[i - 1];
        char last = previous.charAt(previous.length() - 1);
        return last == ':' || last == '=';
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        final List<Cluster> clusters = new ArrayList<>(2);
    }

    private static final class Cluster {
        final String id;
        final String[] tokens;
        final String[] route;
        long count;
        long firstSeen = PatternInfo.NO_TIME;
        long lastSeen = PatternInfo.NO_TIME;

        Cluster(String id, String[] tokens, String[] route) {
            this.id = id;
            this.tokens = tokens;
            this.route = route;
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].equals(WILDCARD)) {
                    tokens[i] = WILDCARD; // identity comparison in bestMatch
                }
            }
        }

        void widen(String[] message) {
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] != WILDCARD && !tokens[i].equals(message[i])) {
                    tokens[i] = WILDCARD;
                }
            }
        }

        void seen(long ts) {
            count++;
            if (ts != PatternInfo.NO_TIME) {
                if (firstSeen == PatternInfo.NO_TIME || ts < firstSeen) {
                    firstSeen = ts;
                }
                if (lastSeen == PatternInfo.NO_TIME || ts > lastSeen) {
                    lastSeen = ts;
                }
            }
        }

        String templateText() {
            return String.join(" ", tokens);
        }
    }

    // ---- persistence ---------------------------------------------------------------------------------

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** The saved form: settings, the next id and every cluster with its tree route. */
    record State(String format, int version, Settings settings, long nextId, List<SavedPattern> patterns) {
    }

    /**
     * One saved cluster; {@code template} is for people reading the file (tokens are authoritative);
     * {@code firstSeen}/{@code lastSeen} are null when never timestamped.
     */
    record SavedPattern(String id, String template, List<String> tokens, List<String> route, long count,
                        Long firstSeen, Long lastSeen) {
    }

    /** Writes the miner state as JSON (the stream is left open). */
    public synchronized void save(OutputStream out) throws IOException {
        List<SavedPattern> saved = new ArrayList<>(clusters.size());
        for (Cluster c : clusters) {
            saved.add(new SavedPattern(c.id, c.templateText(), List.of(c.tokens), List.of(c.route), c.count,
                    c.firstSeen == PatternInfo.NO_TIME ? null : c.firstSeen,
                    c.lastSeen == PatternInfo.NO_TIME ? null : c.lastSeen));
        }
        JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, new State("pmw-patterns", FORMAT_VERSION, settings, nextId, saved));
    }

    /**
     * Reads a miner saved by {@link #save(OutputStream)}; mining continues where it stopped.
     *
     * @throws IOException when the content is not a saved pattern miner, naming what was expected
     */
    public static PatternMiner load(InputStream in) throws IOException {
        State state;
        try {
            state = JSON.readValue(in, State.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("pattern state: expected the JSON written by PatternMiner.save: "
                    + e.getMessage(), e);
        }
        if (state == null || !"pmw-patterns".equals(state.format()) || state.version() != FORMAT_VERSION
                || state.settings() == null || state.patterns() == null) {
            throw new IOException("pattern state: expected an object with format \"pmw-patterns\", version "
                    + FORMAT_VERSION + ", settings and patterns");
        }
        PatternMiner miner = new PatternMiner(state.settings());
        long maxId = 0;
        int index = 0;
        for (SavedPattern p : state.patterns()) {
            if (p == null || p.id() == null || p.tokens() == null || p.route() == null
                    || p.route().size() != Math.min(state.settings().prefixTokens(), p.tokens().size())) {
                throw new IOException("pattern state: pattern #" + (index + 1)
                        + " needs an id, tokens and a route of min(prefixTokens, token count) keys");
            }
            String[] tokens = p.tokens().toArray(new String[0]);
            String[] route = p.route().toArray(new String[0]);
            Node node = miner.byLength.computeIfAbsent(tokens.length, k -> new Node());
            for (String key : route) {
                node = node.children.computeIfAbsent(key, k -> new Node());
            }
            Cluster c = new Cluster(p.id(), tokens, route);
            c.count = p.count();
            c.firstSeen = p.firstSeen() == null ? PatternInfo.NO_TIME : p.firstSeen();
            c.lastSeen = p.lastSeen() == null ? PatternInfo.NO_TIME : p.lastSeen();
            if (miner.byId.put(c.id, c) != null) {
                throw new IOException("pattern state: pattern id " + c.id + " appears twice");
            }
            node.clusters.add(c);
            miner.clusters.add(c);
            if (c.id.startsWith("p")) {
                try {
                    maxId = Math.max(maxId, Long.parseLong(c.id.substring(1)));
                } catch (NumberFormatException ignored) {
                    // ids other than p<number> never collide with the ones this miner hands out
                }
            }
            index++;
        }
        // never hand out an id twice, even if nextId was edited by hand
        miner.nextId = Math.max(state.nextId(), maxId + 1);
        return miner;
    }
}
