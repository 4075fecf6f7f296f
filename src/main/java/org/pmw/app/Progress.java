package org.pmw.app;

/**
 * Where long work reports how far it got, and how it learns that the user cancelled it.
 * Implementations must be cheap: they are called often from worker threads.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(String message, double fraction) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param fraction 0..1, or negative when unknown */
    void update(String message, double fraction);

    boolean isCancelled();
}
