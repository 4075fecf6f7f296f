package org.pmw.ui.main;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The node Tab would reach first inside a part of the window: the first one, depth first, that takes the keyboard's
 * focus and is shown and enabled. A panel opened from the keyboard gets its focus there, so the next keys act in it.
 */
final class FirstFocusable {

    private FirstFocusable() {
    }

    static Optional<Node> in(Node root) {
        if (root == null || !root.isVisible() || root.isDisabled()) {
            return Optional.empty();
        }
        if (root.isFocusTraversable()) {
            return Optional.of(root);
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = in(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
