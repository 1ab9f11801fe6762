/** The exchange's rules in plain Java: what a change is, what may be shared, the national columns, the feed's cursor. */
package org.chengxin.exchange.domain;
