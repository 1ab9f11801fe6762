/** The statements' table and the service that applies the domain's rules to it. */
package org.chengxin.statements.internal;
