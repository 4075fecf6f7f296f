package org.pmw.ui.search;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.scene.layout.HBox;

/** A message cell that shows the query's words in bold on a highlight. */
final class HighlightCell<S> extends TableCell<S, String> {

    private final Supplier<List<String>> terms;

    HighlightCell(Supplier<List<String>> terms) {
        this.terms = terms;
        getStyleClass().add("message-cell");
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        String text = item;
        String lower = text.toLowerCase(Locale.ROOT);
        // an HBox of Text nodes never wraps, so a long message stays on its row
        HBox flow = new HBox();
        int at = 0;
        List<String> words = terms.get();
        while (at < text.length()) {
            int best = -1;
            String bestWord = null;
            for (String w : words) {
                int i = lower.indexOf(w, at);
                if (i >= 0 && (best < 0 || i < best)) {
                    best = i;
                    bestWord = w;
                }
            }
            if (best < 0) {
                flow.getChildren().add(plain(text.substring(at)));
                break;
            }
            if (best > at) {
                flow.getChildren().add(plain(text.substring(at, best)));
            }
            Text match = new Text(text.substring(best, best + bestWord.length()));
            match.getStyleClass().add("match");
            flow.getChildren().add(match);
            at = best + bestWord.length();
        }
        setGraphic(flow);
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("plain");
        return t;
    }
}
