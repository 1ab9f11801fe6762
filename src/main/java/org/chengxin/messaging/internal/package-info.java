/** The SMS and e-mail adapters. */
package org.chengxin.messaging.internal;
