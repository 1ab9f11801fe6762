/** Storage and cryptography of the identity module; not for other modules. */
package org.chengxin.identity.internal;
