package org.chengxin.firms;

import org.chengxin.shared.firm.Uscc;

/** A firm the platform holds records about: its code, its name as last pushed, and where it registered. */
public record Firm(Uscc uscc, String name, String regionCode) {
}
