package org.pmw.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Scores every known format on a file's sample and picks the best one. */
public final class FormatDetector {

    /** Below this score a format is not taken, however it ranks. */
    public static final double MIN_SCORE = 0.5;

    private final FormatRegistry registry;

    public FormatDetector(FormatRegistry registry) {
        this.registry = registry;
    }

    public record Score(Format format, double score) {
    }

    /** Every format's score on the sample, best first. A format that throws scores 0. */
    public List<Score> rank(Sample sample) {
        List<Score> scores = new ArrayList<>();
        for (Format format : registry.all()) {
            double score;
            try {
                score = format.score(sample);
            } catch (RuntimeException e) {
                score = 0;
            }
            scores.add(new Score(format, Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score))));
        }
        scores.sort(Comparator.comparingDouble(Score::score).reversed());
        return scores;
    }

    /** The best format, if its score reaches {@link #MIN_SCORE}. */
    public Optional<Format> detect(Sample sample) {
        List<Score> ranked = rank(sample);
        if (ranked.isEmpty() || ranked.get(0).score() < MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0).format());
    }
}
