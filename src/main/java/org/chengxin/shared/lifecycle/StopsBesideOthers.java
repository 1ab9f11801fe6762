package org.chengxin.shared.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * A component whose stop waits (for its running work to end) beside the other components of its shutdown phase, not
 * after them: Spring calls {@link #stop(Runnable)} on each component of a phase in turn, and a stop that blocked would
 * make the phase's waits add up. {@link #stop()} does the waiting, on a thread of its own.
 */
public interface StopsBesideOthers extends SmartLifecycle {

    @Override
    default void stop(Runnable callback) {
        Thread waiting = new Thread(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        }, getClass().getSimpleName() + "-stop");
        waiting.setDaemon(true);
        waiting.start();
    }
}
