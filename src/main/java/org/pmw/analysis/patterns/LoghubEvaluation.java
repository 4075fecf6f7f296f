package org.pmw.analysis.patterns;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grouping accuracy of {@link PatternMiner} on the Loghub 2k benchmark datasets (Zhu et al., "Loghub: A Large
 * Collection of System Log Datasets for AI-driven Log Analytics", ISSRE 2023).
 *
 * <p>For each dataset {@code NAME/NAME_2k.log_structured.csv} the {@code Content} column is mined line by line
 * with the default settings (one configuration for all datasets) and the {@code EventId} column is the truth.
 * A line counts as right when the set of lines sharing its predicted pattern equals the set of lines sharing its
 * true template; accuracy is the share of right lines. The datasets are read where they lie and never copied.
 *
 * <p>Run: {@code java -cp target/pmw.jar org.pmw.analysis.patterns.LoghubEvaluation [DIR]}; DIR defaults to
 * {@code ../shared/loghub-dev}.
 */
public final class LoghubEvaluation {

    /** The datasets in benchmark order, with the grouping accuracy published for Drain. */
    public static final Map<String, Double> DRAIN_ACCURACY = orderedDrain();

    /** Accuracy of one dataset. */
    public record Result(String dataset, int lines, int trueTemplates, int patterns, double accuracy,
                         double drainAccuracy) {
    }

    private LoghubEvaluation() {
    }

    private static Map<String, Double> orderedDrain() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("HDFS", 0.998);
        m.put("Hadoop", 0.948);
        m.put("Spark", 0.920);
        m.put("Zookeeper", 0.967);
        m.put("BGL", 0.963);
        m.put("HPC", 0.887);
        m.put("Thunderbird", 0.955);
        m.put("Windows", 0.997);
        return Collections.unmodifiableMap(m);
    }

    /** The structured CSV of a dataset under {@code root}. */
    public static Path structuredCsv(Path root, String dataset) {
        return root.resolve(dataset).resolve(dataset + "_2k.log_structured.csv");
    }

    /** Evaluates every dataset present under {@code root}, in benchmark order. */
    public static List<Result> evaluateAll(Path root, PatternMiner.Settings settings) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Double> e : DRAIN_ACCURACY.entrySet()) {
            Path csv = structuredCsv(root, e.getKey());
            if (Files.isRegularFile(csv)) {
                results.add(evaluate(e.getKey(), csv, settings, e.getValue()));
            }
        }
        return results;
    }

    /** Mines the Content column of one structured CSV and scores it against its EventId column. */
    public static Result evaluate(String dataset, Path csv, PatternMiner.Settings settings, double drain)
            throws IOException {
        List<String> contents = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            if (!parser.getHeaderMap().containsKey("Content") || !parser.getHeaderMap().containsKey("EventId")) {
                throw new IOException(csv + ": line 1: expected a header with Content and EventId columns");
            }
            for (CSVRecord r : parser) {
                contents.add(r.get("Content"));
                truth.add(r.get("EventId"));
            }
        }
        PatternMiner miner = new PatternMiner(settings);
        List<String> predicted = new ArrayList<>(contents.size());
        for (String content : contents) {
            predicted.add(miner.assign(content));
        }
        double accuracy = groupingAccuracy(predicted, truth);
        int templates = (int) truth.stream().distinct().count();
        return new Result(dataset, contents.size(), templates, miner.size(), accuracy, drain);
    }

    /**
     * Share of lines whose predicted group is exactly the set of lines sharing their true group.
     *
     * @param predicted predicted group per line
     * @param truth     true group per line, same length
     */
    public static double groupingAccuracy(List<String> predicted, List<String> truth) {
        if (predicted.size() != truth.size()) {
            throw new IllegalArgumentException("predicted has " + predicted.size() + " lines, truth "
                    + truth.size());
        }
        if (predicted.isEmpty()) {
            return 1.0;
        }
        Map<String, Integer> truthSize = new HashMap<>();
        truth.forEach(t -> truthSize.merge(t, 1, Integer::sum));
        Map<String, Integer> predictedSize = new HashMap<>();
        Map<String, String> predictedTruth = new HashMap<>();
        Map<String, Boolean> pure = new HashMap<>();
        for (int i = 0; i < predicted.size(); i++) {
            String p = predicted.get(i);
            predictedSize.merge(p, 1, Integer::sum);
            String previous = predictedTruth.putIfAbsent(p, truth.get(i));
            if (previous != null && !previous.equals(truth.get(i))) {
                pure.put(p, false);
            }
        }
        long right = 0;
        for (Map.Entry<String, Integer> e : predictedSize.entrySet()) {
            String p = e.getKey();
            if (pure.getOrDefault(p, true) && truthSize.get(predictedTruth.get(p)).equals(e.getValue())) {
                right += e.getValue();
            }
        }
        return (double) right / predicted.size();
    }

    /** The results as a Markdown table with an average row. */
    public static String markdown(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Dataset | Lines | True templates | Patterns | Accuracy | Drain (published) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        double sum = 0;
        double drainSum = 0;
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", r.dataset(), r.lines(),
                    r.trueTemplates(), r.patterns(), r.accuracy(), r.drainAccuracy()));
            sum += r.accuracy();
            drainSum += r.drainAccuracy();
        }
        if (!results.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "| Average | | | | %.3f | %.3f |%n", sum / results.size(),
                    drainSum / results.size()));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/loghub-dev");
        if (!Files.isDirectory(root)) {
            System.out.println("Loghub datasets not found at " + root.toAbsolutePath().normalize()
                    + "; skipping the evaluation.");
            return;
        }
        List<Result> results = evaluateAll(root, PatternMiner.Settings.defaults());
        if (results.isEmpty()) {
            System.out.println("No NAME/NAME_2k.log_structured.csv under " + root + "; skipping the evaluation.");
            return;
        }
        System.out.print(markdown(results));
    }
}
