package org.chengxin.messaging;

import java.time.Instant;
import java.util.List;

/**
 * What the console adapters of the embedded mode sent lately, newest last: how a developer, the demo and the tests
 * read a code "sent" to a phone. Not present when real gateways are configured.
 */
public interface SentMessages {

    List<Sent> to(String address);

    /** The next {@code n} sends through the console fail as a gateway that is down would (for trying the retries). */
    void failNext(int n);

    /** One message as the console adapter wrote it. */
    record Sent(String channel, String address, String subject, String text, Instant at) {

        @Override
        public String toString() {
            return "Sent[" + channel + ", " + at + "]";
        }
    }
}
