/** Answering a mutual query: the person's standing read, shared as the rule allows, logged and audited in one transaction. */
package org.chengxin.mutual.internal;
